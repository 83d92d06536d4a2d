/**
 * Which words of a text a query matched, and excerpts with them marked.
 *
 * Matching compares loose keys, so "dong thap" marks "Đồng Tháp" and "hoá"
 * marks "hòa", which Pagefind's own excerpts cannot do for đ. Output is HTML
 * built from escaped text: the only markup in it is <mark>.
 */
import type { ParsedQuery } from './parse.ts';
import { replacementRuns } from './variants.ts';
import { fold, nfc } from '../text/fold.ts';
import { escapeHtml, wordKey, wordKeys, wordSpans, type WordSpan } from './text.ts';

export interface Matcher {
  /** Whole words to mark. */
  keys: ReadonlySet<string>;
  /** Word sequences to mark only where they occur together: "ủy ban nhân dân" for UBND. */
  phrases: ReadonlyArray<readonly string[]>;
  /** Beginnings of words to mark: the word still being typed. */
  prefixes: readonly string[];
}

/** A prefix shorter than this would mark half the page. */
const MIN_PREFIX = 2;

/**
 * The words to mark for a query: the words typed, and each rewording's
 * replacement as a sequence, so that "CCHC" marks "cải cách hành chính" but
 * not every lone "hành". For a document number, the number as a sequence.
 */
export function matcherFor(q: ParsedQuery, byNumber = false): Matcher {
  if (byNumber && q.number) {
    return { keys: new Set(wordKeys(q.number.rest)), phrases: [wordKeys(q.number.typed)], prefixes: [] };
  }
  const keys = new Set(q.words.map((w) => w.key));
  const phrases: string[][] = [];
  for (const v of q.variants) {
    for (const run of replacementRuns(v.words)) {
      if (run.length === 1) keys.add(run[0]);
      else phrases.push(run);
    }
  }
  const last = q.words.at(-1);
  const prefixes = last && last.phrase === undefined && last.key.length >= MIN_PREFIX ? [last.key] : [];
  return { keys, phrases, prefixes };
}

/** A matcher from a plain list of words, for the plan page's highlighting. */
export function matcherForWords(list: string[]): Matcher {
  return { keys: new Set(list.map(wordKey).filter(Boolean)), phrases: [], prefixes: [] };
}

function isWordMatch(key: string, m: Matcher): boolean {
  if (m.keys.has(key)) return true;
  for (const p of m.prefixes) if (key.startsWith(p)) return true;
  return false;
}

/** Which spans a matcher marks: single words, and every word of a whole phrase occurrence. */
function matchedFlags(spans: WordSpan[], m: Matcher): boolean[] {
  const flags = spans.map((s) => isWordMatch(s.key, m));
  for (const phrase of m.phrases) {
    outer: for (let i = 0; i + phrase.length <= spans.length; i++) {
      for (let j = 0; j < phrase.length; j++) if (spans[i + j].key !== phrase[j]) continue outer;
      flags.fill(true, i, i + phrase.length);
    }
  }
  return flags;
}

/** Character ranges of the matched words in `text` (NFC). */
export function matchRanges(text: string, m: Matcher): Array<[number, number]> {
  const { spans } = wordSpans(text);
  const flags = matchedFlags(spans, m);
  return spans.filter((_, i) => flags[i]).map((s) => [s.start, s.end]);
}

function markSpans(text: string, spans: WordSpan[], flags: boolean[], from: number, to: number): string {
  let html = '';
  let at = from;
  for (const [i, s] of spans.entries()) {
    if (s.start < from || s.end > to || !flags[i]) continue;
    html += escapeHtml(text.slice(at, s.start)) + '<mark>' + escapeHtml(text.slice(s.start, s.end)) + '</mark>';
    at = s.end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole of `text`, escaped, with matched words in <mark>. */
export function highlightHtml(text: string, m: Matcher): string {
  const { text: normal, spans } = wordSpans(text);
  return markSpans(normal, spans, matchedFlags(spans, m), 0, normal.length);
}

/**
 * Texts longer than this are first narrowed to the neighbourhood of their
 * best match with one regular expression over the folded text, so that only
 * a few hundred characters are split into words and marked: splitting a whole
 * plan of 1,500 words for each of ten results was the slowest step of
 * showing them.
 */
const LONG_TEXT = 2000;
/** Characters kept on each side of the best match when narrowing. */
const MARGIN = 400;

/**
 * Loose keys are folded to ASCII letters and digits, and so is most of the
 * folded text: an ASCII pattern finds them without the cost of Unicode
 * classes. A rare foreign letter next to a match only shifts the window.
 */
const WORD_CHAR = '[a-z0-9]';
const finders = new WeakMap<Matcher, RegExp | null>();

/** One pattern for every word a matcher marks, phrase words included; null when it marks nothing. */
function finderFor(m: Matcher): RegExp | null {
  let finder = finders.get(m);
  if (finder !== undefined) return finder;
  const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const whole = [...new Set([...m.keys, ...m.phrases.flat()])].filter(Boolean).map(escape);
  const parts = [...m.prefixes.map((p) => `${escape(p)}${WORD_CHAR}*`), ...whole];
  finder = parts.length ? new RegExp(`(?<!${WORD_CHAR})(?:${parts.join('|')})(?!${WORD_CHAR})`, 'g') : null;
  finders.set(m, finder);
  return finder;
}

/**
 * Offset of the first match of the densest stretch of about `size` words,
 * found on the folded text without splitting it into words; undefined when
 * nothing matches or folding moved the offsets.
 */
function densestOffset(text: string, m: Matcher, size: number): number | undefined {
  const folded = fold(text);
  const finder = finderFor(m);
  if (!finder || folded.length !== text.length) return undefined;
  const hits = [...folded.matchAll(finder)].map((h) => ({ at: h.index, key: h[0] }));
  if (hits.length === 0) return undefined;
  // About seven characters per Vietnamese word, space included.
  const span = size * 7;
  let best = hits[0].at;
  let bestScore = -1;
  for (let a = 0, hi = 0; a < hits.length; a++) {
    while (hi < hits.length && hits[hi].at < hits[a].at + span) hi++;
    const inside = hits.slice(a, hi);
    const score = new Set(inside.map((h) => h.key)).size * 100 + inside.length;
    if (score > bestScore) [bestScore, best] = [score, hits[a].at];
  }
  return best;
}

/**
 * About `size` words of `text` around the densest cluster of matches (the
 * most different words matched, then the most matches), escaped, matches
 * marked, with "…" where it was cut. Without any match: the start of the text.
 */
export function excerptHtml(text: string, m: Matcher, size = 30): string {
  // excerptOf normalises what it splits; a short text goes there as it is.
  if (text.length <= LONG_TEXT) return excerptOf(text, m, size, false, false);
  const normal = nfc(text);
  const at = densestOffset(normal, m, size) ?? 0;
  // Cut at spaces, so that no word is split in two.
  const from = at <= MARGIN ? 0 : normal.lastIndexOf(' ', at - MARGIN) + 1;
  const stop = normal.indexOf(' ', at + size * 7 + MARGIN);
  const to = stop < 0 ? normal.length : stop;
  return excerptOf(normal.slice(from, to), m, size, from > 0, to < normal.length);
}

function excerptOf(text: string, m: Matcher, size: number, cutBefore: boolean, cutAfter: boolean): string {
  const { text: normal, spans } = wordSpans(text);
  if (spans.length === 0) return '';
  const flags = matchedFlags(spans, m);
  const hits: number[] = [];
  flags.forEach((f, i) => f && hits.push(i));
  let bestStart = 0;
  let bestScore = -1;
  // A window starts a few words before each match; `lo`..`hi` are the matches inside it.
  for (let a = 0, lo = 0, hi = 0; a < hits.length; a++) {
    const start = Math.max(0, hits[a] - 4);
    while (hits[lo] < start) lo++;
    while (hi < hits.length && hits[hi] < start + size) hi++;
    const inside = hits.slice(lo, hi);
    const score = new Set(inside.map((i) => spans[i].key)).size * 100 + inside.length;
    if (score > bestScore) [bestScore, bestStart] = [score, start];
  }
  const last = Math.min(spans.length, bestStart + size) - 1;
  const from = bestStart === 0 ? 0 : spans[bestStart].start;
  const to = last === spans.length - 1 ? normal.length : spans[last].end;
  const before = from > 0 || cutBefore ? '… ' : '';
  const after = to < normal.length || cutAfter ? ' …' : '';
  return before + markSpans(normal, spans, flags, from, to).trim() + after;
}
