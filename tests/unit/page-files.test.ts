/**
 * Page files (src/lib/search/page-files.ts): what the search page reads in
 * place of Pagefind's `.pf_meta`. tests/e2e/search.test.ts compares them
 * with the `.pf_meta` of real bundles, and the search page with them missing.
 */
import { describe, expect, it } from 'vitest';
import { ID_BLOCK, PageFileError, buildPageFiles, pageInfo, readIdFile, readPageFile } from '../../src/lib/search/page-files.ts';
import type { IndexMeta } from '../../src/lib/search/pagefind-index.ts';

/** A bundle's metadata of `n` pages, with a date order that is not page order. */
function metaOf(n: number): IndexMeta {
  const pages = Array.from({ length: n }, (_, i) => `vi_${(i * 2654435761 >>> 0).toString(16).slice(0, 7)}`);
  return {
    version: '1.6.0',
    pages,
    wordCounts: Uint32Array.from(pages, (_, i) => 400 + ((i * 37) % 1100)),
    filters: new Map([['nam', 'abc123'], ['tinh', 'def456']]),
    fields: ['title', 'so_hieu'],
    chunks: [{ from: 'a', to: 'z', hash: 'c1' }],
    sorts: new Map([['ngay', Uint32Array.from(pages, (_, i) => (i * 7) % n)]]),
  };
}

describe('page files', () => {
  it.each([1, ID_BLOCK, ID_BLOCK + 1, 3 * ID_BLOCK - 5])('give back every field of the metadata but the ids, and the ids block by block (%i pages)', (n) => {
    const meta = metaOf(n);
    const out = buildPageFiles(meta);
    const info = readPageFile(out.info);
    expect(info).toEqual({ ...pageInfo(meta), idBlock: ID_BLOCK });
    expect(out.ids).toHaveLength(Math.ceil(n / ID_BLOCK));
    expect(out.ids.flatMap((text, block) => readIdFile(text, block, info))).toEqual(meta.pages);
    // Without ids, the page file is the smaller part.
    expect(out.info).not.toContain(meta.pages[0]);
  });

  it('write a sort order as steps, so that one that mostly follows page order is mostly ones', () => {
    const meta = metaOf(300);
    // Pages numbered by URL, which begins with the year: the date order runs with page order, but for a few.
    const order = Array.from({ length: 300 }, (_, i) => i);
    [order[10], order[11]] = [order[11], order[10]];
    meta.sorts.set('ngay', Uint32Array.from(order));
    const raw = JSON.parse(buildPageFiles(meta).info) as { sorts: Record<string, number[]> };
    expect(raw.sorts.ngay.filter((step) => step === 1).length).toBe(300 - 1 - 3);
    expect(Array.from(readPageFile(JSON.stringify(raw)).sorts.get('ngay')!)).toEqual(order);
  });

  it('are refused, so that .pf_meta is read instead, when they do not fit together', () => {
    const meta = metaOf(ID_BLOCK + 10);
    const { info: text, ids } = buildPageFiles(meta);
    const info = readPageFile(text);
    const edited = (change: (raw: Record<string, unknown>) => void) => {
      const raw = JSON.parse(text) as Record<string, unknown>;
      change(raw);
      return JSON.stringify(raw);
    };
    for (const bad of [
      edited((r) => (r.format = 1)),
      edited((r) => (r.pages = ID_BLOCK)),
      edited((r) => (r.words = [400])),
      // Word counts as text (number-text.ts): a character that is no digit, a number left without its last digit, one count too few.
      edited((r) => (r.words = `é${(r.words as string).slice(1)}`)),
      edited((r) => (r.words = `${r.words as string}~`)),
      edited((r) => (r.words = (r.words as string).slice(0, -1))),
      edited((r) => ((r.sorts as Record<string, number[]>).ngay[0] = ID_BLOCK + 10)),
      // A step past the first page.
      edited((r) => ((r.sorts as Record<string, number[]>).ngay[1] = -ID_BLOCK)),
      edited((r) => ((r.sorts as Record<string, number[]>).ngay[1] = 0.5)),
      edited((r) => (r.filters = ['nam'])),
      edited((r) => delete r.fields),
      edited((r) => (r.block = 0)),
    ]) {
      expect(() => readPageFile(bad), bad.slice(0, 80)).toThrow(PageFileError);
    }
    // The last block holds the rest: 10 ids, not a whole block.
    expect(() => readIdFile(ids[0], 1, info)).toThrow(PageFileError);
    expect(() => readIdFile(JSON.stringify([1, 2]), 1, info)).toThrow(PageFileError);
    expect(readIdFile(ids[1], 1, info)).toHaveLength(10);
  });
});
