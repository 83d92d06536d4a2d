/**
 * Filters and their counts over a merged result list.
 *
 * Pagefind counts filter values per search, but a query here is several
 * searches merged, so the counts are computed here instead: from each
 * plan's filter values, read once from the facet table the build writes
 * beside the index (`pagefind/kho-facets.json`, see FacetTable). Asking
 * Pagefind for each value's plans instead costs one search per value, which
 * at 10,000 plans took seconds. A facet's own choice does not narrow its own
 * counts: choosing "2020" still shows how many plans 2021 would give.
 */
import type { FilterName } from './index-fields.ts';

export type ActiveFilters = Partial<Record<FilterName, string>>;
/** The plans having each value of each filter. */
export type ValueSets = ReadonlyMap<FilterName, ReadonlyMap<string, ReadonlySet<string>>>;
export type FacetCounts = Partial<Record<FilterName, Record<string, number>>>;

function passes(id: string, active: ActiveFilters, sets: ValueSets): boolean {
  for (const [name, value] of Object.entries(active) as [FilterName, string][]) {
    if (!value) continue;
    if (!sets.get(name)?.get(value)?.has(id)) return false;
  }
  return true;
}

/** The ids, in their order, that every active filter keeps. */
export function applyFilters(ids: readonly string[], active: ActiveFilters, sets: ValueSets): string[] {
  return ids.filter((id) => passes(id, active, sets));
}

/**
 * The facet table: every value of every filter, and for each plan (by its
 * Pagefind id) the indexes of its values. Written by the build from
 * Pagefind's own stored pages, so it cannot disagree with the index.
 */
export interface FacetTable {
  version: 1;
  /** "name=value", e.g. "nam=2020". */
  values: string[];
  plans: Record<string, number[]>;
}

/**
 * Where counting finds a plan's filter values: every value of each filter,
 * and a plan's values of one filter (named by id in the facet table, by
 * plan number in a bundle's column table).
 */
export interface FacetSource<K> {
  all: ReadonlyMap<string, readonly string[]>;
  /** Whether the table has the plan: one it lacks counts for nothing. */
  has(plan: K): boolean;
  values(plan: K, name: string): readonly string[];
}

const NONE: readonly string[] = [];

/** The facet table as a source, by plan id. */
export function planValues(table: FacetTable): FacetSource<string> {
  const all = new Map<string, string[]>();
  const split = table.values.map((v) => {
    const at = v.indexOf('=');
    const pair = [v.slice(0, at), v.slice(at + 1)] as const;
    all.set(pair[0], [...(all.get(pair[0]) ?? []), pair[1]]);
    return pair;
  });
  const plans = new Map<string, Map<string, string[]>>();
  for (const [id, indexes] of Object.entries(table.plans)) {
    const byName = new Map<string, string[]>();
    for (const i of indexes) {
      const [name, value] = split[i];
      const list = byName.get(name);
      if (!list) byName.set(name, [value]);
      else if (!list.includes(value)) list.push(value);
    }
    plans.set(id, byName);
  }
  return { all, has: (id) => plans.has(id), values: (id, name) => plans.get(id)?.get(name) ?? NONE };
}

/** For each filter value: how many of `plans` it would keep, given the other active filters. */
export function countFacets<K>(plans: Iterable<K>, active: ActiveFilters, source: FacetSource<K>): FacetCounts {
  const chosen = (Object.entries(active) as [FilterName, string | undefined][]).filter((e): e is [FilterName, string] => Boolean(e[1]));
  const counts: FacetCounts = {};
  for (const [name, values] of source.all) counts[name as FilterName] = Object.fromEntries(values.map((v) => [v, 0]));
  for (const plan of plans) {
    if (!source.has(plan)) continue;
    const failing = chosen.filter(([name, value]) => !source.values(plan, name).includes(value));
    // A plan failing two active filters counts for no facet; failing one, only for that one's own facet.
    if (failing.length > 1) continue;
    for (const name of source.all.keys()) {
      if (failing.length === 1 && failing[0][0] !== name) continue;
      const out = (counts[name as FilterName] ??= {});
      for (const value of source.values(plan, name)) out[value] = (out[value] ?? 0) + 1;
    }
  }
  return counts;
}
