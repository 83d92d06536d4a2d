/**
 * Merges the answers of the searches in `searches.ts` into one ranked list.
 *
 * Order, most important first: how many of the query's words a plan has (all
 * of them, unless none has all), whether it has the words as a phrase, whether
 * it has them with exactly the diacritics typed, whether the last word is a
 * whole word there, then Pagefind's relevance, normalised per search so that
 * searches can be compared, and last the issue date, newest first.
 */
import type { ParsedQuery } from './parse.ts';
import { Answer, PlanBits } from './plan-set.ts';
import { replacementRuns } from './variants.ts';

/** What each search found, by search id (plan numbers: plan-set.ts). A missing search counts as no plans. */
export type Answers = ReadonlyMap<string, Answer>;

export interface Ranked {
  /** The plan's number in the query layer's PlanTable. */
  plan: number;
  /** Words (or quoted phrases) of the query the plan has. */
  matched: number;
  /** 2: the words as a phrase; 1: all but the last (still being typed) as a phrase. */
  phrase: number;
  exact: boolean;
  /** The last word as a whole word, not only as the start of a longer one. */
  whole: boolean;
  /** Relevance in 0..1. */
  base: number;
  /** For a document number: the plan carries it, or cites it. */
  number?: 'own' | 'cited';
}

export interface Ranking {
  /** `all`: every plan has every word. `some`: none had all, so plans with most words. */
  mode: 'all' | 'some' | 'number';
  hits: Ranked[];
  /** Query words no plan contains. */
  missing: string[];
}

/** Position of each plan, by plan number, in newest-first order; undefined for a plan not in it. */
export type DateRank = ArrayLike<number | undefined>;

/** The plans one search found, as a set. */
export function idSet(answers: Answers, id: string): PlanBits {
  return answers.get(id)?.set() ?? PlanBits.empty;
}
const ids = idSet;

/**
 * The plans having a phrase a search asked about to rank (searches.ts,
 * `phraseSearches`): its answer, or, when the phrase was asked as runs of
 * it, the plans having every run.
 */
export function phraseSet(answers: Answers, id: string): PlanBits {
  if (answers.has(id)) return ids(answers, id);
  const runs: PlanBits[] = [];
  for (let k = 0; answers.has(`${id}:${k}`); k++) runs.push(ids(answers, `${id}:${k}`));
  return allOf(runs) ?? PlanBits.empty;
}

/** The plans in every one of the sets; undefined for no sets, which ask nothing. */
function allOf(sets: readonly PlanBits[]): PlanBits | undefined {
  return sets.length === 0 ? undefined : sets.reduce((both, s) => both.and(s));
}

/** The largest plan number of the answers; -1 when they have none. */
function largest(answers: readonly (Answer | undefined)[]): number {
  let max = -1;
  for (const a of answers) for (const plan of a?.plans ?? []) if (plan > max) max = plan;
  return max;
}

/** Scores of one search scaled to 0..1 by its best hit, in the answer's order. */
function scaled(answer: Answer): Float64Array {
  // A loop, not Math.max(...scores): an answer may hold every plan of the archive, more than a call takes arguments.
  let best = 0;
  for (const s of answer.scores) if (s > best) best = s;
  return answer.scores.map((s) => (best > 0 ? s / best : 1));
}

export function compareRanked(dates: DateRank) {
  const date = (plan: number) => dates[plan] ?? Number.MAX_SAFE_INTEGER;
  return (a: Ranked, b: Ranked) =>
    rankOf(a.number) - rankOf(b.number) ||
    b.matched - a.matched ||
    b.phrase - a.phrase ||
    Number(b.exact) - Number(a.exact) ||
    Number(b.whole) - Number(a.whole) ||
    b.base - a.base ||
    date(a.plan) - date(b.plan) ||
    a.plan - b.plan;
}

const rankOf = (n: Ranked['number']) => (n === 'own' ? 0 : n === 'cited' ? 1 : 2);

/** Below this many hits, `sortRanked` uses the comparator. */
const FEW = 256;

/**
 * The hits in `compareRanked` order (in a new list, or the same one sorted
 * by the comparator). A query of common words ranks every plan of the
 * archive, and sorting 100,000 hits with that comparator took about 10 ms
 * in node. Here each hit's place is one whole number instead, sorted by the
 * engine's own numeric sort: its tier (the comparator's keys before `base`,
 * each 0 for its best value), the rank of its base among the hits' bases,
 * and its date rank (a plan without one after them all, by plan number),
 * which no two hits share. When they would, or the number would not fit in
 * 53 bits, the comparator sorts them.
 */
export function sortRanked(hits: Ranked[], dates: DateRank): Ranked[] {
  const m = hits.length;
  const byComparator = () => hits.sort(compareRanked(dates));
  // A few hundred hits sort fast either way, and the table below is as long as the archive's dates.
  if (m < FEW || dates.length > 16 * m) return byComparator();
  let words = 0;
  let lastDate = -1;
  let lastPlan = -1;
  const bases = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const h = hits[i];
    const d = dates[h.plan];
    if (!Number.isInteger(h.matched) || h.matched < 0 || !(h.phrase === 0 || h.phrase === 1 || h.phrase === 2) || Number.isNaN(h.base)) return byComparator();
    if (d !== undefined && !(Number.isInteger(d) && d >= 0)) return byComparator();
    words = Math.max(words, h.matched);
    lastDate = Math.max(lastDate, d ?? -1);
    lastPlan = Math.max(lastPlan, h.plan);
    bases[i] = -h.base;
  }
  // Distinct bases, best first (negated, ascending).
  bases.sort();
  let kinds = 0;
  for (let i = 0; i < m; i++) if (kinds === 0 || bases[i] !== bases[kinds - 1]) bases[kinds++] = bases[i];
  const tiers = 3 * (words + 1) * 3 * 2 * 2;
  const dateKeys = lastDate + 1 + lastPlan + 1;
  if (tiers * kinds * dateKeys > Number.MAX_SAFE_INTEGER) return byComparator();
  const hitOf = new Int32Array(dateKeys).fill(-1);
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const h = hits[i];
    const date = dates[h.plan] ?? lastDate + 1 + h.plan;
    if (hitOf[date] !== -1) return byComparator();
    hitOf[date] = i;
    const tier = (((rankOf(h.number) * (words + 1) + (words - h.matched)) * 3 + (2 - h.phrase)) * 2 + (h.exact ? 0 : 1)) * 2 + (h.whole ? 0 : 1);
    let lo = 0;
    let hi = kinds;
    const base = -h.base;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bases[mid] < base) lo = mid + 1;
      else hi = mid;
    }
    keys[i] = (tier * kinds + lo) * dateKeys + date;
  }
  keys.sort();
  const sorted = new Array<Ranked>(m);
  for (let i = 0; i < m; i++) sorted[i] = hits[hitOf[keys[i] % dateKeys]];
  return sorted;
}

/**
 * The plans having each word of the query: whole words, except the last,
 * which may be a prefix. Without a `word:last` answer, the last word is known
 * (it is a whole word somewhere), so Pagefind kept it, and every plan `all:0`
 * found has it.
 */
function wordSetsOf(q: ParsedQuery, answers: Answers): PlanBits[] {
  const n = q.words.length;
  const last = answers.has('word:last') ? ids(answers, 'word:last') : ids(answers, 'all:0').or(ids(answers, 'whole'));
  return q.words.map((_, i) => (i === n - 1 ? last : ids(answers, `word:${i}`)));
}

/** Plans having every word typed with diacritics exactly so, in either tone placement. */
function exactSet(q: ParsedQuery, answers: Answers): PlanBits {
  const sets = q.words.flatMap((_, i) => (answers.has(`exact:${i}`) ? [ids(answers, `exact:${i}`).or(ids(answers, `exact:${i}:new`))] : []));
  return allOf(sets) ?? PlanBits.empty;
}

export function rankText(q: ParsedQuery, answers: Answers, dates: DateRank): Ranking {
  const n = q.words.length;
  if (n === 0) return { mode: 'all', hits: [], missing: [] };
  const wordSets = wordSetsOf(q, answers);
  const quotedSets = q.phrases.map((_, j) => ids(answers, `quoted:${j}`));
  const exact = exactSet(q, answers);
  const whole = ids(answers, 'whole');
  const head = phraseSet(answers, 'head');
  const phrase0 = phraseSet(answers, 'phrase:0');

  // The words as typed: Pagefind's ranked answer, minus plans it kept by
  // dropping a word it did not know or by matching a word but the last as a
  // mere prefix. A common word's answer holds every plan of the archive, so
  // the loops below ask one set per condition, and mark plans taken in an
  // array: a Set and a test per word took most of a 100,000-plan ranking.
  const hits: Ranked[] = [];
  const all = answers.get('all:0') ?? Answer.none;
  const wanted = allOf([...wordSets, ...quotedSets])!;
  const taken = new Uint8Array(largest([all, ...q.variants.map((_, vi) => answers.get(`span:${vi}:0`))]) + 1);
  const base = scaled(all);
  for (let i = 0; i < all.plans.length; i++) {
    const plan = all.plans[i];
    if (taken[plan] || !wanted.has(plan)) continue;
    taken[plan] = 1;
    const phrase = n === 1 || phrase0.has(plan) ? 2 : head.has(plan) ? 1 : 0;
    hits.push({ plan, matched: n, phrase, exact: exact.has(plan), whole: whole.has(plan), base: base[i] });
  }
  // Rewordings: plans with what a rewording put in, as a phrase, and the words
  // it kept. They carry no relevance of their own, so they follow the plans
  // with the words as typed, tier by tier.
  q.variants.forEach((v, vi) => {
    if (vi === 0) return;
    const first = answers.get(`span:${vi}:0`);
    if (!first) return;
    const spans = replacementRuns(v.words).map((_, k) => ids(answers, `span:${vi}:${k}`));
    const kept = v.words.flatMap((w) => (w.from === undefined ? [] : [wordSets[w.from]]));
    const keptPhrase = kept.length ? phraseSet(answers, `phrase:${vi}`) : undefined;
    const having = allOf([...spans, ...kept, ...quotedSets]);
    for (let i = 0; i < first.plans.length; i++) {
      const plan = first.plans[i];
      if (taken[plan] || (having && !having.has(plan))) continue;
      taken[plan] = 1;
      hits.push({ plan, matched: n, phrase: !keptPhrase || keptPhrase.has(plan) ? 2 : 0, exact: exact.has(plan), whole: whole.has(plan), base: 0 });
    }
  });

  if (hits.length > 0) return { mode: 'all', hits: sortRanked(hits, dates), missing: [] };
  const missing = q.words.filter((_, i) => wordSets[i].size === 0).map((w) => w.text);
  if (n === 1) return { mode: 'all', hits: [], missing };

  // No plan has every word: rank plans by how many words, or quoted phrases,
  // they have, so that a query whose words all exist never comes back empty.
  const units: PlanBits[] = [...q.words.flatMap((w, i) => (w.phrase === undefined ? [wordSets[i]] : [])), ...quotedSets];
  const matched = new Map<number, number>();
  for (const s of units) for (const plan of s) matched.set(plan, (matched.get(plan) ?? 0) + 1);
  const some = [...matched].map(([plan, m]) => ({ plan, matched: m, phrase: 0, exact: exact.has(plan), whole: whole.has(plan), base: 0 }));
  return { mode: 'some', hits: sortRanked(some, dates), missing };
}

/** Plans carrying the number first, then plans citing it; other words of the query rank within each. */
export function rankNumber(answers: Answers, dates: DateRank): Ranking {
  const restAnswer = answers.get('rest') ?? Answer.none;
  const restScores = scaled(restAnswer);
  const rest = new Map<number, number>();
  restAnswer.plans.forEach((plan, i) => rest.set(plan, restScores[i]));
  const hits = new Map<number, Ranked>();
  for (const kind of ['own', 'cited'] as const) {
    for (const plan of answers.get(kind)?.plans ?? []) {
      if (!hits.has(plan)) hits.set(plan, { plan, matched: 1, phrase: 0, exact: false, whole: false, base: rest.get(plan) ?? 0, number: kind });
    }
  }
  return { mode: 'number', hits: sortRanked([...hits.values()], dates), missing: [] };
}
