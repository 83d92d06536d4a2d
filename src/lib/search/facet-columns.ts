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
 * The file goes beside the count files (count-files.ts), in the folder named
 * after every bundle's index hash: page numbers mean something only with the
 * indexes they were read from. The facet table stays, for the Pagefind
 * fallback and builds without this file.
 */
import { COUNT_DIR } from './count-files.ts';

const FORMAT = 1;

export const facetColumnsFile = (set: string) => `${COUNT_DIR}/${set}/loc.json`;

/** A page's values of one filter: the index of its one value, or the indexes of its values. */
type Cell = number | number[];

interface Raw {
  format: typeof FORMAT;
  bundles: string[];
  /** Every value of each filter. */
  values: Record<string, string[]>;
  /** Per bundle, per filter, each page's cell. */
  columns: Record<string, Cell[]>[];
}

/**
 * The file's text for the bundles whose indexes have `hashes`, each given
 * as its pages' filters in page order ("nam" → ["2020", "2021"]).
 */
export function buildFacetColumns(hashes: readonly string[], bundles: readonly (readonly Record<string, readonly string[]>[])[]): string {
  const values: Record<string, string[]> = {};
  for (const pages of bundles) for (const filters of pages) for (const [name, list] of Object.entries(filters)) (values[name] ??= []).push(...list);
  for (const name of Object.keys(values)) values[name] = [...new Set(values[name])].sort();
  const index = new Map(Object.entries(values).map(([name, list]) => [name, new Map(list.map((v, i) => [v, i]))]));
  const columns = bundles.map((pages) =>
    Object.fromEntries(
      Object.keys(values)
        .sort()
        .map((name): [string, Cell[]] => {
          const at = index.get(name)!;
          return [name, pages.map((filters) => {
            const cells = (filters[name] ?? []).map((v) => at.get(v)!).sort((a, b) => a - b);
            return cells.length === 1 ? cells[0] : cells;
          })];
        }),
    ),
  );
  const raw: Raw = { format: FORMAT, bundles: [...hashes], values, columns };
  return JSON.stringify(raw);
}

/** A file the page cannot read: it then counts with the facet table by id. */
export class FacetColumnsError extends Error {}

export interface FacetColumns {
  /** Every value of each filter. */
  all: ReadonlyMap<string, readonly string[]>;
  /** The values of filter `name` of page `page` of bundle `bundle`. */
  values(bundle: number, page: number, name: string): readonly string[];
}

const NONE: readonly string[] = [];

/** Reads the file for the bundles whose indexes have `hashes` and whose page counts are `pageCounts`. */
export function readFacetColumns(text: string, hashes: readonly string[], pageCounts: readonly number[]): FacetColumns {
  const raw = JSON.parse(text) as Partial<Raw> | null;
  if (raw?.format !== FORMAT) throw new FacetColumnsError('facet columns of an unknown format');
  if (!Array.isArray(raw.bundles) || raw.bundles.length !== hashes.length || raw.bundles.some((h, i) => h !== hashes[i])) {
    throw new FacetColumnsError('facet columns of other indexes');
  }
  const values = raw.values;
  if (typeof values !== 'object' || values === null || !Object.values(values).every((l) => Array.isArray(l) && l.every((v) => typeof v === 'string'))) {
    throw new FacetColumnsError('facet columns without values');
  }
  // One shared list per value, so that a page's cell costs nothing more.
  const singles = new Map(Object.entries(values).map(([name, list]) => [name, list.map((v) => [v] as readonly string[])]));
  if (!Array.isArray(raw.columns) || raw.columns.length !== hashes.length) throw new FacetColumnsError('facet columns without every bundle');
  const columns = raw.columns.map((byName, b) =>
    new Map(
      Object.keys(values).map((name): [string, (readonly string[])[]] => {
        const cells: unknown = byName?.[name];
        if (!Array.isArray(cells) || cells.length !== pageCounts[b]) throw new FacetColumnsError(`bundle ${b}, ${name}: not a cell per page`);
        const list = values[name];
        const one = singles.get(name)!;
        const valid = (i: unknown): i is number => Number.isInteger(i) && (i as number) >= 0 && (i as number) < list.length;
        return [name, cells.map((cell: unknown) => {
          if (valid(cell)) return one[cell];
          if (Array.isArray(cell) && cell.every(valid)) return cell.length === 0 ? NONE : cell.map((i) => list[i]);
          throw new FacetColumnsError(`bundle ${b}, ${name}: a bad cell`);
        })];
      }),
    ),
  );
  return {
    all: new Map(Object.entries(values)),
    values: (bundle, page, name) => columns[bundle].get(name)?.[page] ?? NONE,
  };
}
