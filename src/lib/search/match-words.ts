/**
 * Which words of a text a query marks. Common syllables recur in unrelated words (the "hành" of
 * "ban hành" when searching "cải cách hành chính"), so query words the text has side by side are
 * marked there together and nowhere alone; a word never beside its neighbours is marked wherever
 * it occurs, in the form typed when typed with diacritics ("cửa" marks no "của"). Quoted phrases
 * and rewordings are marked only whole.
 */
import { fold, nfc } from '../text/fold.ts';
import { exactKey, type WordSpan } from './text.ts';

export interface Matcher {
  /** Whole words to mark. */
  keys: ReadonlySet<string>;
  /** Word sequences to mark only where they occur together: "ủy ban nhân dân" for UBND, a quoted phrase. */
  phrases: ReadonlyArray<readonly string[]>;
  /** Beginnings of words to mark: the word still being typed. */
  prefixes: readonly string[];
  /** The words typed outside quotes, in order, split at each quoted phrase. */
  groups: ReadonlyArray<readonly string[]>;
  /** Words of `groups` that the surrounding text has beside a neighbour (`withContext`): marked only in such runs. */
  bound?: ReadonlySet<string>;
  /** The exact form (text.ts) of each word typed with diacritics, by its loose key. */
  exact?: ReadonlyMap<string, string>;
}

/** A run of marked words: `length` spans from span `start`. A word alone is a run of 1. */
export interface Run {
  start: number;
  length: number;
  /** The loose keys of its words, space-separated: the same run elsewhere counts once. */
  key: string;
}

const fits = (key: string, want: string, m: Matcher) => key === want || (m.prefixes.includes(want) && key.startsWith(want));

/** The longest stretch from span `i` that matches group `g` from its word `j`. */
function stretch(spans: WordSpan[], i: number, g: readonly string[], j: number, m: Matcher): number {
  let k = 0;
  while (i + k < spans.length && j + k < g.length && fits(spans[i + k].key, g[j + k], m)) k++;
  return k;
}

/** Where phrases and groups stand in `spans`, as [start, end) span ranges, and the group words found beside a neighbour. */
function sequences(spans: WordSpan[], m: Matcher): { found: Array<[number, number]>; bound: Set<string> } {
  const found: Array<[number, number]> = [];
  const bound = new Set<string>();
  for (const phrase of m.phrases) {
    for (let i = 0; i + phrase.length <= spans.length; i++) {
      if (phrase.every((w, j) => spans[i + j].key === w)) found.push([i, i + phrase.length]);
    }
  }
  for (const g of m.groups) {
    if (g.length < 2) continue;
    for (let i = 0; i < spans.length; i++) {
      for (let j = 0; j + 1 < g.length; j++) {
        const k = stretch(spans, i, g, j, m);
        if (k < 2) continue;
        found.push([i, i + k]);
        for (let t = j; t < j + k; t++) bound.add(g[t]);
      }
    }
  }
  return { found, bound };
}

/** Whether `word` (loose key `key`), outside any run, is marked: it matches a query word not beside its neighbours, in the form typed. */
function alone(word: string, key: string, m: Matcher, bound: ReadonlySet<string>): boolean {
  let exact: string | undefined;
  const typed = (want: string, prefix: boolean) => {
    const form = m.exact?.get(want);
    if (!form) return true;
    exact ??= exactKey(word);
    return prefix ? exact.startsWith(form) : exact === form;
  };
  if (m.keys.has(key) && !bound.has(key) && typed(key, false)) return true;
  return m.prefixes.some((p) => key.startsWith(p) && !bound.has(p) && typed(p, true));
}

/** The runs `m` marks in `spans` of `text`, in text order; overlapping sequences make one run. */
export function matchRuns(text: string, spans: WordSpan[], m: Matcher): Run[] {
  const { found, bound: local } = sequences(spans, m);
  const bound = m.bound ? new Set([...m.bound, ...local]) : local;
  // How far a sequence starting at each span reaches.
  const reach = new Array<number>(spans.length).fill(0);
  for (const [a, b] of found) reach[a] = Math.max(reach[a], b);
  const runs: Run[] = [];
  const push = (start: number, end: number) => runs.push({ start, length: end - start, key: spans.slice(start, end).map((s) => s.key).join(' ') });
  for (let i = 0; i < spans.length; ) {
    if (reach[i]) {
      let end = reach[i];
      for (let t = i + 1; t < end; t++) end = Math.max(end, reach[t]);
      push(i, end);
      i = end;
    } else {
      if (alone(text.slice(spans[i].start, spans[i].end), spans[i].key, m, bound)) push(i, i + 1);
      i++;
    }
  }
  return runs;
}

/** Loose keys are ASCII letters and digits: ASCII patterns avoid the cost of Unicode classes. */
const WORD_CHAR = '[a-z0-9]';
const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (k: string, m: Matcher) => (m.prefixes.includes(k) ? `${escape(k)}${WORD_CHAR}*` : escape(k));
/** A sequence of words as a pattern over folded text, anything not a letter or digit between them. */
const sequencePattern = (ks: readonly string[], m: Matcher) => ks.map((k) => wordPattern(k, m)).join(`[^a-z0-9]+`);
export const whole = (pattern: string) => `(?<!${WORD_CHAR})(?:${pattern})(?!${WORD_CHAR})`;

/** `m` with the query words that `text` (a plan's title and text) has beside a neighbour, so title and excerpt mark alike. */
export function withContext(m: Matcher, text: string): Matcher {
  const folded = fold(nfc(text)).replace(/&/g, '');
  const bound = new Set<string>();
  for (const g of m.groups) {
    for (let j = 0; j + 1 < g.length; j++) {
      if (new RegExp(whole(sequencePattern([g[j], g[j + 1]], m))).test(folded)) bound.add(g[j]).add(g[j + 1]);
    }
  }
  return { ...m, bound };
}

/** Patterns for what `m` marks in a folded text, longest first: phrases and groups, neighbour pairs, then lone words. */
export function findPatterns(m: Matcher): string[] {
  const out = new Set<string>();
  const add = (ks: readonly string[]) => ks.length && out.add(sequencePattern(ks, m));
  for (const ks of [...m.phrases, ...m.groups].filter((ks) => ks.length > 1).sort((a, b) => b.length - a.length)) add(ks);
  for (const g of m.groups) for (let j = 0; j + 1 < g.length; j++) add([g[j], g[j + 1]]);
  const bound = m.bound ?? new Set<string>();
  for (const k of [...m.keys, ...m.prefixes]) if (!bound.has(k)) add([k]);
  return [...out];
}
