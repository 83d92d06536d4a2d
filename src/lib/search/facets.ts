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

/** Each plan's filter values by filter name, and every value of each filter. */
export interface PlanValues {
  plans: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;
  all: ReadonlyMap<string, readonly string[]>;
}

export function planValues(table: FacetTable): PlanValues {
  const all = new Map<string, string[]>();
  const split = table.values.map((v) => {
    const at = v.indexOf('=');
    const pair = [v.slice(0, at), v.slice(at + 1)] as const;
    all.set(pair[0], [...(all.get(pair[0]) ?? []), pair[1]]);
    return pair;
  });
  const plans = new Map<string, Map<string, Set<string>>>();
  for (const [id, indexes] of Object.entries(table.plans)) {
    const byName = new Map<string, Set<string>>();
    for (const i of indexes) {
      const [name, value] = split[i];
      let set = byName.get(name);
      if (!set) byName.set(name, (set = new Set()));
      set.add(value);
    }
    plans.set(id, byName);
  }
  return { plans, all };
}

/** For each filter value: how many of `ids` it would keep, given the other active filters. */
export function countFacets(ids: readonly string[], active: ActiveFilters, table: PlanValues): FacetCounts {
  const chosen = (Object.entries(active) as [FilterName, string | undefined][]).filter((e): e is [FilterName, string] => Boolean(e[1]));
  const counts: FacetCounts = {};
  for (const [name, values] of table.all) counts[name as FilterName] = Object.fromEntries(values.map((v) => [v, 0]));
  for (const id of ids) {
    const values = table.plans.get(id);
    if (!values) continue;
    const failing = chosen.filter(([name, value]) => !values.get(name)?.has(value));
    // A plan failing two active filters counts for no facet; failing one, only for that one's own facet.
    if (failing.length > 1) continue;
    for (const [name, set] of values) {
      if (failing.length === 1 && failing[0][0] !== name) continue;
      const out = (counts[name as FilterName] ??= {});
      for (const value of set) out[value] = (out[value] ?? 0) + 1;
    }
  }
  return counts;
}
