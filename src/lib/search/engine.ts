/**
 * The query layer end to end: a reader's query and filters in, a ranked list
 * of plans, facet counts and notices out. Pagefind sits behind `Backend`, so
 * the same code runs in the browser and against a stand-in in unit tests.
 */
import { sharedLoad } from '../shared-load.ts';
import { countFacets, planValues, type FacetCounts, type FacetSource, type FacetTable } from './facets.ts';
import { SORT_BY_DATE, type FilterName } from './index-fields.ts';
import { parseQuery, type Notice, type ParsedQuery } from './parse.ts';
import { Answer, PlanTable, type PlanBits } from './plan-set.ts';
import { rankNumber, rankText, type Answers, type Ranking } from './rank.ts';
import { followUpSearches, numberSearches, textSearches, type SearchSpec } from './searches.ts';
import type { SearchState } from './url-state.ts';

/** One plan a search found, and how well it matches. */
export interface Hit {
  id: string;
  score: number;
}

/** What Pagefind returns for one plan. */
export interface PlanData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export interface BackendHit extends Hit {
  data(): Promise<PlanData>;
}

export interface BackendRequest {
  term: string | null;
  exact?: boolean;
  /** Only which plans have these words matters, not their scores (`SearchSpec.lookup`). */
  lookup?: SearchSpec['lookup'];
  /** Ranks plans having these words, the last perhaps half typed (`SearchSpec.ranked`). */
  ranked?: SearchSpec['ranked'];
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Backend {
  /**
   * Set when the backend numbers plans itself: it then answers with plan
   * numbers from this table (an `Answer`) where it can, and loads those
   * plans with `plan()`. A hit list it answers with instead is numbered
   * by the engine in the same table.
   */
  readonly plans?: PlanTable;
  /**
   * Runs the requests, each with the Pagefind options it asks for, and
   * answers each on its own, so that the first answers can be used (to start
   * loading the likely results) while the others still run.
   */
  searchMany(requests: BackendRequest[]): Promise<BackendHit[] | Answer>[];
  /** Loads a plan an `Answer` named. */
  plan?(plan: number): Promise<PlanData>;
  /**
   * The ids of plans an `Answer` named, which the backend may learn only
   * when asked (its table then has holes): the facet table names plans by id.
   */
  ids?(plans: readonly number[]): Promise<string[]>;
  /** The facet table the build wrote beside the index. */
  facets(): Promise<FacetTable>;
  /**
   * Each plan's filter values by plan number, which counts facets without
   * ids; undefined, and `facets()` with ids used instead, when the backend
   * cannot tell them.
   */
  planFacets?(): Promise<FacetSource<number> | undefined>;
}

export type EngineNotice = Notice | { kind: 'number-not-found'; number: string } | { kind: 'some-words'; missing: string[] };

export interface SearchOutcome {
  parsed: ParsedQuery;
  ranking: Ranking['mode'];
  /** Plans by number in display order, filters applied, for `SearchEngine.plan` and `SearchEngine.ids`. */
  plans: number[];
  /**
   * How many plans each filter value would give. Asked for after the results
   * are shown, and only once the reader wants the counts: the first time, it
   * loads the facet table, which grows with the archive.
   */
  counts(): Promise<FacetCounts>;
  notices: EngineNotice[];
}

/** How many search answers to remember, at most. */
const MEMO_SIZE = 400;
/**
 * How many hits, across the answers remembered, at most. On a large archive
 * one answer can hold every plan, with Pagefind's word positions for each:
 * remembering 400 of them at 100,000 plans crashed the browser tab.
 */
const MEMO_HITS = 300_000;

const keyOf = (s: SearchSpec) => `${s.exact ? 'exact' : 'loose'}\u0000${s.term}`;

export interface EngineOptions {
  /**
   * How many of the best hits of a query's main search to start loading as
   * soon as that search answers: usually the results shown first, whose
   * loading then overlaps the other searches instead of following them.
   */
  prefetch?: number;
  /** Hits to remember across recent answers (MEMO_HITS unless set): a memory budget. */
  rememberHits?: number;
}

export class SearchEngine {
  /** Every plan an answer has named, numbered (plan-set.ts); ranking works on the numbers. */
  private readonly plans: PlanTable;
  /** By plan number: the hit a search found it as, which `data()` loads it with. */
  private readonly hits: BackendHit[] = [];

  private readonly prefetch: number;
  private readonly rememberHits: number;

  constructor(
    private readonly backend: Backend,
    options: EngineOptions = {},
  ) {
    this.plans = backend.plans ?? new PlanTable();
    this.prefetch = options.prefetch ?? 0;
    this.rememberHits = options.rememberHits ?? MEMO_HITS;
  }

  /**
   * Every plan, newest first, and each plan's place in that order (by plan
   * number), which breaks ties.
   */
  private readonly allPlans = sharedLoad(() =>
    this.backend.searchMany([{ term: null, sort: { [SORT_BY_DATE]: 'desc' } }])[0].then((hits) => {
      const all = this.numbered(hits);
      const dates = new Int32Array(this.plans.size).fill(-1);
      all.plans.forEach((plan, i) => {
        if (dates[plan] === -1) dates[plan] = i;
      });
      // A plan no date order names has no place in it (DateRank).
      return { all, dates: Array.from(dates, (d) => (d === -1 ? undefined : d)) };
    }),
  );

  /**
   * The hits as plan numbers, each kept for `data()`: done once per answer,
   * as it arrives, not each time a query uses it.
   */
  private numbered(hits: BackendHit[] | Answer): Answer {
    if (hits instanceof Answer) return hits;
    const plans = new Int32Array(hits.length);
    const scores = new Float64Array(hits.length);
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      const plan = this.plans.number(h.id);
      plans[i] = plan;
      scores[i] = h.score;
      this.hits[plan] ??= h;
    }
    return new Answer(plans, scores);
  }

  private readonly valueSets = new Map<string, () => Promise<PlanBits>>();

  /** The plans having one filter value, loaded once per page. */
  private valueSet(name: FilterName, value: string): Promise<PlanBits> {
    const key = `${name}=${value}`;
    let load = this.valueSets.get(key);
    if (!load) {
      load = sharedLoad(() => this.backend.searchMany([{ term: null, filters: { [name]: value } }])[0].then((hits) => this.numbered(hits).set()));
      this.valueSets.set(key, load);
    }
    return load();
  }

  /** Every plan's filter values, loaded once per page, when counts are first asked for. */
  private readonly planValues = sharedLoad(() => this.backend.facets().then(planValues));

  /**
   * Answers of recent searches. One keystroke changes one word, so most of a
   * query's searches were already run for the previous keystroke; Back and
   * Forward repeat whole queries.
   */
  private readonly memo = new Map<string, Promise<Answer>>();
  /** Hits of each remembered answer that has arrived, and their sum. */
  private readonly memoHits = new Map<string, number>();
  private memoTotal = 0;

  private forget(key: string) {
    this.memo.delete(key);
    this.memoTotal -= this.memoHits.get(key) ?? 0;
    this.memoHits.delete(key);
  }

  private async answer(specs: SearchSpec[]): Promise<Answers> {
    const pending = new Map<string, Promise<Answer>>();
    const missing: SearchSpec[] = [];
    for (const s of specs) {
      const key = keyOf(s);
      if (pending.has(key)) continue;
      const known = this.memo.get(key);
      if (!known) {
        missing.push(s);
        continue;
      }
      // Used again: it moves to the end, the last to be forgotten.
      this.memo.delete(key);
      this.memo.set(key, known);
      pending.set(key, known);
    }
    if (missing.length) {
      const batch = this.backend.searchMany(missing.map((s) => ({ term: s.term, exact: s.exact, lookup: s.lookup, ranked: s.ranked })));
      missing.forEach((s, i) => {
        const key = keyOf(s);
        const hits = batch[i].then((arrived) => this.numbered(arrived));
        hits.then(
          (arrived) => {
            if (this.memo.get(key) !== hits) return;
            this.memoHits.set(key, arrived.size);
            this.memoTotal += arrived.size;
          },
          // A failed search is asked again next time rather than remembered.
          () => this.memo.get(key) === hits && this.forget(key),
        );
        this.memo.set(key, hits);
        pending.set(key, hits);
      });
    }
    const answers = new Map<string, Answer>();
    for (const s of specs) answers.set(s.id, await pending.get(keyOf(s))!);
    // The least recently used go first; this query's own answers are in hand.
    while (this.memo.size > MEMO_SIZE || this.memoTotal > this.rememberHits) this.forget(this.memo.keys().next().value!);
    return answers;
  }

  /** Starts loading the best hits of `lead`, a search `answer` has started. */
  private warm(specs: SearchSpec[], lead: string) {
    const spec = specs.find((s) => s.id === lead);
    const hits = spec && this.memo.get(keyOf(spec));
    if (!hits || this.prefetch === 0) return;
    Promise.all([hits, this.allPlans()])
      .then(([best]) => {
        for (const plan of best.plans.subarray(0, this.prefetch)) this.plan(plan).catch(() => undefined);
      })
      .catch(() => undefined);
  }

  /** Loads what the result list shows for one plan, by number (`SearchOutcome.plans`). */
  plan(plan: number): Promise<PlanData> {
    const hit = this.hits[plan];
    if (hit) return hit.data();
    if (plan < this.plans.size && this.backend.plan) return this.backend.plan(plan);
    return Promise.reject(new Error(`unknown result ${this.plans.ids[plan] ?? plan}`));
  }

  /** The ids of plans by number, as `SearchOutcome.plans` names them. */
  ids(plans: readonly number[]): Promise<string[]> {
    if (this.backend.ids) return this.backend.ids(plans);
    return Promise.resolve(plans.map((plan) => this.plans.ids[plan]!));
  }

  /** Loads what the result list shows for one plan, by id. */
  data(id: string): Promise<PlanData> {
    const plan = this.plans.find(id);
    return plan === undefined ? Promise.reject(new Error(`unknown result ${id}`)) : this.plan(plan);
  }

  async run(state: SearchState): Promise<SearchOutcome> {
    const parsed = parseQuery(state.q);
    const notices: EngineNotice[] = [...parsed.notices];
    // The date order and the active filters' plans load beside the searches.
    const active = (Object.entries(state.filters) as [FilterName, string | undefined][]).filter((e): e is [FilterName, string] => Boolean(e[1]));
    const activeSets = Promise.all(active.map(([name, value]) => this.valueSet(name, value)));
    const loaded = Promise.all([this.allPlans(), activeSets]);
    const numberSpecs = numberSearches(parsed);
    const numberAnswers = parsed.number ? this.answer(numberSpecs) : undefined;
    if (numberAnswers) this.warm(numberSpecs, 'own');
    // A second round only when the first shows it is needed (a half-typed
    // or unknown last word, or no plan with every word).
    const textAnswers = async () => {
      const specs = textSearches(parsed);
      const pending = this.answer(specs);
      this.warm(specs, 'all:0');
      const first = await pending;
      const more = followUpSearches(parsed, first);
      return more.length ? new Map([...first, ...(await this.answer(more))]) : first;
    };
    // Words are searched at once unless a number may make them unnecessary.
    let pendingText = parsed.words.length && !parsed.number ? textAnswers() : undefined;
    const [{ all: everything, dates }, chosen] = await loaded;

    let ranking: Ranking | undefined;
    if (numberAnswers) {
      ranking = rankNumber(await numberAnswers, dates);
      if (ranking.hits.length === 0) {
        notices.push({ kind: 'number-not-found', number: parsed.number!.typed });
        ranking = undefined;
        pendingText = textAnswers();
      }
    }
    if (!ranking && pendingText) ranking = rankText(parsed, await pendingText, dates);
    if (ranking?.mode === 'some') notices.push({ kind: 'some-words', missing: ranking.missing });

    // An empty query lets the filters alone choose: every plan they keep, newest
    // first. A query of punctuation only chooses nothing.
    let plans: number[] = ranking ? ranking.hits.map((h) => h.plan) : parsed.text ? [] : Array.from(everything.plans);
    if (state.sort !== 'lien-quan' && ranking) {
      const rank = (plan: number) => dates[plan] ?? Number.MAX_SAFE_INTEGER;
      plans = plans.sort((a, b) => rank(a) - rank(b) || a - b);
    }
    if (state.sort === 'cu-nhat') plans.reverse();
    const unfiltered = plans;
    const shown = chosen.length ? plans.filter((plan) => chosen.every((set) => set.has(plan))) : plans;
    return {
      parsed,
      ranking: ranking?.mode ?? 'all',
      plans: shown,
      counts: async () => {
        const byPlan = await this.backend.planFacets?.().catch(() => undefined);
        if (byPlan) return countFacets(unfiltered, state.filters, byPlan);
        // Ids only here: the facet table names plans by id, and the counts are asked for seldom.
        const [values, ids] = await Promise.all([this.planValues(), this.ids(unfiltered)]);
        return countFacets(ids, state.filters, values);
      },
      notices,
    };
  }
}
