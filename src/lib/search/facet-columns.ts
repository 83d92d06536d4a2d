/**
 * The facet table by page number: for every bundle of the archive, each
 * filter's values of each page, so that the search page counts facets over
 * a result list of plan numbers without learning their ids.
 *
 * The facet table (facets.ts, `kho-facets.json`) names plans by Pagefind id,
 * so counting a result list's facets needed the id of every plan in it: the
 * bundles' `.pf_meta`, about 1 MB over 16 shards at 100,000 plans, on top of
 * the table, whose ids (seven random hex digits each) are half its bytes.
 * Here a bundle's values are columns in page order, one per filter; pages
 * are numbered by URL, which begins with the plan's year, so a column runs
 * in long stretches of one value and gzips small.
 *
 * One file per filter, so that the plans of a filter value chosen in a query
 * are read from its own column, a tenth of the bytes of Pagefind's filter
 * files (which hold every value of the filter, once per shard); the counts,
 * asked for once the results are shown, read the rest.
 *
 * The files go beside the count files (count-files.ts), in the folder named
 * after every bundle's index hash: page numbers mean something only with the
 * indexes they were read from. The facet table stays, for the Pagefind
 * fallback and builds without these files.
 */
import { COUNT_DIR } from './count-files.ts';

const FORMAT = 2;

/** The file of filter `name`'s column. */
export const facetColumnFile = (set: string, name: string) => `${COUNT_DIR}/${set}/loc-${name}.json`;

/** A page's values of one filter: the index of its one value, or the indexes of its values. */
type Cell = number | number[];

interface Raw {
  format: typeof FORMAT;
  bundles: string[];
  name: string;
  /** Every value of the filter. */
  values: string[];
  /** Per bundle, each page's cell. */
  columns: Cell[][];
}

/**
 * The files' texts, by filter, for the bundles whose indexes have `hashes`,
 * each given as its pages' filters in page order ("nam" → ["2020", "2021"]):
 * the filters `names`, or, when none are given, every filter some page has.
 * A filter of `names` no page has gets a file all the same, of empty cells:
 * the page asks for every filter it shows.
 */
export function buildFacetColumns(hashes: readonly string[], bundles: readonly (readonly Record<string, readonly string[]>[])[], names: readonly string[] = []): Map<string, string> {
  const values = new Map<string, Set<string>>(names.map((name) => [name, new Set()]));
  for (const pages of bundles) {
    for (const filters of pages) {
      for (const [name, list] of Object.entries(filters)) {
        let set = values.get(name);
        if (!set && names.length > 0) continue;
        if (!set) values.set(name, (set = new Set()));
        for (const v of list) set.add(v);
      }
    }
  }
  const files = new Map<string, string>();
  for (const name of [...values.keys()].sort()) {
    const list = [...values.get(name)!].sort();
    const at = new Map(list.map((v, i) => [v, i]));
    const columns = bundles.map((pages) =>
      pages.map((filters): Cell => {
        const cells = (filters[name] ?? []).map((v) => at.get(v)!).sort((a, b) => a - b);
        return cells.length === 1 ? cells[0] : cells;
      }),
    );
    const raw: Raw = { format: FORMAT, bundles: [...hashes], name, values: list, columns };
    files.set(name, JSON.stringify(raw));
  }
  return files;
}

/** A file the page cannot read: it then uses Pagefind's filter files, or counts with the facet table by id. */
export class FacetColumnsError extends Error {}

export interface FacetColumn {
  /** Every value of the filter. */
  all: readonly string[];
  /** The values of page `page` of bundle `bundle`. */
  values(bundle: number, page: number): readonly string[];
  /** The pages of bundle `bundle` having `value`, ascending. */
  pagesWith(bundle: number, value: string): Uint32Array;
}

const NONE: readonly string[] = [];

/** Reads filter `name`'s file for the bundles whose indexes have `hashes` and whose page counts are `pageCounts`. */
export function readFacetColumn(text: string, name: string, hashes: readonly string[], pageCounts: readonly number[]): FacetColumn {
  const raw = JSON.parse(text) as Partial<Raw> | null;
  if (raw?.format !== FORMAT) throw new FacetColumnsError('facet column of an unknown format');
  if (raw.name !== name) throw new FacetColumnsError(`facet column of ${String(raw.name)}, not ${name}`);
  if (!Array.isArray(raw.bundles) || raw.bundles.length !== hashes.length || raw.bundles.some((h, i) => h !== hashes[i])) {
    throw new FacetColumnsError('facet column of other indexes');
  }
  const list = raw.values;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) throw new FacetColumnsError(`${name}: no values`);
  // One shared list per value, so that a page's cell costs nothing more.
  const one = list.map((v) => [v] as readonly string[]);
  if (!Array.isArray(raw.columns) || raw.columns.length !== hashes.length) throw new FacetColumnsError(`${name}: not a column per bundle`);
  const valid = (i: unknown): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < list.length;
  const columns = raw.columns.map((cells: unknown, b) => {
    if (!Array.isArray(cells) || cells.length !== pageCounts[b]) throw new FacetColumnsError(`bundle ${b}, ${name}: not a cell per page`);
    return cells.map((cell: unknown): readonly string[] => {
      if (valid(cell)) return one[cell];
      if (Array.isArray(cell) && cell.every(valid)) return cell.length === 0 ? NONE : cell.map((i) => list[i]);
      throw new FacetColumnsError(`bundle ${b}, ${name}: a bad cell`);
    });
  });
  return {
    all: list,
    values: (bundle, page) => columns[bundle]?.[page] ?? NONE,
    pagesWith(bundle, value) {
      const pages: number[] = [];
      const cells = columns[bundle] ?? [];
      for (let page = 0; page < cells.length; page++) if (cells[page].includes(value)) pages.push(page);
      return Uint32Array.from(pages);
    },
  };
}
