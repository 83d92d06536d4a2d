/**
 * The query layer end to end over a real index, built in memory from a
 * handful of plans by the build's own code (src/integrations/search-index/
 * files.ts) and read through the search page's reader: each test states a
 * rule and checks the plans a query returns, in their order.
 */
import { describe, expect, it } from 'vitest';
import { indexFiles } from '../helpers/index-in-memory.ts';
import { SearchEngine, type SearchOutcome } from '../../src/lib/search/engine.ts';
import { numberToken } from '../../src/lib/search/index-fields.ts';
import { IndexError, SearchIndex, type LoadFile } from '../../src/lib/search/index-reader.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { planQuery } from '../../src/lib/search/query-plan.ts';
import { retrieve } from '../../src/lib/search/retrieve.ts';
import type { SearchState } from '../../src/lib/search/url-state.ts';

interface Doc {
  id: string;
  date: string;
  text: string;
  title?: string;
  number?: string;
  cites?: string[];
  filters?: Record<string, string[]>;
}

const DOCS: Doc[] = [
  { id: 'doi-ngu', date: '2022-03-15', text: 'Đào tạo đội ngũ cán bộ. Giám đốc điều hành.', filters: { tinh: ['vinh-long'], nam: ['2022'] } },
  { id: 'dong-thap', date: '2021-06-21', text: 'Đồng bộ dữ liệu tỉnh Đồng Tháp, xã phía đông. Đồng Tháp.', filters: { tinh: ['dong-thap'], nam: ['2021'] } },
  { id: 'dong-ho-so', date: '2023-05-08', text: 'Theo dõi dòng hồ sơ.', filters: { tinh: ['ben-tre', 'vinh-long'], nam: ['2023'] } },
  { id: 'tien-giang', date: '2020-01-22', text: 'Sở Nội vụ tỉnh Tiền Giang.', filters: { tinh: ['tien-giang', 'dong-thap'], nam: ['2020'] } },
  { id: 'thuy-moi', date: '2020-02-17', text: 'Thuỷ lợi, hoà giải, hoá đơn. Uỷ ban nhân dân huyện.', filters: { nam: ['2020'] } },
  { id: 'thuy-cu', date: '2021-04-12', text: 'Thủy sản thủy sản, hòa giải, hóa đơn. Ủy ban nhân dân tỉnh.', filters: { nam: ['2021'] } },
  { id: 'qd-4003', date: '2020-12-31', text: 'Quyết định 4003/QĐ-UBND về cải cách hành chính.', number: '4003/QĐ-UBND', filters: { nam: ['2021'] } },
  { id: 'cites-4003', date: '2021-01-20', text: 'Triển khai kế hoạch công tác.', cites: ['4003/QĐ-UBND'], filters: { nam: ['2021'] } },
  { id: 'kh-4003', date: '2022-09-09', text: 'Năm trước nhận 4003 hồ sơ. UBND tỉnh.', number: '4003/KH-UBND', filters: { nam: ['2022'] } },
  { id: 'viet-tat', date: '2024-04-02', text: 'Rà soát TTHC, CCHC và PAR Index. San hô.', filters: { nam: ['2024'] } },
  { id: 'day-du', date: '2023-02-06', text: 'Thủ tục hành chính, cải cách hành chính, chỉ số cải cách hành chính. Thổ cẩm.', filters: { nam: ['2023'] } },
  { id: 'mot-cua', date: '2022-07-04', text: 'Bộ phận một cửa liên thông. Tinh giản biên chế.', filters: { nam: ['2022'] } },
  {
    id: 'roi-rac',
    date: '2022-08-15',
    text: 'Một số cửa khẩu có thông tin liên quan. Một lần, cửa khẩu gửi thông tin liên quan. Tinh thần đơn giản, biên bản, cơ chế. Tinh thần, đơn giản, biên bản, cơ chế.',
    filters: { nam: ['2022'] },
  },
  { id: 'ke-hoach', date: '2019-05-05', text: 'Kế hoạch năm. Hòa Bình.', filters: { nam: ['2019'] } },
  { id: 'hoa-van', date: '2018-03-03', text: 'Trang trí hoa văn.', filters: { nam: ['2018'] } },
];

/**
 * An engine over `docs` (plan numbers by date, newest first), with small
 * term blocks so that a query reads several; `loaded` records the plans
 * whose text was loaded, `failures` makes the first loads of files fail.
 */
async function setup(docs: Doc[] = DOCS, options: { prefetch?: number; failures?: number; lose?: string } = {}) {
  const plans = [...docs].sort((a, b) => (a.date < b.date ? 1 : -1));
  const { manifest, files } = indexFiles(
    plans.map((d) => ({
      content: d.text,
      meta: { title: d.title ?? d.id, ...(d.number ? { sohieu: numberToken('own', d.number) } : {}), cancu: (d.cites ?? []).map((c) => numberToken('cited', c)).join(' ') },
      filters: d.filters ?? {},
    })),
    ['pagefind/'],
    { blockBytes: 400 },
  );
  let failures = options.failures ?? 0;
  const load: LoadFile = async (path) => {
    if (path !== 'chi-muc.json' && failures-- > 0) throw new Error('network');
    if (path.endsWith(`/${options.lose}`)) return undefined;
    return path === 'chi-muc.json' ? manifest : files.get(path.slice(manifest.set.length + 1));
  };
  const loaded: string[] = [];
  const index = await SearchIndex.open(load);
  const engine = new SearchEngine(
    index,
    async (plan) => {
      loaded.push(plans[plan].id);
      return { url: `/ke-hoach/${plans[plan].id}/`, content: plans[plan].text, meta: {} };
    },
    options,
  );
  const ids = (outcome: SearchOutcome) => outcome.plans.map((plan) => plans[plan].id);
  const run = (q: string, extra: Partial<SearchState> = {}) => engine.run({ q, filters: {}, sort: 'lien-quan', ...extra });
  return { engine, index, loaded, ids, run, find: async (q: string, extra?: Partial<SearchState>) => ids(await run(q, extra)) };
}

const { find, run, ids, index } = await setup();

describe('matching words', () => {
  it.each([
    ['dong thap', 'dong-thap'],
    ['doi ngu can bo', 'doi-ngu'],
    ['dao tao', 'doi-ngu'],
    ['dieu hanh', 'doi-ngu'],
  ])('"%s", typed without diacritics, finds the plan written with them, đ included', async (q, id) => {
    expect((await find(q))[0]).toBe(id);
  });

  it('"dòng" ranks the plan writing exactly "dòng" above those writing Đồng and đông', async () => {
    const result = await find('dòng');
    expect(result[0]).toBe('dong-ho-so');
    expect(result).toEqual(expect.arrayContaining(['dong-thap', 'dong-ho-so']));
  });

  it.each([
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['hoà', 'hòa'],
    ['uỷ ban', 'ủy ban'],
  ])('"%s" and "%s", the two tone placements, give the same plans in the same order', async (a, b) => {
    const [ra, rb] = [await find(a), await find(b)];
    expect(ra).toEqual(rb);
    expect(ra).toEqual(expect.arrayContaining(['thuy-moi', 'thuy-cu']));
  });

  it('"hòa" ranks the plans spelling it so first, then "hoa", then "hoạch"', async () => {
    const result = await find('hòa');
    expect(result.slice(0, 3).sort()).toEqual(['ke-hoach', 'thuy-cu', 'thuy-moi']);
    expect(result.slice(3)).toEqual(['hoa-van', 'cites-4003']);
  });

  it('reads a query typed in NFD as NFC', async () => {
    expect(await find('thuỷ lợi'.normalize('NFD'))).toEqual(await find('thuỷ lợi'));
  });

  it('"hoa", still being typed, finds plans with "hoạch" after those with "hoa" itself', async () => {
    const result = await find('hoa');
    expect(result).toEqual(expect.arrayContaining(['cites-4003', 'ke-hoach', 'thuy-cu']));
    expect(result.indexOf('thuy-cu')).toBeLessThan(result.indexOf('cites-4003'));
  });

  it('matches only the last word as the start of a longer word', async () => {
    expect(await find('tinh giản biên ch')).toContain('mot-cua');
    const two = await setup([
      { id: 'hoach-binh', date: '2021-01-01', text: 'Kế hoạch bình đẳng giới.' },
      { id: 'hoa-binh', date: '2020-01-01', text: 'Tỉnh Hòa Bình.' },
    ]);
    expect(await two.find('hoa binh')).toEqual(['hoa-binh']);
    expect(await two.find('binh hoa')).toEqual(['hoa-binh', 'hoach-binh']);
  });

  it('finds every longer form of a half-typed last word, however many words begin like it', async () => {
    const tha = 'thác thạch thái thám thân tháng thanh thảo tháp thật thâu thay thắc thăm thẳng thầm thập thấy thậm thất thản thạo';
    const many = await setup([
      { id: 'tha', date: '2022-01-01', text: `Kế hoạch ${tha}.` },
      { id: 'thu', date: '2021-01-01', text: 'Kế hoạch thủ tục.' },
      { id: 'thong', date: '2020-01-01', text: 'Kế hoạch thông tin.' },
      { id: 'khac', date: '2019-01-01', text: 'Kế hoạch khác.' },
    ]);
    expect((await many.find('kế hoạch th')).sort()).toEqual(['tha', 'thong', 'thu']);
    expect(await many.find('kế hoạch thô')).toEqual(['thong']);
  });

  it('ranks the words as a phrase above the same words apart, whatever their counts', async () => {
    // In another order the words are no phrase anywhere, and relevance puts the plan having each twice first.
    expect(await find('chế biên giản tinh')).toEqual(['roi-rac', 'mot-cua']);
    expect(await find('tinh giản biên chế')).toEqual(['mot-cua', 'roi-rac']);
    expect(await find('một cửa liên thông')).toEqual(['mot-cua', 'roi-rac']);
  });

  it('ranks all but a half-typed last word as a phrase above those words apart', async () => {
    expect(await find('tinh giản biên c')).toEqual(['mot-cua', 'roi-rac']);
  });

  it('keeps only plans with every quoted phrase', async () => {
    expect(await find('"tinh giản biên chế"')).toEqual(['mot-cua']);
    expect(await find('"đơn giản" tinh')).toEqual(['roi-rac']);
  });

  it('breaks ties by issue date, newest first', async () => {
    const twins = await setup([
      { id: 'old', date: '2020-01-01', text: 'Kế hoạch cải cách.' },
      { id: 'new', date: '2021-01-01', text: 'Kế hoạch cải cách.' },
    ]);
    expect(await twins.find('kế hoạch')).toEqual(['new', 'old']);
  });
});

describe('rewordings', () => {
  it.each([
    ['TTHC', 'day-du'],
    ['thủ tục hành chính', 'viet-tat'],
    ['CCHC', 'day-du'],
    ['cải cách hành chính', 'viet-tat'],
    ['PAR Index', 'day-du'],
    ['chỉ số cải cách hành chính', 'viet-tat'],
  ])('"%s" also finds the plan that writes it the other way', async (q, id) => {
    expect(await find(q)).toContain(id);
  });

  it('puts plans found only through a rewording after those with the words as typed', async () => {
    expect(await find('UBND')).toEqual(['kh-4003', 'qd-4003', 'thuy-cu', 'thuy-moi']);
  });

  it('finds the unit merged into a province under the province\'s name today, with and without diacritics', async () => {
    expect(await find('Đồng Tháp')).toEqual(['dong-thap', 'tien-giang']);
    expect(await find('dong thap')).toEqual(['dong-thap', 'tien-giang']);
  });

  it('keeps the other words of the query in a rewording', async () => {
    expect(await find('CCHC quyết định')).toEqual(['qd-4003']);
  });
});

describe('document numbers', () => {
  it.each(['4003/QĐ-UBND', '4003/qd-ubnd', '4003 QD UBND', 'số 4003/QĐ-UBND'])('"%s" gives the plan carrying it, then the plan citing it, and nothing else', async (q) => {
    expect(await find(q)).toEqual(['qd-4003', 'cites-4003']);
  });

  it('searches the words when no plan has the number, and says so', async () => {
    const outcome = await run('9999/QĐ-UBND');
    expect(outcome.notices).toContainEqual({ kind: 'number-not-found', number: '9999/QĐ-UBND' });
    expect(outcome.ranking).toBe('some');
  });
});

describe('some words', () => {
  it('ranks plans by how many words they have when none has all, and says so', async () => {
    const outcome = await run('san hô thổ cẩm');
    expect(outcome.ranking).toBe('some');
    // Each has three of the four words ("hô" and "cẩm" also start other words).
    expect(ids(outcome).slice(0, 2).sort()).toEqual(['day-du', 'viet-tat']);
    expect(outcome.notices).toContainEqual({ kind: 'some-words', missing: [] });
    const more = await run('cải cách quyết định xyzzy');
    expect(more.notices).toContainEqual({ kind: 'some-words', missing: ['xyzzy'] });
    expect((await find('cải cách quyết định xyzzy'))[0]).toBe('qd-4003');
  });

  it('finds nothing for one unknown word', async () => {
    expect(await find('xyzzy')).toEqual([]);
  });

  it.each([
    ['words no plan has', 'xyzzy qwerty', ['xyzzy', 'qwerty']],
    ['a phrase no plan has, of words plans have', '"hô san"', []],
  ])('finds nothing for %s, rather than plans with most of them', async (_, q, missing) => {
    const outcome = await run(q);
    expect(outcome).toMatchObject({ ranking: 'all', plans: [] });
    expect(outcome.notices.map((n) => n.kind)).not.toContain('some-words');
    expect((await retrieve(planQuery(parseQuery(q)), index)).missing).toEqual(missing);
  });
});

describe('filters, counts and order', () => {
  it('keeps the plans a filter keeps, and counts each value over the results before filtering', async () => {
    const outcome = await run('dong thap', { filters: { tinh: 'dong-thap' } });
    expect(outcome.plans).toHaveLength(2);
    const counts = await outcome.counts();
    expect(counts.tinh).toMatchObject({ 'dong-thap': 2, 'tien-giang': 1, 'vinh-long': 0 });
    expect(counts.nam).toMatchObject({ '2020': 1, '2021': 1, '2022': 0 });
  });

  it('counts a value of another filter only over plans the active ones keep', async () => {
    const counts = await (await run('giải', { filters: { nam: '2020' } })).counts();
    expect(counts.nam).toMatchObject({ '2020': 1, '2021': 1 });
    expect(await find('giải', { filters: { nam: '2020' } })).toEqual(['thuy-moi']);
  });

  it('lists every plan the filters keep when there are no words, newest first', async () => {
    expect(await find('', { filters: { tinh: 'vinh-long' } })).toEqual(['dong-ho-so', 'doi-ngu']);
    expect(await find('', { filters: { tinh: 'vinh-long' }, sort: 'cu-nhat' })).toEqual(['doi-ngu', 'dong-ho-so']);
  });

  it('sorts by issue date either way', async () => {
    expect(await find('hoa', { sort: 'moi-nhat' })).toEqual(['thuy-cu', 'cites-4003', 'thuy-moi', 'ke-hoach', 'hoa-van']);
    expect(await find('hoa', { sort: 'cu-nhat' })).toEqual(['hoa-van', 'ke-hoach', 'thuy-moi', 'cites-4003', 'thuy-cu']);
  });

  it('answers punctuation alone with nothing, and a notice', async () => {
    const outcome = await run('"><');
    expect(outcome.plans).toEqual([]);
    expect(outcome.notices.map((n) => n.kind)).toContain('no-words');
  });
});

describe('loading', () => {
  it("starts loading the first results' text once they are ranked, and only when asked to", async () => {
    const ahead = await setup(DOCS, { prefetch: 2 });
    const outcome = await ahead.run('hoà giải');
    expect(ahead.loaded).toEqual(ahead.ids(outcome));
    const lazy = await setup();
    await lazy.run('hoà giải');
    expect(lazy.loaded).toEqual([]);
  });

  it('loads a plan once however often it is asked for', async () => {
    const s = await setup();
    const outcome = await s.run('hoà giải');
    const [first] = s.ids(outcome);
    await Promise.all([s.engine.plan(outcome.plans[0]), s.engine.plan(outcome.plans[0])]);
    expect((await s.engine.plan(outcome.plans[0])).url).toBe(`/ke-hoach/${first}/`);
    expect(s.loaded).toEqual([first]);
  });

  it('tries a failed file again at the next search instead of failing every search after it', async () => {
    const s = await setup(DOCS, { failures: 1 });
    await expect(s.run('hoà giải')).rejects.toThrow('network');
    expect(await s.find('hoà giải')).toEqual(await find('hoà giải'));
  });

  it("filters without the filter file, whose loss fails only the counts, with the reader's message", async () => {
    const s = await setup(DOCS, { lose: 'loc.json.gz' });
    const filtered = await s.run('hoà giải', { filters: { nam: '2020' } });
    expect(filtered.plans.length).toBeGreaterThan(0);
    expect(s.ids(filtered)).toEqual(await find('hoà giải', { filters: { nam: '2020' } }));
    const counts = filtered.counts();
    await expect(counts).rejects.toThrow(IndexError);
    await expect(counts).rejects.toThrow(/^Tệp chỉ mục chi-muc\/\w+\/loc\.json\.gz hỏng: .+\. Hãy thử lại sau\.$/);
  });

  it("fails a search whose term block is missing with the reader's message, rather than answering from elsewhere", async () => {
    const s = await setup(DOCS, { lose: 'tu-0.json.gz' });
    const failed = s.run('', { filters: { nam: '2020' } });
    await expect(failed).rejects.toThrow(/^Tệp chỉ mục chi-muc\/\w+\/tu-0\.json\.gz hỏng: .+\. Hãy thử lại sau\.$/);
  });
});
