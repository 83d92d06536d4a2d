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

const ids = (answers: Answers, id: string) => new Set((answers.get(id) ?? []).map((h) => h.id));

/** Scores of one search scaled to 0..1 by its best hit. */
function scaled(answers: Answers, id: string): Map<string, number> {
  const hits = answers.get(id) ?? [];
  const best = Math.max(0, ...hits.map((h) => h.score));
  return new Map(hits.map((h) => [h.id, best > 0 ? h.score / best : 1]));
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

export function rankText(q: ParsedQuery, answers: Answers, dates: DateRank): Ranking {
  const n = q.words.length;
  if (n === 0) return { mode: 'all', hits: [], missing: [] };
  const wordSets = n > 1 ? q.words.map((_, i) => ids(answers, `word:${i}`)) : [];
  const quotedSets = q.phrases.map((_, j) => ids(answers, `quoted:${j}`));
  const exact = new Set([...ids(answers, 'exact:old'), ...ids(answers, 'exact:new')]);

  const whole = ids(answers, 'whole');
  const head = ids(answers, 'head');

  const base = new Map<string, number>();
  const phrase = new Map<string, number>();
  q.variants.forEach((v, vi) => {
    // Pagefind drops words it does not know and lets every word match as a
    // prefix; the single-word searches put both right for the words kept
    // from the query, the span searches for the words a rewording put in.
    const kept = v.words.flatMap((w) => (w.from === undefined ? [] : [w.from]));
    const spans = replacementRuns(v.words).flatMap((run, k) => (run.length > 1 ? [ids(answers, `span:${vi}:${k}`)] : []));
    const phraseSet = v.words.length > 1 ? ids(answers, `phrase:${vi}`) : undefined;
    for (const [id, score] of scaled(answers, `all:${vi}`)) {
      if (wordSets.length && !kept.every((i) => wordSets[i].has(id))) continue;
      if (!quotedSets.every((s) => s.has(id)) || !spans.every((s) => s.has(id))) continue;
      base.set(id, Math.max(base.get(id) ?? 0, v.weight * score));
      const p = !phraseSet || phraseSet.has(id) ? 2 : vi === 0 && head.has(id) ? 1 : 0;
      phrase.set(id, Math.max(phrase.get(id) ?? 0, p));
    }
  });

  const missing = n > 1 ? q.words.filter((_, i) => wordSets[i].size === 0).map((w) => w.text) : base.size ? [] : [q.words[0].text];
  const order = compareRanked(dates);
  if (base.size > 0) {
    const hits = [...base].map(([id, b]) => ({
      id,
      matched: n,
      phrase: phrase.get(id) ?? 0,
      exact: exact.has(id),
      whole: whole.has(id),
      base: b,
    }));
    return { mode: 'all', hits: hits.sort(order), missing: [] };
  }
  if (n === 1) return { mode: 'all', hits: [], missing };

  // No plan has every word: rank plans by how many words, or quoted phrases,
  // they have, so that a query whose words all exist never comes back empty.
  const units: Set<string>[] = [
    ...q.words.flatMap((w, i) => (w.phrase === undefined ? [wordSets[i]] : [])),
    ...quotedSets,
  ];
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
