/** Filters and their counts over a result list. A facet's own choice does not narrow its counts: "2020" chosen, 2021 still counts. */
import type { FilterName } from './index-fields.ts';

export type ActiveFilters = Partial<Record<FilterName, string>>;
export type FacetCounts = Partial<Record<FilterName, Record<string, number>>>;
/** Each filter's values, each with its plans, ascending. */
export type FilterPlans = ReadonlyMap<string, ReadonlyMap<string, Int32Array>>;

const NONE = new Int32Array(0);

/** The active filters' plan lists; a value the index lacks keeps nothing. */
function chosenLists(active: ActiveFilters, filters: FilterPlans): [string, Int32Array][] {
  return Object.entries(active).flatMap(([name, value]) => (value ? [[name, filters.get(name)?.get(value) ?? NONE] as [string, Int32Array]] : []));
}

/** The plans, in their order, that every active filter keeps. */
export function applyFilters(plans: Int32Array, active: ActiveFilters, filters: FilterPlans, size: number): Int32Array {
  const lists = chosenLists(active, filters);
  if (lists.length === 0) return plans;
  const passed = new Uint8Array(size);
  for (const [, list] of lists) for (let i = 0; i < list.length; i++) passed[list[i]]++;
  return plans.filter((p) => passed[p] === lists.length);
}

/** For each filter value: how many of `plans` it would keep, given the other active filters. */
export function countFacets(plans: ArrayLike<number>, active: ActiveFilters, filters: FilterPlans, size: number): FacetCounts {
  const lists = chosenLists(active, filters);
  // Bit k: the plan passes active filter k. A plan failing one counts only for that filter's own values.
  const passes = new Uint8Array(size);
  lists.forEach(([, list], k) => {
    for (let i = 0; i < list.length; i++) passes[list[i]] |= 1 << k;
  });
  const all = 2 ** lists.length - 1;
  const listed = new Uint8Array(size);
  for (let i = 0; i < plans.length; i++) listed[plans[i]] = 1;
  const counts: FacetCounts = {};
  for (const [name, values] of filters) {
    const own = lists.reduce((bits, [chosen], k) => (chosen === name ? bits | (1 << k) : bits), 0);
    const out: Record<string, number> = {};
    for (const [value, list] of values) {
      let n = 0;
      for (let i = 0; i < list.length; i++) if (listed[list[i]] && (passes[list[i]] | own) === all) n++;
      out[value] = n;
    }
    counts[name as FilterName] = out;
  }
  return counts;
}
