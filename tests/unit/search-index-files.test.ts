/**
 * The search index the build writes (src/integrations/search-index/files.ts),
 * read back as the search page reads it (src/lib/search/index-reader.ts).
 */
import { describe, expect, it } from 'vitest';
import type { IndexedPlan } from '../../src/integrations/search-index/files.ts';
import { indexFiles } from '../helpers/index-in-memory.ts';
import { INDEX_FORMAT, pairKey, type TermRow } from '../../src/lib/search/index-format.ts';
import { SearchIndex } from '../../src/lib/search/index-reader.ts';
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

  it('sort every row by key across blocks and find a prefix across a block boundary', async () => {
    const plans = ['ca cà cả cá cạ', 'cách cai cài canh', 'cam cảm can càng', 'cao cào cạo cáp'].map((t) => plan(t));
    const { index, manifest, files } = await open(plans, 60);
    expect(manifest.blocks.length).toBeGreaterThan(4);
    expect(manifest.blocks[0]).toBe('');
    const keys = manifest.blocks.flatMap((_, i) => (files.get(`tu-${i}.json.gz`) as TermRow[]).map((row) => row[0]));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : 1)));
    expect(keys).toContain(pairKey('ca', 'ca'));
    manifest.blocks.slice(1).forEach((first, i) => expect((files.get(`tu-${i + 1}.json.gz`) as TermRow[])[0][0]).toBe(first));
    const found = await index.prefixed('ca', 20, 20);
    expect(found.map((t) => t.key).sort()).toEqual(['cach', 'cai', 'cam', 'can', 'cang', 'canh', 'cao', 'cap']);
  });

  it('list the plans of each filter value', async () => {
    const { index } = await open([plan('a', 'A', { tinh: ['ha-noi'], nam: ['2021'] }), plan('b', 'B', { tinh: ['hue'], nam: ['2021'], khac: ['x'] })]);
    const filters = await index.filters();
    expect(Array.from(filters.get('tinh')!.get('hue')!)).toEqual([1]);
    expect(Array.from(filters.get('nam')!.get('2021')!)).toEqual([0, 1]);
    expect(filters.has('khac')).toBe(false);
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
});
