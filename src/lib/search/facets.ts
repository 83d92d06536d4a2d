/**
 * Filters and their counts over a merged result list.
 *
 * Pagefind counts filter values per search, but a query here is several
 * searches merged, so the counts are computed from each value's set of plans
 * instead. A facet's own choice does not narrow its own counts: choosing
 * "2020" still shows how many plans 2021 would give.
 */
import type { FilterName } from './index-fields.ts';

export type ActiveFilters = Partial<Record<FilterName, string>>;
/** The plans having each value of each filter. */
export type ValueSets = ReadonlyMap<FilterName, ReadonlyMap<string, ReadonlySet<string>>>;
export type FacetCounts = Partial<Record<FilterName, Record<string, number>>>;

function passes(id: string, active: ActiveFilters, sets: ValueSets, except?: FilterName): boolean {
  for (const [name, value] of Object.entries(active) as [FilterName, string][]) {
    if (name === except || !value) continue;
    if (!sets.get(name)?.get(value)?.has(id)) return false;
  }
  return true;
}

/** The ids, in their order, that every active filter keeps. */
export function applyFilters(ids: readonly string[], active: ActiveFilters, sets: ValueSets): string[] {
  return ids.filter((id) => passes(id, active, sets));
}

/** For each filter value: how many of `ids` it would keep, given the other active filters. */
export function countFacets(ids: readonly string[], active: ActiveFilters, sets: ValueSets): FacetCounts {
  const counts: FacetCounts = {};
  for (const [name, values] of sets) {
    const pool = ids.filter((id) => passes(id, active, sets, name));
    const out: Record<string, number> = {};
    for (const [value, members] of values) out[value] = pool.reduce((n, id) => n + (members.has(id) ? 1 : 0), 0);
    counts[name] = out;
  }
  return counts;
}
