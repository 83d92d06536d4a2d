/**
 * The query layer end to end: a reader's query and filters in, a ranked list
 * of plans, facet counts and notices out. Pagefind sits behind `Backend`, so
 * the same code runs in the browser and against a stand-in in unit tests.
 */
import { sharedLoad } from '../shared-load.ts';
import { applyFilters, countFacets, planValues, type FacetCounts, type FacetTable } from './facets.ts';
import { SORT_BY_DATE, type FilterName } from './index-fields.ts';
import { parseQuery, type Notice, type ParsedQuery } from './parse.ts';
import { rankNumber, rankText, type Answers, type Hit, type Ranking } from './rank.ts';
import { followUpSearches, numberSearches, textSearches, type SearchSpec } from './searches.ts';
import type { SearchState } from './url-state.ts';

/** What Pagefind returns for one plan. */
export interface PlanData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export interface BackendHit extends Hit {
  data(): Promise<PlanData>;
  /**
   * Read from the index files rather than found by a Pagefind search, so
   * `data()` has no Pagefind result of its own to fall back on, only a
   * costlier one: a hit from a search is kept in its place once one arrives.
   */
  indexed?: boolean;
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
   * Runs the requests, each with the Pagefind options it asks for, and
   * answers each on its own, so that the first answers can be used (to start
   * loading the likely results) while the others still run.
   */
  searchMany(requests: BackendRequest[]): Promise<BackendHit[]>[];
  /** The facet table the build wrote beside the index. */
  facets(): Promise<FacetTable>;
}

export type EngineNotice = Notice | { kind: 'number-not-found'; number: string } | { kind: 'some-words'; missing: string[] };

export interface SearchOutcome {
  parsed: ParsedQuery;
  ranking: Ranking['mode'];
  /** Plan ids in display order, filters applied. */
  ids: string[];
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
  private readonly hits = new Map<string, BackendHit>();

  private readonly prefetch: number;
  private readonly rememberHits: number;

  constructor(
    private readonly backend: Backend,
    options: EngineOptions = {},
  ) {
    this.prefetch = options.prefetch ?? 0;
    this.rememberHits = options.rememberHits ?? MEMO_HITS;
  }

  /** Every plan, newest first; also the date order that breaks ties. */
  private readonly allPlans = sharedLoad(() =>
    this.backend.searchMany([{ term: null, sort: { [SORT_BY_DATE]: 'desc' } }])[0].then((hits) => {
      for (const h of hits) this.remember(h);
      return hits;
    }),
  );

  /** Keeps a hit for `data()`, preferring one a Pagefind search found. */
  private remember(h: BackendHit) {
    const known = this.hits.get(h.id);
    if (!known || (known.indexed && !h.indexed)) this.hits.set(h.id, h);
  }

  private readonly valueSets = new Map<string, () => Promise<Set<string>>>();

  /** The plans having one filter value, loaded once per page. */
  private valueSet(name: FilterName, value: string): Promise<Set<string>> {
    const key = `${name}=${value}`;
    let load = this.valueSets.get(key);
    if (!load) {
      load = sharedLoad(() => this.backend.searchMany([{ term: null, filters: { [name]: value } }])[0].then((hits) => new Set(hits.map((h) => h.id))));
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
  private readonly memo = new Map<string, Promise<BackendHit[]>>();
  /** Hits of each remembered answer that has arrived, and their sum. */
  private readonly memoHits = new Map<string, number>();
  private memoTotal = 0;

  private forget(key: string) {
    this.memo.delete(key);
    this.memoTotal -= this.memoHits.get(key) ?? 0;
    this.memoHits.delete(key);
  }

  private async answer(specs: SearchSpec[]): Promise<Answers> {
    const pending = new Map<string, Promise<BackendHit[]>>();
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
        const hits = batch[i];
        hits.then(
          (arrived) => {
            if (this.memo.get(key) !== hits) return;
            this.memoHits.set(key, arrived.length);
            this.memoTotal += arrived.length;
          },
          // A failed search is asked again next time rather than remembered.
          () => this.memo.get(key) === hits && this.forget(key),
        );
        this.memo.set(key, hits);
        pending.set(key, hits);
      });
    }
    const answers = new Map<string, BackendHit[]>();
    for (const s of specs) {
      const hits = await pending.get(keyOf(s))!;
      answers.set(s.id, hits);
      for (const h of hits) this.remember(h);
    }
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
        for (const h of best.slice(0, this.prefetch)) this.data(h.id).catch(() => undefined);
      })
      .catch(() => undefined);
  }

  /** Loads what the result list shows for one plan. */
  data(id: string): Promise<PlanData> {
    const hit = this.hits.get(id);
    return hit ? hit.data() : Promise.reject(new Error(`unknown result ${id}`));
  }

  async run(state: SearchState): Promise<SearchOutcome> {
    const parsed = parseQuery(state.q);
    const notices: EngineNotice[] = [...parsed.notices];
    // The date order and the active filters' plans load beside the searches.
    const active = (Object.entries(state.filters) as [FilterName, string | undefined][]).filter((e): e is [FilterName, string] => Boolean(e[1]));
    const activeSets = Promise.all(active.map(async ([name, value]) => [name, new Map([[value, await this.valueSet(name, value)]])] as const));
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
    const [everything, chosen] = await loaded;
    const dates = new Map(everything.map((h, i) => [h.id, i]));

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
    let ids = ranking ? ranking.hits.map((h) => h.id) : parsed.text ? [] : everything.map((h) => h.id);
    if (state.sort !== 'lien-quan' && ranking) {
      const rank = (id: string) => dates.get(id) ?? Number.MAX_SAFE_INTEGER;
      ids = [...ids].sort((a, b) => rank(a) - rank(b));
    }
    if (state.sort === 'cu-nhat') ids.reverse();
    const unfiltered = ids;
    return {
      parsed,
      ranking: ranking?.mode ?? 'all',
      ids: applyFilters(ids, state.filters, new Map(chosen)),
      counts: () => this.planValues().then((values) => countFacets(unfiltered, state.filters, values)),
      notices,
    };
  }
}
