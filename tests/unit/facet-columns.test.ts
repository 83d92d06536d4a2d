/**
 * The facet table by page number (src/lib/search/facet-columns.ts): each
 * bundle's values of each filter read back page by page, a file per filter,
 * and files that do not fit the indexes refused. tests/e2e/search.test.ts
 * filters and counts facets with them, and with the facet table by id, on
 * built sites.
 */
import { describe, expect, it } from 'vitest';
import { FacetColumnsError, buildFacetColumns, readFacetColumn } from '../../src/lib/search/facet-columns.ts';

const bundles: Record<string, string[]>[][] = [
  [
    { nam: ['2020', '2021'], tinh: ['lang-son'], cap: ['tinh'] },
    { nam: ['2020'], tinh: ['lang-son'], cap: ['tinh'] },
    { nam: ['2022'], cap: ['xa'] },
  ],
  [{ nam: ['2011'], tinh: ['ha-giang'], cap: ['huyen'] }],
];
const files = () => buildFacetColumns(['a', 'b'], bundles, ['cap', 'loai', 'nam', 'tinh']);
const read = (name: string) => readFacetColumn(files().get(name)!, name, ['a', 'b'], [3, 1]);

describe('facet columns', () => {
  it("give back each page's values of each filter, bundle by bundle, a file per filter", () => {
    expect([...files().keys()]).toEqual(['cap', 'loai', 'nam', 'tinh']);
    for (const name of ['nam', 'tinh', 'cap']) {
      const column = read(name);
      bundles.forEach((pages, b) => pages.forEach((filters, page) => expect(column.values(b, page), `${b} ${page} ${name}`).toEqual(filters[name] ?? [])));
    }
    expect(read('nam').all).toEqual(['2011', '2020', '2021', '2022']);
    expect(read('tinh').all).toEqual(['ha-giang', 'lang-son']);
    // A filter asked for that no page has: a file of empty cells.
    expect(read('loai').all).toEqual([]);
    expect(read('loai').values(0, 2)).toEqual([]);
    // Only the filters asked for, when some are; every filter some page has, when none are.
    expect([...buildFacetColumns(['a', 'b'], bundles, ['nam']).keys()]).toEqual(['nam']);
    expect([...buildFacetColumns(['a', 'b'], bundles).keys()]).toEqual(['cap', 'nam', 'tinh']);
  });

  it('give the pages of each bundle having a value', () => {
    const nam = read('nam');
    expect(Array.from(nam.pagesWith(0, '2020'))).toEqual([0, 1]);
    expect(Array.from(nam.pagesWith(0, '2021'))).toEqual([0]);
    expect(Array.from(nam.pagesWith(1, '2020'))).toEqual([]);
    expect(Array.from(nam.pagesWith(1, '2011'))).toEqual([0]);
    expect(Array.from(nam.pagesWith(0, '1999'))).toEqual([]);
  });

  it('write a page of one value as its number, so that a column of like pages is a run of one number', () => {
    const cap = JSON.parse(files().get('cap')!) as { columns: unknown[][] };
    expect(cap.columns[0]).toEqual([1, 1, 2]);
    const tinh = JSON.parse(files().get('tinh')!) as { columns: unknown[][] };
    expect(tinh.columns[0]).toEqual([1, 1, []]);
  });

  it('are refused when they are of other indexes or another filter, or do not fit them', () => {
    const text = files().get('nam')!;
    const edited = (change: (raw: Record<string, unknown>) => void) => {
      const raw = JSON.parse(text) as Record<string, unknown>;
      change(raw);
      return JSON.stringify(raw);
    };
    const bad: [string, string, string[], number[]][] = [
      [text, 'nam', ['a', 'c'], [3, 1]],
      [text, 'nam', ['a'], [3]],
      [text, 'nam', ['a', 'b'], [4, 1]],
      [text, 'cap', ['a', 'b'], [3, 1]],
      [edited((r) => (r.format = 1)), 'nam', ['a', 'b'], [3, 1]],
      [edited((r) => ((r.columns as unknown[][])[0][0] = 9)), 'nam', ['a', 'b'], [3, 1]],
      [edited((r) => ((r.columns as unknown[][])[1][0] = [-1])), 'nam', ['a', 'b'], [3, 1]],
      [edited((r) => (r.columns as unknown[][]).pop()), 'nam', ['a', 'b'], [3, 1]],
      [edited((r) => (r.values = [1])), 'nam', ['a', 'b'], [3, 1]],
    ];
    for (const [file, name, hashes, pages] of bad) expect(() => readFacetColumn(file, name, hashes, pages), `${name} ${hashes} ${pages} ${file.slice(0, 60)}`).toThrow(FacetColumnsError);
  });
});
