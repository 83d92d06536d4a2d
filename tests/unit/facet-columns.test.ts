/**
 * The facet table by page number (src/lib/search/facet-columns.ts): each
 * bundle's filter values read back page by page, and files that do not fit
 * the indexes refused. tests/e2e/search.test.ts counts facets with it and
 * with the facet table by id on built sites.
 */
import { describe, expect, it } from 'vitest';
import { FacetColumnsError, buildFacetColumns, readFacetColumns } from '../../src/lib/search/facet-columns.ts';

const bundles: Record<string, string[]>[][] = [
  [
    { nam: ['2020', '2021'], tinh: ['lang-son'], cap: ['tinh'] },
    { nam: ['2020'], tinh: ['lang-son'], cap: ['tinh'] },
    { nam: ['2022'], cap: ['xa'] },
  ],
  [{ nam: ['2011'], tinh: ['ha-giang'], cap: ['huyen'] }],
];

describe('facet columns', () => {
  it("give back each page's values of each filter, bundle by bundle", () => {
    const columns = readFacetColumns(buildFacetColumns(['a', 'b'], bundles), ['a', 'b'], [3, 1]);
    bundles.forEach((pages, b) =>
      pages.forEach((filters, page) => {
        for (const name of ['nam', 'tinh', 'cap']) expect(columns.values(b, page, name), `${b} ${page} ${name}`).toEqual(filters[name] ?? []);
      }),
    );
    expect(columns.all.get('nam')).toEqual(['2011', '2020', '2021', '2022']);
    expect(columns.all.get('tinh')).toEqual(['ha-giang', 'lang-son']);
  });

  it('write a page of one value as its number, so that a column of like pages is a run of one number', () => {
    const raw = JSON.parse(buildFacetColumns(['a', 'b'], bundles)) as { columns: Record<string, unknown[]>[] };
    expect(raw.columns[0].cap).toEqual([1, 1, 2]);
    expect(raw.columns[0].tinh).toEqual([1, 1, []]);
  });

  it('are refused when they are of other indexes or do not fit them', () => {
    const text = buildFacetColumns(['a', 'b'], bundles);
    const edited = (change: (raw: Record<string, unknown>) => void) => {
      const raw = JSON.parse(text) as Record<string, unknown>;
      change(raw);
      return JSON.stringify(raw);
    };
    const bad: [string, string[], number[]][] = [
      [text, ['a', 'c'], [3, 1]],
      [text, ['a'], [3]],
      [text, ['a', 'b'], [4, 1]],
      [edited((r) => (r.format = 2)), ['a', 'b'], [3, 1]],
      [edited((r) => ((r.columns as Record<string, unknown[]>[])[0].nam[0] = 9)), ['a', 'b'], [3, 1]],
      [edited((r) => ((r.columns as Record<string, unknown[]>[])[1].nam[0] = [-1])), ['a', 'b'], [3, 1]],
      [edited((r) => delete (r.columns as Record<string, unknown[]>[])[1].cap), ['a', 'b'], [3, 1]],
    ];
    for (const [file, hashes, pages] of bad) expect(() => readFacetColumns(file, hashes, pages), `${hashes} ${pages} ${file.slice(0, 60)}`).toThrow(FacetColumnsError);
  });
});
