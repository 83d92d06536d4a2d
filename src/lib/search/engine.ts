/**
 * The query layer end to end: query and filters in; plans in display order, facet counts and
 * notices out. One query plan (query-plan.ts), one retrieval (retrieve.ts), the filters applied.
 */
import { sharedLoads } from '../shared-load.ts';
import type { FilterName } from './index-fields.ts';
import { filterKey } from './index-format.ts';
import type { SearchIndex } from './index-reader.ts';
import { parseQuery, type Notice, type ParsedQuery } from './parse.ts';
import { planQuery } from './query-plan.ts';
import { retrieve, type Ranking } from './retrieve.ts';
import { hasFilters, type ActiveFilters, type SearchState } from './url-state.ts';

/** What the result list shows of a plan: its Pagefind fragment's URL, text and meta. */
export interface PlanData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export type EngineNotice = Notice | { kind: 'number-not-found'; number: string } | { kind: 'some-words'; missing: string[] };

export interface SearchOutcome {
  parsed: ParsedQuery;
  ranking: Ranking['mode'];
  /** Plan numbers in display order, filters applied, for `SearchEngine.plan`. */
  plans: number[];
  /** How many plans each filter value would give, over the results before filtering. */
  counts(): Promise<FacetCounts>;
  notices: EngineNotice[];
}

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

/** For each filter value: how many of `plans` it would keep, given the other active filters (not its own: 2021 counts with 2020 chosen). */
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

/** Results shown at a time, and after each "Xem thêm": each is a request for its fragment, and six is as many as a browser fetches at once from an HTTP/1.1 host (decision 017). */
export const RESULTS_PER_PAGE = 6;
/** Rankings remembered, by query: changing a filter or the order, or going Back, asks the index nothing. */
const RECENT_QUERIES = 8;
/** Plans' texts kept for the session, the most recently shown (a few hundred KB). */
const RECENT_PLANS = 200;

export class SearchEngine {
  private readonly index: SearchIndex;
  private readonly prefetch: number;
  /** The bytes the filter counts alone would fetch (undefined: the index does not say). */
  readonly filterBytes?: number;
  /** What the result list shows of one plan, loaded once while recent (a failed load is tried again next time). */
  readonly plan: (plan: number) => Promise<PlanData>;
  /** By the query's cleaned text, which parses back to the same query. */
  private readonly ranking: (text: string) => Promise<Ranking>;

  /** `prefetch`: how many of the first results to start loading as soon as the ranking is known. */
  constructor(index: SearchIndex, loadPlan: (plan: number) => Promise<PlanData>, options: { prefetch?: number } = {}) {
    this.index = index;
    this.filterBytes = index.manifest.filterBytes;
    this.plan = sharedLoads(loadPlan, RECENT_PLANS);
    this.ranking = sharedLoads((text) => retrieve(planQuery(parseQuery(text)), index), RECENT_QUERIES);
    this.prefetch = options.prefetch ?? 0;
  }

  /** The chosen filter values' plans, from their rows in the term blocks: filtering needs no filter file. */
  private async chosen(active: ActiveFilters): Promise<FilterPlans> {
    const chosen = Object.entries(active).flatMap(([name, value]) => (value ? [[name, value]] : []));
    const terms = await this.index.terms(chosen.map(([name, value]) => filterKey(name, value)));
    return new Map(chosen.map(([name, value]) => [name, new Map([[value, terms.get(filterKey(name, value))?.plans ?? NONE]])]));
  }

  async run(state: SearchState): Promise<SearchOutcome> {
    const parsed = parseQuery(state.q);
    const notices: EngineNotice[] = [...parsed.notices];
    const [ranking, filters] = await Promise.all([
      parsed.words.length ? this.ranking(parsed.text) : undefined,
      hasFilters(state) ? this.chosen(state.filters) : undefined,
    ]);
    if (ranking?.numberNotFound) notices.push({ kind: 'number-not-found', number: ranking.numberNotFound });
    if (ranking?.mode === 'some') notices.push({ kind: 'some-words', missing: ranking.missing });
    const size = this.index.size;
    // An empty query lets the filters alone choose; a query of punctuation only chooses nothing.
    let plans = ranking ? ranking.plans : parsed.text ? new Int32Array(0) : Int32Array.from({ length: size }, (_, i) => i);
    // Plan numbers are the date order, newest first.
    if (state.sort !== 'lien-quan' && ranking) plans = plans.slice().sort();
    if (state.sort === 'cu-nhat') plans = plans.slice().reverse();
    const shown = filters ? applyFilters(plans, state.filters, filters, size) : plans;
    for (const plan of shown.subarray(0, this.prefetch)) this.plan(plan).catch(() => undefined);
    return {
      parsed,
      ranking: ranking?.mode ?? 'all',
      plans: Array.from(shown),
      counts: async () => countFacets(plans, state.filters, await this.index.filters(), size),
      notices,
    };
  }
}
