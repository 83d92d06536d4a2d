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
import { replacementRuns } from './variants.ts';

export interface Hit {
  id: string;
  score: number;
}

/** The hits of each search, by search id. A missing search counts as no hits. */
export type Answers = ReadonlyMap<string, readonly Hit[]>;

export interface Ranked {
  id: string;
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

/** Position of each plan in newest-first order. */
export type DateRank = ReadonlyMap<string, number>;

/**
 * The plans each search found, made once per set of answers: ranking asks
 * for some several times, and on a large archive one can hold every plan.
 */
const idSets = new WeakMap<Answers, Map<string, Set<string>>>();

/** The plans one search found. */
export function idSet(answers: Answers, id: string): Set<string> {
  let sets = idSets.get(answers);
  if (!sets) idSets.set(answers, (sets = new Map()));
  let set = sets.get(id);
  if (!set) {
    set = new Set();
    for (const h of answers.get(id) ?? []) set.add(h.id);
    sets.set(id, set);
  }
  return set;
}
const ids = idSet;

/** Scores of one search scaled to 0..1 by its best hit. */
function scaled(answers: Answers, id: string): Map<string, number> {
  const hits = answers.get(id) ?? [];
  // A loop, not Math.max(...scores): an answer may hold every plan of the archive, more than a call takes arguments.
  let best = 0;
  for (const h of hits) if (h.score > best) best = h.score;
  const out = new Map<string, number>();
  for (const h of hits) out.set(h.id, best > 0 ? h.score / best : 1);
  return out;
}

export function compareRanked(dates: DateRank) {
  const date = (id: string) => dates.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a: Ranked, b: Ranked) =>
    rankOf(a.number) - rankOf(b.number) ||
    b.matched - a.matched ||
    b.phrase - a.phrase ||
    Number(b.exact) - Number(a.exact) ||
    Number(b.whole) - Number(a.whole) ||
    b.base - a.base ||
    date(a.id) - date(b.id) ||
    a.id.localeCompare(b.id);
}

const rankOf = (n: Ranked['number']) => (n === 'own' ? 0 : n === 'cited' ? 1 : 2);

/**
 * The plans having each word of the query: whole words, except the last,
 * which may be a prefix. Without a `word:last` answer, the last word is known
 * (it is a whole word somewhere), so Pagefind kept it, and every plan `all:0`
 * found has it.
 */
function wordSetsOf(q: ParsedQuery, answers: Answers): Set<string>[] {
  const n = q.words.length;
  const last = answers.has('word:last') ? ids(answers, 'word:last') : new Set([...ids(answers, 'all:0'), ...ids(answers, 'whole')]);
  return q.words.map((_, i) => (i === n - 1 ? last : ids(answers, `word:${i}`)));
}

/** Plans having every word typed with diacritics exactly so, in either tone placement. */
function exactSet(q: ParsedQuery, answers: Answers): Set<string> {
  const sets = q.words.flatMap((_, i) => (answers.has(`exact:${i}`) ? [new Set([...ids(answers, `exact:${i}`), ...ids(answers, `exact:${i}:new`)])] : []));
  if (sets.length === 0) return new Set();
  return new Set([...sets[0]].filter((id) => sets.every((s) => s.has(id))));
}

export function rankText(q: ParsedQuery, answers: Answers, dates: DateRank): Ranking {
  const n = q.words.length;
  if (n === 0) return { mode: 'all', hits: [], missing: [] };
  const wordSets = wordSetsOf(q, answers);
  const quotedSets = q.phrases.map((_, j) => ids(answers, `quoted:${j}`));
  const exact = exactSet(q, answers);
  const whole = ids(answers, 'whole');
  const head = ids(answers, 'head');
  const phrase0 = ids(answers, 'phrase:0');
  const hasQuoted = (id: string) => quotedSets.every((s) => s.has(id));

  // The words as typed: Pagefind's ranked answer, minus plans it kept by
  // dropping a word it did not know or by matching a word but the last as a
  // mere prefix.
  const found = new Map<string, { base: number; phrase: number }>();
  for (const [id, score] of scaled(answers, 'all:0')) {
    if (!wordSets.every((s) => s.has(id)) || !hasQuoted(id)) continue;
    found.set(id, { base: score, phrase: n === 1 || phrase0.has(id) ? 2 : head.has(id) ? 1 : 0 });
  }
  // Rewordings: plans with what a rewording put in, as a phrase, and the words
  // it kept. They carry no relevance of their own, so they follow the plans
  // with the words as typed, tier by tier.
  q.variants.forEach((v, vi) => {
    if (vi === 0) return;
    const spans = replacementRuns(v.words).map((_, k) => ids(answers, `span:${vi}:${k}`));
    const kept = v.words.flatMap((w) => (w.from === undefined ? [] : [w.from]));
    const phraseSet = kept.length ? ids(answers, `phrase:${vi}`) : undefined;
    for (const id of spans[0] ?? []) {
      if (found.has(id) || !spans.every((s) => s.has(id)) || !kept.every((i) => wordSets[i].has(id)) || !hasQuoted(id)) continue;
      found.set(id, { base: 0, phrase: !phraseSet || phraseSet.has(id) ? 2 : 0 });
    }
  });

  const order = compareRanked(dates);
  if (found.size > 0) {
    const hits = [...found].map(([id, f]) => ({ id, matched: n, phrase: f.phrase, exact: exact.has(id), whole: whole.has(id), base: f.base }));
    return { mode: 'all', hits: hits.sort(order), missing: [] };
  }
  const missing = q.words.filter((_, i) => wordSets[i].size === 0).map((w) => w.text);
  if (n === 1) return { mode: 'all', hits: [], missing };

  // No plan has every word: rank plans by how many words, or quoted phrases,
  // they have, so that a query whose words all exist never comes back empty.
  const units: Set<string>[] = [...q.words.flatMap((w, i) => (w.phrase === undefined ? [wordSets[i]] : [])), ...quotedSets];
  const matched = new Map<string, number>();
  for (const s of units) for (const id of s) matched.set(id, (matched.get(id) ?? 0) + 1);
  const hits = [...matched].map(([id, m]) => ({ id, matched: m, phrase: 0, exact: exact.has(id), whole: whole.has(id), base: 0 }));
  return { mode: 'some', hits: hits.sort(order), missing };
}

/** Plans carrying the number first, then plans citing it; other words of the query rank within each. */
export function rankNumber(answers: Answers, dates: DateRank): Ranking {
  const rest = scaled(answers, 'rest');
  const hits = new Map<string, Ranked>();
  for (const kind of ['own', 'cited'] as const) {
    for (const id of ids(answers, kind)) {
      if (!hits.has(id)) hits.set(id, { id, matched: 1, phrase: 0, exact: false, whole: false, base: rest.get(id) ?? 0, number: kind });
    }
  }
  return { mode: 'number', hits: [...hits.values()].sort(compareRanked(dates)), missing: [] };
}
