/**
 * The query layer end to end: query and filters in; plans in display order,
 * facet counts and notices out. One query plan (query-plan.ts), one retrieval (retrieve.ts).
 */
import { sharedLoads } from '../shared-load.ts';
import { applyFilters, countFacets, type FacetCounts } from './facets.ts';
import type { SearchIndex } from './index-reader.ts';
import { parseQuery, type Notice, type ParsedQuery } from './parse.ts';
import { planQuery } from './query-plan.ts';
import { retrieve, type Ranking } from './retrieve.ts';
import type { SearchState } from './url-state.ts';

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

/** Rankings remembered, by query: changing a filter or the order, or going Back, asks the index nothing. */
const RECENT = 8;

export class SearchEngine {
  private readonly index: SearchIndex;
  private readonly prefetch: number;
  /** What the result list shows of one plan, loaded once (a failed load is tried again next time). */
  readonly plan: (plan: number) => Promise<PlanData>;
  private readonly recent = new Map<string, Promise<Ranking>>();

  /** `prefetch`: how many of the first results to start loading as soon as the ranking is known. */
  constructor(index: SearchIndex, loadPlan: (plan: number) => Promise<PlanData>, options: { prefetch?: number } = {}) {
    this.index = index;
    this.plan = sharedLoads(loadPlan);
    this.prefetch = options.prefetch ?? 0;
  }


  private ranking(parsed: ParsedQuery): Promise<Ranking> {
    const key = parsed.text;
    let ranking = this.recent.get(key);
    if (ranking) this.recent.delete(key);
    else {
      const started = retrieve(planQuery(parsed), this.index);
      started.catch(() => this.recent.get(key) === started && this.recent.delete(key));
      ranking = started;
    }
    this.recent.set(key, ranking);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
    return ranking;
  }

  async run(state: SearchState): Promise<SearchOutcome> {
    const parsed = parseQuery(state.q);
    const notices: EngineNotice[] = [...parsed.notices];
    const filtered = Object.values(state.filters).some(Boolean);
    const [ranking, filters] = await Promise.all([
      parsed.words.length ? this.ranking(parsed) : undefined,
      filtered ? this.index.filters() : undefined,
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
