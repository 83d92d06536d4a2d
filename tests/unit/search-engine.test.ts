/**
 * The query layer end to end against a small stand-in for Pagefind that
 * behaves as Pagefind does where it matters here: it folds tone and vowel
 * marks (and the stroke the build writes đ with, index-fields.ts) but not đ
 * itself, matches every word as a prefix unless the query is quoted,
 * drops words it does not know, searches meta fields, and with exactDiacritics
 * compares words as written. The browser tests run the same rules on the real
 * Pagefind; these run in milliseconds and show which part decides.
 */
import { describe, expect, it } from 'vitest';
import { SearchEngine, type Backend, type BackendHit, type BackendRequest, type PlanData } from '../../src/lib/search/engine.ts';
import { Answer, PlanTable } from '../../src/lib/search/plan-set.ts';
import type { FacetTable } from '../../src/lib/search/facets.ts';
import { numberToken, toIndexText } from '../../src/lib/search/index-fields.ts';
import type { SearchState } from '../../src/lib/search/url-state.ts';

interface Doc {
  id: string;
  date: string;
  text: string;
  number?: string;
  cites?: string[];
  filters?: Record<string, string[]>;
}

const normal = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const tokens = (text: string) => text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

/** A Pagefind look-alike over a handful of documents. */
class FakePagefind implements Backend {
  readonly requests: BackendRequest[] = [];
  /** Plans whose stored text was asked for, in order. */
  readonly loaded: string[] = [];
  private readonly fields: Map<string, string[][]>;

  constructor(private readonly docs: Doc[]) {
    // Like the plan page as the build gives it to Pagefind: the visible text,
    // then the search-only meta fields.
    this.fields = new Map(
      docs.map((d) => [
        d.id,
        [
          tokens(toIndexText(d.text)),
          tokens(d.number ? numberToken('own', d.number) : ''),
          tokens((d.cites ?? []).map((c) => numberToken('cited', c)).join(' ')),
        ],
      ]),
    );
  }

  private matches(doc: string, term: string, exact: boolean): number {
    const query = term.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\s"]/gu, '');
    const key = (w: string) => (exact ? w : normal(w));
    const fields = this.fields.get(doc)!;
    if (/^\s*".+"\s*$/.test(query)) {
      const phrase = query.replace(/"/g, '').trim().split(/\s+/).map(key);
      const found = fields.some((f) => f.some((_, i) => phrase.every((p, j) => f[i + j] !== undefined && key(f[i + j]) === p)));
      return found ? 1 : 0;
    }
    const all = [...this.fields.values()].flat(2);
    // Pagefind silently drops a word that no page has.
    const known = query.split(/\s+/).filter((t) => t && all.some((w) => key(w).startsWith(key(t))));
    if (known.length === 0) return 0;
    let score = 0;
    for (const t of known) {
      const n = fields.flat().filter((w) => key(w).startsWith(key(t))).length;
      if (n === 0) return 0;
      score += n;
    }
    return score;
  }

  searchMany(requests: BackendRequest[]): Promise<BackendHit[]>[] {
    this.requests.push(...requests);
    return requests.map(async (r) => {
      const docs = this.docs.filter((d) => Object.entries(r.filters ?? {}).every(([k, v]) => d.filters?.[k]?.includes(v)));
      const scored = docs.map((d) => ({ d, score: r.term === null ? 1 : this.matches(d.id, r.term, Boolean(r.exact)) }));
      const kept = scored.filter((s) => s.score > 0);
      if (r.sort) kept.sort((a, b) => (a.d.date < b.d.date ? 1 : -1));
      else kept.sort((a, b) => b.score - a.score);
      return kept.map(({ d, score }) => ({
        id: d.id,
        score,
        data: async () => {
          this.loaded.push(d.id);
          return { url: `/ke-hoach/${d.id}/`, content: d.text, meta: {} };
        },
      }));
    });
  }

  facetLoads = 0;

  async facets(): Promise<FacetTable> {
    this.facetLoads++;
    const values: string[] = [];
    const plans: Record<string, number[]> = {};
    for (const d of this.docs) {
      plans[d.id] = Object.entries(d.filters ?? {}).flatMap(([k, vs]) =>
        vs.map((v) => {
          if (!values.includes(`${k}=${v}`)) values.push(`${k}=${v}`);
          return values.indexOf(`${k}=${v}`);
        }),
      );
    }
    return { version: 1, values, plans };
  }
}

const DOCS: Doc[] = [
  { id: 'doi-ngu', date: '2022-03-15', text: 'Đào tạo đội ngũ cán bộ. Giám đốc điều hành.', filters: { tinh: ['vinh-long'], nam: ['2022'] } },
  { id: 'dong-thap', date: '2021-06-21', text: 'Đồng bộ dữ liệu tỉnh Đồng Tháp, xã phía đông. Đồng Tháp.', filters: { tinh: ['dong-thap'], nam: ['2021'] } },
  { id: 'dong-ho-so', date: '2023-05-08', text: 'Theo dõi dòng hồ sơ.', filters: { tinh: ['ben-tre', 'vinh-long'], nam: ['2023'] } },
  { id: 'tien-giang', date: '2020-01-22', text: 'Sở tỉnh Tiền Giang, nay thuộc Đồng Tháp.', filters: { tinh: ['tien-giang', 'dong-thap'], nam: ['2020'] } },
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
];

const engine = () => new SearchEngine(new FakePagefind(DOCS));
const state = (q: string, extra: Partial<SearchState> = {}): SearchState => ({ q, filters: {}, sort: 'lien-quan', ...extra });
/** A query's results as ids, in display order. */
const idsFrom = async (e: SearchEngine, outcome: { plans: number[] }) => e.ids(outcome.plans);
const ids = async (q: string, extra?: Partial<SearchState>) => {
  const e = engine();
  return idsFrom(e, await e.run(state(q, extra)));
};

describe('the rules of issue 3, on a stand-in Pagefind', () => {
  it.each([
    ['dong thap', 'dong-thap'],
    ['doi ngu can bo', 'doi-ngu'],
    ['dao tao', 'doi-ngu'],
    ['dieu hanh', 'doi-ngu'],
  ])('1. "%s" finds the plan written with đ', async (q, id) => {
    expect((await ids(q))[0]).toBe(id);
  });

  it('1. finds the merged unit under today\'s name, with and without diacritics', async () => {
    expect(await ids('dong thap')).toContain('tien-giang');
    expect(await ids('Đồng Tháp')).toContain('tien-giang');
  });

  it('2. "dòng" ranks the exact form above Đồng and đông', async () => {
    const result = await ids('dòng');
    expect(result[0]).toBe('dong-ho-so');
    expect(result).toContain('dong-thap');
  });

  it.each([
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['hoà', 'hòa'],
    ['uỷ ban', 'ủy ban'],
  ])('3. "%s" and "%s" give the same plans in the same order', async (a, b) => {
    const [ra, rb] = [await ids(a), await ids(b)];
    expect(ra).toEqual(rb);
    expect(ra).toEqual(expect.arrayContaining(['thuy-moi', 'thuy-cu']));
  });

  it('3. a query typed in NFD behaves like NFC', async () => {
    expect(await ids('thuỷ lợi'.normalize('NFD'))).toEqual(await ids('thuỷ lợi'));
  });

  it.each(['4003/QĐ-UBND', '4003/qd-ubnd', '4003 QD UBND', 'số 4003/QĐ-UBND'])('4. "%s" gives that plan first, then the plan citing it, and nothing else', async (q) => {
    expect(await ids(q)).toEqual(['qd-4003', 'cites-4003']);
  });

  it.each([
    ['TTHC', 'day-du'],
    ['thủ tục hành chính', 'viet-tat'],
    ['CCHC', 'day-du'],
    ['cải cách hành chính', 'viet-tat'],
    ['PAR Index', 'day-du'],
    ['chỉ số cải cách hành chính', 'viet-tat'],
  ])('5. "%s" also finds the plan that writes it the other way', async (q, id) => {
    expect(await ids(q)).toContain(id);
  });

  it('6. the phrase ranks above its syllables scattered, and quotes keep only the phrase', async () => {
    const loose = await ids('một cửa liên thông');
    expect(loose.indexOf('mot-cua')).toBeLessThan(loose.indexOf('roi-rac'));
    expect(loose).toContain('roi-rac');
    expect(await ids('"tinh giản biên chế"')).toEqual(['mot-cua']);
  });

  it('8. the last word matches as a prefix', async () => {
    expect(await ids('tinh giản biên ch')).toContain('mot-cua');
  });

  it('8. words that are all in some plan, though in none together, still give results', async () => {
    const e = engine();
    const outcome = await e.run(state('san hô thổ cẩm'));
    expect((await idsFrom(e, outcome)).slice(0, 2).sort()).toEqual(['day-du', 'viet-tat']);
    expect(outcome.notices).toContainEqual({ kind: 'some-words', missing: [] });
  });
});

describe('the engine', () => {
  it('applies filters and counts the other values for the same words', async () => {
    const e = engine();
    const outcome = await e.run(state('dong thap', { filters: { tinh: 'dong-thap' } }));
    expect((await idsFrom(e, outcome)).sort()).toEqual(['dong-thap', 'tien-giang']);
    const counts = await outcome.counts();
    expect(counts.tinh).toMatchObject({ 'dong-thap': 2, 'tien-giang': 1, 'vinh-long': 0 });
    expect(counts.nam).toMatchObject({ '2020': 1, '2021': 1 });
  });

  it('lists every plan a filter keeps when there are no words, newest first', async () => {
    expect(await ids('', { filters: { tinh: 'vinh-long' } })).toEqual(['dong-ho-so', 'doi-ngu']);
  });

  it('sorts by issue date either way', async () => {
    expect(await ids('giải', { sort: 'moi-nhat' })).toEqual(['thuy-cu', 'thuy-moi']);
    expect(await ids('giải', { sort: 'cu-nhat' })).toEqual(['thuy-moi', 'thuy-cu']);
  });

  it('falls back to words when no plan has the number, and says so', async () => {
    const outcome = await engine().run(state('9999/QĐ-UBND'));
    expect(outcome.notices).toContainEqual({ kind: 'number-not-found', number: '9999/QĐ-UBND' });
  });

  it('loads the date order and the facet table once, however many searches follow', async () => {
    const pagefind = new FakePagefind(DOCS);
    const e = new SearchEngine(pagefind);
    await (await e.run(state('dòng'))).counts();
    const before = pagefind.requests.filter((r) => r.term === null).length;
    await (await e.run(state('hoà giải', { filters: { nam: '2020' } }))).counts();
    await (await e.run(state('hoà', { filters: { nam: '2020' } }))).counts();
    // Only the chosen year's plans were asked for, once; the table was read once.
    expect(pagefind.requests.filter((r) => r.term === null).slice(before)).toEqual([{ term: null, filters: { nam: '2020' } }]);
    expect(pagefind.facetLoads).toBe(1);
  });

  it('asks Pagefind again only for the searches a new keystroke changed', async () => {
    const pagefind = new FakePagefind(DOCS);
    const e = new SearchEngine(pagefind);
    await e.run(state('một cửa liên th'));
    const before = pagefind.requests.length;
    await e.run(state('một cửa liên thô'));
    const asked = pagefind.requests.slice(before).map((r) => r.term ?? '');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((t) => !/thô|tho/.test(t))).toEqual([]);
    await e.run(state('một cửa liên thô'));
    expect(pagefind.requests.length).toBe(before + asked.length);
  });

  it('starts loading the best hits of the main search before the ranking is done', async () => {
    const pagefind = new FakePagefind(DOCS);
    const e = new SearchEngine(pagefind, { prefetch: 2 });
    const outcome = await e.run(state('hoà giải'));
    // Both plans have the words; nothing was shown, yet their text is on its way.
    expect(new Set(pagefind.loaded)).toEqual(new Set((await idsFrom(e, outcome)).slice(0, 2)));
    await e.run(state('4003/QĐ-UBND'));
    expect(pagefind.loaded).toContain('qd-4003');
  });

  it('loads nothing ahead unless asked to', async () => {
    const pagefind = new FakePagefind(DOCS);
    await new SearchEngine(pagefind).run(state('hoà giải'));
    expect(pagefind.loaded).toEqual([]);
  });

  it('keeps answering when a search it still remembers is the oldest one when memory is full', async () => {
    const e = engine();
    // Unknown words: two searches each, enough to fill the engine's memory of answers.
    for (let i = 0; i < 300; i++) await e.run(state(`zq${i}`));
    // The oldest answer still remembered is reused here, while new ones push out the oldest.
    const outcome = await e.run(state('zq100 hoà giải'));
    expect(await idsFrom(e, outcome)).toEqual(await ids('zq100 hoà giải'));
  });

  it('remembers answers within a budget of hits, forgetting the least recently used first', async () => {
    const asked = async (options: { rememberHits?: number }) => {
      const pagefind = new FakePagefind(DOCS);
      const e = new SearchEngine(pagefind, options);
      await e.run(state('hoà giải'));
      await e.run(state('cải cách'));
      const before = pagefind.requests.length;
      const outcome = await e.run(state('hoà giải'));
      return { again: pagefind.requests.length - before, ids: await idsFrom(e, outcome) };
    };
    // Within the default budget, repeating a query asks nothing again.
    const roomy = await asked({});
    expect(roomy.again).toBe(0);
    // With room for two hits only, the first query's answers were forgotten and are asked again, with the same result.
    const tight = await asked({ rememberHits: 2 });
    expect(tight.again).toBeGreaterThan(0);
    expect(tight.ids).toEqual(roomy.ids);
  });

  it('tries a failed load again at the next search instead of failing every search after it', async () => {
    class Flaky extends FakePagefind {
      failures = 2;
      override searchMany(requests: BackendRequest[]): Promise<BackendHit[]>[] {
        if (requests.some((r) => r.term === null) && this.failures-- > 0) return requests.map(() => Promise.reject(new Error('network')));
        return super.searchMany(requests);
      }
    }
    const e = new SearchEngine(new Flaky(DOCS));
    // The first run fails on the date order, the second on the year's plans.
    await expect(e.run(state('hoà giải'))).rejects.toThrow('network');
    await expect(e.run(state('hoà giải', { filters: { nam: '2020' } }))).rejects.toThrow('network');
    expect(await idsFrom(e, await e.run(state('hoà giải', { filters: { nam: '2020' } })))).toEqual(await ids('hoà giải', { filters: { nam: '2020' } }));
  });

  it("loads a plan's text through a hit a search found rather than one read from the index", async () => {
    // As the search page's backend does: the date order comes from the index
    // files, as plan numbers, whose text is costlier to load than a search hit's.
    class IndexedOrder implements Backend {
      readonly plans = new PlanTable();
      private readonly inner = new FakePagefind(DOCS);
      facets = () => this.inner.facets();
      searchMany(requests: BackendRequest[]): Promise<BackendHit[] | Answer>[] {
        return this.inner.searchMany(requests).map((answer, i) =>
          requests[i].term === null && requests[i].sort
            ? answer.then((hits) => new Answer(this.plans.addAll(hits.map((h) => h.id)), new Float64Array(hits.length).fill(1)))
            : // Later than the date order, as a search over the whole index is.
              answer.then((hits) => new Promise<BackendHit[]>((done) => setTimeout(() => done(hits), 5))),
        );
      }
      plan(): Promise<PlanData> {
        return Promise.reject(new Error('no Pagefind result'));
      }
    }
    const e = new SearchEngine(new IndexedOrder());
    const outcome = await e.run(state('hoà giải'));
    expect(outcome.plans.length).toBeGreaterThan(0);
    for (const id of await idsFrom(e, outcome)) expect((await e.data(id)).url).toBe(`/ke-hoach/${id}/`);
  });

  it('asks the backend for the ids of plans it numbered without them, for the filter counts', async () => {
    // As the search page's backend does: plans numbered as a block, their ids learnt only when asked.
    class Unnamed implements Backend {
      readonly plans = new PlanTable();
      readonly asked: number[][] = [];
      private readonly inner = new FakePagefind(DOCS);
      private order: string[] = [];
      private dated: Promise<void> | undefined;
      facets = () => this.inner.facets();
      searchMany(requests: BackendRequest[]): Promise<BackendHit[] | Answer>[] {
        return this.inner.searchMany(requests).map(async (answer, i) => {
          const hits = await answer;
          const ones = new Float64Array(hits.length).fill(1);
          if (requests[i].sort) {
            // Numbered once, whoever asks first.
            if (this.plans.size === 0) this.order = hits.map((h) => h.id);
            const numbers = this.plans.size === 0 ? this.plans.addBlock(hits.length) : Int32Array.from(hits, (h) => this.order.indexOf(h.id));
            return new Answer(numbers, ones);
          }
          // A filter's plans, by the numbers the date order gave.
          await this.dated;
          return new Answer(Int32Array.from(hits, (h) => this.order.indexOf(h.id)), ones);
        });
      }
      constructor() {
        this.dated = this.searchMany([{ term: null, sort: { ngay: 'desc' } }])[0].then(() => undefined);
      }
      async ids(plans: readonly number[]): Promise<string[]> {
        this.asked.push([...plans]);
        return plans.map((plan) => this.order[plan]);
      }
    }
    const backend = new Unnamed();
    const e = new SearchEngine(backend);
    const filters = { filters: { tinh: 'dong-thap' } };
    const outcome = await e.run(state('', filters));
    expect(backend.plans.ids.filter(Boolean)).toEqual([]);
    const named = engine();
    const plain = await named.run(state('', filters));
    expect(await e.ids(outcome.plans)).toEqual(await named.ids(plain.plans));
    expect(plain.plans.length).toBeGreaterThan(0);
    expect(await outcome.counts()).toEqual(await plain.counts());
    // The counts cover every plan, each named through the backend.
    expect(backend.asked.at(-1)).toHaveLength(DOCS.length);
  });

  it('answers punctuation alone with nothing, and a notice', async () => {
    const outcome = await engine().run(state('"><'));
    expect(outcome.plans).toEqual([]);
    expect(outcome.notices.map((n) => n.kind)).toContain('no-words');
  });
});
