/**
 * The search index the build writes (src/integrations/search-index/files.ts),
 * read back as the search page reads it (src/lib/search/index-reader.ts).
 */
import { describe, expect, it } from 'vitest';
import type { IndexedPlan } from '../../src/integrations/search-index/files.ts';
import { indexFiles } from '../helpers/index-in-memory.ts';
import { numberToken } from '../../src/lib/search/index-fields.ts';
import { blockFile, filterKey, INDEX_FORMAT, pairKey, type TermRow } from '../../src/lib/search/index-format.ts';
import { IndexError, SearchIndex } from '../../src/lib/search/index-reader.ts';
import { numbersText } from '../../src/lib/search/number-text.ts';
import { exactKey } from '../../src/lib/search/text.ts';

const plan = (content: string, title = 'Kế hoạch', filters: Record<string, string[]> = {}): IndexedPlan => ({ content, meta: { title }, filters });

async function open(plans: IndexedPlan[], blockBytes?: number) {
  const { manifest, files } = indexFiles(plans, ['pagefind/'], { blockBytes });
  const index = await SearchIndex.open(async (path) => (path === 'chi-muc.json' ? manifest : files.get(path.slice(manifest.set.length + 1))));
  return { index, manifest, files };
}

const plansOf = async (index: SearchIndex, key: string) => Array.from((await index.terms([key])).get(key)?.plans ?? []);

describe('the search index files', () => {
  it('list the plans of each word, by loose key, in the plans given order', async () => {
    const { index, manifest } = await open([plan('Cải cách hành chính'), plan('Chuyển đổi số'), plan('cai CÁCH khác')]);
    expect(manifest).toMatchObject({ format: INDEX_FORMAT, plans: 3, bundles: ['pagefind/'] });
    expect(index.size).toBe(3);
    expect(await plansOf(index, 'cach')).toEqual([0, 2]);
    expect(await plansOf(index, 'doi')).toEqual([1]);
    expect(await plansOf(index, 'ke')).toEqual([0, 1, 2]);
    expect(await plansOf(index, 'khong')).toEqual([]);
  });

  it('key KH&CN as khcn, with its spelling kept apart from "khcn"', async () => {
    const { index } = await open([plan('Sở KH&CN'), plan('khcn')]);
    const term = (await index.terms(['khcn'])).get('khcn')!;
    expect(Array.from(term.plans)).toEqual([0, 1]);
  });

  it('weigh a word in the title above the same word in the text, and a rare word above a common one', async () => {
    const filler = 'một hai ba bốn năm sáu bảy tám chín mười';
    const { index } = await open([plan(`${filler} ngân sách`), plan(filler, 'Ngân sách'), plan(`${filler} thuế`), plan(`${filler} ngân`)]);
    const terms = await index.terms(['sach', 'thue']);
    const sach = terms.get('sach')!;
    expect(Array.from(sach.plans)).toEqual([0, 1]);
    expect(sach.impacts[1]).toBeGreaterThan(sach.impacts[0]);
    expect(terms.get('thue')!.impacts[0]).toBeGreaterThan(sach.impacts[0]);
    for (const impact of sach.impacts) expect(impact).toBeGreaterThanOrEqual(1);
  });

  it('keep each spelling: hòa and hoà are one, đầu and dầu are two', async () => {
    const { index } = await open([plan('hòa nhập'), plan('hoà nhập'), plan('hoa sen'), plan('đầu tư'), plan('dầu khí')]);
    const terms = await index.terms(['hoa', 'dau']);
    const hoa = terms.get('hoa')!;
    expect(exactKey('hòa')).toBe(exactKey('hoà'));
    expect(Array.from(hoa.plans)).toEqual([0, 1, 2]);
    expect(Array.from(hoa.spelled(exactKey('hoà')))).toEqual([0, 1]);
    expect(Array.from(hoa.spelled('hoa'))).toEqual([]);
    const dau = terms.get('dau')!;
    expect(Array.from(dau.spelled(exactKey('đầu')))).toEqual([3]);
    expect(Array.from(dau.spelled(exactKey('dầu')))).toEqual([4]);
  });

  it('pair the words that follow each other within one field only', async () => {
    const { index } = await open([plan('kế hoạch cải cách', 'Tháng'), plan('cải tạo kế', 'hoạch định')]);
    const pairs = await index.terms([pairKey('ke', 'hoach'), pairKey('cai', 'cach'), pairKey('cach', 'thang'), pairKey('hoach', 'dinh')]);
    expect(Array.from(pairs.get(pairKey('ke', 'hoach'))!.plans)).toEqual([0]);
    expect(Array.from(pairs.get(pairKey('cai', 'cach'))!.impacts)).toEqual([0]);
    expect(Array.from(pairs.get(pairKey('hoach', 'dinh'))!.plans)).toEqual([1]);
    expect(pairs.has(pairKey('cach', 'thang'))).toBe(false);
  });

  it('sort every row by key across blocks, a prefix "p*" right after the word p, before its pairs and the words it covers', async () => {
    const plans = ['ca cà cả cá cạ', 'cách cai cài canh', 'cam cảm can càng', 'cao cào cạo cáp'].map((t) => plan(t));
    const { index, manifest, files } = await open(plans, 60);
    expect(manifest.blocks.length).toBeGreaterThan(4);
    expect(manifest.blocks[0]).toBe('');
    const keys = manifest.blocks.flatMap((_, i) => (files.get(`tu-${i}.json.gz`) as TermRow[]).map((row) => row[0]));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : 1)));
    expect(keys.slice(keys.indexOf('ca'), keys.indexOf('cach') + 1)).toEqual(['ca', 'ca*', pairKey('ca', 'ca'), 'cac*', 'cach']);
    manifest.blocks.slice(1).forEach((first, i) => expect((files.get(`tu-${i + 1}.json.gz`) as TermRow[])[0][0]).toBe(first));
    // Plan 0 has "ca" only: a prefix stands for the longer words.
    expect(await plansOf(index, 'ca*')).toEqual([1, 2, 3]);
    expect(await plansOf(index, 'c*')).toEqual([0, 1, 2, 3]);
  });

  it("keep a word's prefix row in the word's block, so that a query ending in the word reads one block for both", async () => {
    const { manifest, files } = indexFiles([plan('cá cao'), plan('cà cáp'), plan('cao')], ['pagefind/'], { blockBytes: 20 });
    const blockOf = (key: string) => manifest.blocks.findIndex((_, i) => (files.get(blockFile(i)) as TermRow[]).some((row) => row[0] === key));
    // Every row is larger than a block, so each starts its own, except a word's prefix row.
    expect(manifest.blocks.length).toBeGreaterThan(5);
    expect(blockOf('ca*')).toBe(blockOf('ca'));
    const read: string[] = [];
    const index = await SearchIndex.open(async (path) => (path === 'chi-muc.json' ? manifest : (read.push(path), files.get(path.slice(manifest.set.length + 1)))));
    // No longer word begins with "cao": its block says so.
    const terms = await index.terms(['cao', 'cao*']);
    expect(terms.has('cao*')).toBe(false);
    expect(Array.from(terms.get('cao')!.plans)).toEqual([0, 2]);
    expect(read).toEqual([`${manifest.set}/${blockFile(blockOf('cao'))}`]);
  });

  it('write plans in a row as a run, 0 then their count, and read them back', async () => {
    const taxed = [0, 5, 6, 7, 8, 9, 10, 11, 12, 20];
    const { index, manifest, files } = await open(Array.from({ length: 21 }, (_, i) => plan(taxed.includes(i) ? 'thuế' : 'phí')));
    const rows = manifest.blocks.flatMap((_, i) => files.get(blockFile(i)) as TermRow[]);
    expect(rows.find((row) => row[0] === 'thue')![1]).toBe(numbersText([1, 5, 0, 7, 8]));
    // The title's words are in every plan: two numbers, however large the archive.
    expect(rows.find((row) => row[0] === 'ke')![1]).toBe(numbersText([0, 21]));
    expect(await plansOf(index, 'thue')).toEqual(taxed);
    expect(await plansOf(index, 'ke')).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('give each plan of a prefix its best impact among the longer words', async () => {
    const filler = 'một hai ba bốn năm sáu bảy tám chín mười';
    const { index } = await open([plan(`${filler} thuế thuế thuế thuộc`), plan(`${filler} thuộc`), plan(`${filler} thủ`), plan('thu')]);
    const terms = await index.terms(['thue', 'thuoc', 'thu*']);
    const [thue, thuoc, thu] = ['thue', 'thuoc', 'thu*'].map((k) => terms.get(k)!);
    expect(Array.from(thu.plans)).toEqual([0, 1]);
    expect(thue.impacts[0]).toBeGreaterThan(thuoc.impacts[0]);
    expect(Array.from(thu.impacts)).toEqual([thue.impacts[0], thuoc.impacts[1]]);
  });

  it('write a prefix with one longer word as an alias in its block, read as that word', async () => {
    const { index, manifest, files } = await open([plan('thuộc thuế'), plan('thuộc')], 30);
    const block = manifest.blocks.findIndex((_, i) => (files.get(`tu-${i}.json.gz`) as TermRow[]).some((row) => row[0] === 'thuo*'));
    expect(files.get(`tu-${block}.json.gz`)).toEqual(expect.arrayContaining([['thuo*', '=thuoc'], expect.arrayContaining(['thuoc'])]));
    const terms = await index.terms(['thuo*', 'thuoc']);
    expect(Array.from(terms.get('thuo*')!.plans)).toEqual([0, 1]);
    expect(terms.get('thuo*')!.impacts).toEqual(terms.get('thuoc')!.impacts);
  });

  it('read an alias whose word is in the next block', async () => {
    const manifest = { format: INDEX_FORMAT, set: 's', plans: 3, blocks: ['', 'abc'], bundles: [] };
    const files = new Map([['s/tu-0.json.gz', [['ab*', '=abc']]], ['s/tu-1.json.gz', [['abc', numbersText([1, 2]), numbersText([4, 9])]]]]);
    const index = await SearchIndex.open(async (path) => (path === 'chi-muc.json' ? manifest : files.get(path)));
    expect(Array.from((await index.terms(['ab*'])).get('ab*')!.plans)).toEqual([0, 2]);
  });

  it('make no prefix of a document number token', async () => {
    const { manifest, files } = await open([{ content: 'zalo zing', meta: { sohieu: numberToken('own', '4003/QĐ-UBND'), cancu: numberToken('cited', '12/KH') }, filters: {} }]);
    const keys = manifest.blocks.flatMap((_, i) => (files.get(`tu-${i}.json.gz`) as TermRow[]).map((row) => row[0]));
    expect(keys.filter((k) => k.endsWith('*') && k.startsWith('z'))).toEqual(['z*', 'za*', 'zal*', 'zi*', 'zin*']);
  });

  it('list the plans of each filter value', async () => {
    const { index } = await open([plan('a', 'A', { tinh: ['ha-noi'], nam: ['2021'] }), plan('b', 'B', { tinh: ['hue'], nam: ['2021'], khac: ['x'] })]);
    const filters = await index.filters();
    expect(Array.from(filters.get('tinh')!.get('hue')!)).toEqual([1]);
    expect(Array.from(filters.get('nam')!.get('2021')!)).toEqual([0, 1]);
    expect(filters.has('khac')).toBe(false);
  });

  it('write each filter value as a row of the term blocks too, before every word, for filtering without the filter file', async () => {
    const { index, manifest, files } = await open([plan('a', 'A', { tinh: ['ha-noi'], nam: ['2021'] }), plan('b', 'B', { tinh: ['hue'], nam: ['2021'] })], 60);
    const rows = manifest.blocks.flatMap((_, i) => files.get(blockFile(i)) as TermRow[]);
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual([filterKey('nam', '2021'), filterKey('tinh', 'ha-noi'), filterKey('tinh', 'hue')]);
    const terms = await index.terms([filterKey('tinh', 'hue'), filterKey('nam', '2021'), filterKey('tinh', 'hue-cu')]);
    expect(Array.from(terms.get(filterKey('tinh', 'hue'))!.plans)).toEqual([1]);
    expect(Array.from(terms.get(filterKey('nam', '2021'))!.plans)).toEqual([0, 1]);
    expect(terms.has(filterKey('tinh', 'hue-cu'))).toBe(false);
  });

  it('read a filter value ending in "*" as a value, not as a prefix alias', async () => {
    const { index } = await open([plan('a', 'A', { 'chi-so': ['par*'] }), plan('b', 'B', { 'chi-so': ['par'] })]);
    expect(await plansOf(index, filterKey('chi-so', 'par*'))).toEqual([0]);
    expect(await plansOf(index, filterKey('chi-so', 'par'))).toEqual([1]);
  });

  it('name the set by its content: the same plans give the same files', () => {
    const plans = [plan('Cải cách hành chính', 'Một'), plan('Chuyển đổi số', 'Hai')];
    const first = indexFiles(plans, ['pagefind/']);
    const again = indexFiles(structuredClone(plans), ['pagefind/']);
    expect(again.manifest).toEqual(first.manifest);
    expect(JSON.stringify([...again.files])).toBe(JSON.stringify([...first.files]));
    expect(first.manifest.set).toMatch(/^[0-9a-f]{12}$/);
    expect(indexFiles([plans[0], plan('Chuyển đổi số', 'Ba')], ['pagefind/']).manifest.set).not.toBe(first.manifest.set);
  });

  it.each([
    ['a gap text with a character no number has', (row: TermRow) => [row[0], 'é', row[2]]],
    ['a run of plans without its length', (row: TermRow) => [row[0], numbersText([1, 0]), row[2]]],
    ['a run of no plans (the two plans, then an empty run)', (row: TermRow) => [row[0], numbersText([1, 1, 0, 0]), row[2]]],
    ['a row that is not a list', () => 42],
    ['plans that are not text', (row: TermRow) => [row[0], 7, row[2]]],
  ])('fail on a damaged block, %s, naming its file and asking the visitor to try again later', async (_, damage) => {
    const { manifest, files } = indexFiles([plan('cải cách'), plan('cải tạo')], ['pagefind/']);
    const rows = files.get('tu-0.json.gz') as unknown[];
    const at = rows.findIndex((row) => (row as TermRow)[0] === 'cai');
    rows[at] = damage(rows[at] as TermRow);
    const index = await SearchIndex.open(async (path) => (path === 'chi-muc.json' ? manifest : files.get(path.slice(manifest.set.length + 1))));
    const error = await index.terms(['cai']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).message).toMatch(new RegExp(`^Tệp chỉ mục chi-muc/${manifest.set}/tu-0\\.json\\.gz hỏng: .+\\. Hãy thử lại sau\\.$`));
    expect((error as IndexError).hint).toContain('npm run build');
  });

  it('fail on a manifest of another format, naming it', async () => {
    const error = await SearchIndex.open(async () => ({ format: 0 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).message).toContain('chi-muc/chi-muc.json');
  });

  it('fail on a manifest whose filter file size is not a whole number of bytes, naming it', async () => {
    const { manifest } = indexFiles([plan('một kế hoạch')], ['pagefind/']);
    for (const filterBytes of [-1, 1.5, '12']) {
      const error = await SearchIndex.open(async () => ({ ...manifest, filterBytes })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IndexError);
      expect((error as IndexError).message).toMatch(/chi-muc\/chi-muc\.json hỏng: cỡ tệp bộ lọc không hợp lệ/);
    }
  });
});
