/**
 * Which words of a text a query matched, and excerpts with them marked, by loose keys ("dong thap" marks
 * "Đồng Tháp"). An excerpt starts at the sentence holding its first match when near, else at its clause,
 * and ends at a sentence's end when one is near. Output is escaped text whose only markup is <mark>.
 */
import type { ParsedQuery } from './parse.ts';
import { findPatterns, matchRuns, whole, withContext, type Matcher, type Run } from './match-words.ts';
import { replacementRuns } from './variants.ts';
import { fold, hasDiacritics, nfc } from '../text/fold.ts';
import { escapeHtml, wordKeys, wordSpans, type WordSpan } from './text.ts';

export { withContext, type Matcher };

/** A prefix shorter than this would mark half the page. */
const MIN_PREFIX = 2;

/**
 * The words to mark: those typed, a quoted phrase or a rewording's replacement only whole
 * ("CCHC" marks "cải cách hành chính", not every lone "hành"); for a document number, the number.
 */
export function matcherFor(q: ParsedQuery, byNumber = false): Matcher {
  if (byNumber && q.number) {
    const rest = wordKeys(q.number.rest);
    return { keys: new Set(rest), phrases: [wordKeys(q.number.typed)], prefixes: [], groups: [rest] };
  }
  const keys = new Set<string>();
  const exact = new Map(q.words.filter((w) => hasDiacritics(w.text)).map((w) => [w.key, w.exact]));
  const groups: string[][] = [[]];
  const phrases: string[][] = q.phrases.map((p) => p.map((i) => q.words[i].key));
  q.words.forEach((w, i) => {
    if (w.phrase === undefined) {
      keys.add(w.key);
      groups.at(-1)!.push(w.key);
    } else if (q.words[i - 1]?.phrase === undefined) groups.push([]);
  });
  for (const v of q.variants) {
    for (const run of replacementRuns(v.words)) {
      if (run.length === 1) keys.add(run[0]);
      else phrases.push(run);
    }
  }
  const last = q.words.at(-1);
  const prefixes = last && last.phrase === undefined && last.key.length >= MIN_PREFIX ? [last.key] : [];
  return { keys, phrases, prefixes, groups: groups.filter((g) => g.length), exact };
}

function matchedFlags(text: string, spans: WordSpan[], m: Matcher, runs = matchRuns(text, spans, m)): boolean[] {
  const flags = new Array<boolean>(spans.length).fill(false);
  for (const r of runs) flags.fill(true, r.start, r.start + r.length);
  return flags;
}

/** Character ranges of the matched words in `text` (NFC). */
export function matchRanges(text: string, m: Matcher): Array<[number, number]> {
  const { text: normal, spans } = wordSpans(text);
  const flags = matchedFlags(normal, spans, m);
  return spans.filter((_, i) => flags[i]).map((s) => [s.start, s.end]);
}

function markSpans(text: string, spans: WordSpan[], flags: boolean[], from: number, to: number): string {
  let [html, at] = ['', from];
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
  return markSpans(normal, spans, matchedFlags(normal, spans, m), 0, normal.length);
}

/** Longer texts are first narrowed around their best match by one regular expression: splitting a whole plan into words is slow. */
const LONG_TEXT = 2000;
/** Characters kept on each side of the best match when narrowing. */
const MARGIN = 400;
/** About seven characters per Vietnamese word, space included. */
const WORD_LENGTH = 7;

const finders = new WeakMap<Matcher, RegExp | null>();
/** One pattern for everything a matcher marks, longest sequences first; null when it marks nothing. */
function finderFor(m: Matcher): RegExp | null {
  let finder = finders.get(m);
  if (finder !== undefined) return finder;
  const patterns = findPatterns(m);
  finder = patterns.length ? new RegExp(whole(patterns.join('|')), 'g') : null;
  finders.set(m, finder);
  return finder;
}

/** How good a stretch of matches is to quote: a distinct run of n words counts n², so a phrase beats its words scattered. */
const score = (keys: string[]) => keys.length + [...new Set(keys)].reduce((total, key) => total + key.split(' ').length ** 2 * 100, 0);

/** Where the best window of length `size` (words for runs, characters for pattern hits) over `hits` starts. */
function bestWindow(hits: ReadonlyArray<Pick<Run, 'start' | 'key'>>, size: number): number | undefined {
  let best: number | undefined;
  let bestScore = -1;
  for (let a = 0, hi = 0; a < hits.length; a++) {
    while (hi < hits.length && hits[hi].start < hits[a].start + size) hi++;
    const value = score(hits.slice(a, hi).map((h) => h.key));
    if (value > bestScore) [bestScore, best] = [value, hits[a].start];
  }
  return best;
}

/** Offset of the best stretch of about `size` words in the folded text; undefined when nothing matches or folding moved offsets. */
function densestOffset(text: string, m: Matcher, size: number): number | undefined {
  const folded = fold(text);
  const finder = finderFor(m);
  if (!finder || folded.length !== text.length) return undefined;
  const hits = [...folded.matchAll(finder)].map((h) => ({ start: h.index, key: h[0].split(/[^a-z0-9]+/).join(' ') }));
  return bestWindow(hits, size * WORD_LENGTH);
}

/**
 * About `size` words of `text` around its best stretch of matches, marked, starting at a sentence
 * or clause, with "…" where cut; without a match, the start of the text.
 */
export function excerptHtml(text: string, m: Matcher, size = 30): string {
  // excerptOf normalises what it splits; a short text goes there as it is.
  if (text.length <= LONG_TEXT) return excerptOf(text, m, size, false, false);
  const normal = nfc(text);
  const at = densestOffset(normal, m, size) ?? 0;
  // Cut at spaces, so that no word is split in two.
  const from = at <= MARGIN ? 0 : normal.lastIndexOf(' ', at - MARGIN) + 1;
  const stop = normal.indexOf(' ', at + size * WORD_LENGTH + MARGIN);
  const to = stop < 0 ? normal.length : stop;
  return excerptOf(normal.slice(from, to), m, size, from > 0, to < normal.length);
}

function excerptOf(text: string, m: Matcher, size: number, cutBefore: boolean, cutAfter: boolean): string {
  const { text: normal, spans } = wordSpans(text);
  if (spans.length === 0) return '';
  const runs = matchRuns(normal, spans, m);
  // Room before the first match for the start of its sentence, and after it for what follows.
  const back = Math.floor(size / 2);
  const hit = bestWindow(runs, size - back);
  const start = hit === undefined ? { word: 0, opening: cutBefore ? 'cut' : 'sentence' } : snippetStart(normal, spans, hit, back * WORD_LENGTH, 4, cutBefore);
  const shown = runs.filter((r) => r.start >= start.word && r.start < start.word + size).at(-1);
  const keep = shown ? shown.start + shown.length - 1 : start.word;
  const end = snippetEnd(normal, spans, Math.min(spans.length, start.word + size) - 1, keep, Math.floor(size / 3));
  const last = end.word === spans.length - 1;
  const from = start.word === 0 && !cutBefore ? 0 : spans[start.word].start;
  const to = last && !cutAfter ? normal.length : end.ended ? endOffset(normal, spans, end.word) : spans[end.word].end;
  const before = start.opening === 'sentence' ? '' : '… ';
  const after = (last && !cutAfter) || (end.ended && !last) ? '' : ' …';
  return before + markSpans(normal, spans, matchedFlags(normal, spans, m, runs), from, to).trim() + after;
}

/** What a snippet starts at: a sentence, a clause (after a comma, semicolon, colon or dash), or a cut mid-sentence. */
type Opening = 'sentence' | 'clause' | 'cut';

/** A full stop, question or exclamation mark (maybe closing a quote or bracket) then a space; or a line break. */
const SENTENCE_END = /[.!?…]["”’)\]]*\s|\n/;
const CLAUSE_END = /[,;:]\s|\s[–—-]\s/;
/** "TP. Hồ Chí Minh", "Q. 1": a full stop after these does not end a sentence. */
const ABBREVIATION = /^(?:\p{Lu}|TP|Tp|TX|Tx|TT|ThS|TS|PGS|GS)$/u;
const STARTS_SENTENCE = /^[\p{Lu}\p{N}]/u;

const gap = (text: string, spans: WordSpan[], i: number) => text.slice(spans[i - 1].end, spans[i].start);

/** Whether a sentence starts at word `i` (not the first word). */
function startsSentence(text: string, spans: WordSpan[], i: number): boolean {
  const before = text.slice(spans[i - 1].start, spans[i - 1].end);
  return SENTENCE_END.test(gap(text, spans, i)) && STARTS_SENTENCE.test(text.slice(spans[i].start)) && !ABBREVIATION.test(before);
}

/**
 * The word a snippet showing word `hit` starts at, at most `back` characters before (not words: a
 * document number is many): a sentence, else a clause, else `lead` words before. `cutBefore`: the
 * text is cut from a longer one, so its first word starts no sentence.
 */
export function snippetStart(text: string, spans: WordSpan[], hit: number, back: number, lead: number, cutBefore = false): { word: number; opening: Opening } {
  let limit = hit;
  while (limit > 0 && spans[limit - 1].start >= spans[hit].start - back) limit--;
  for (let i = hit; i >= limit; i--) {
    if (i === 0) {
      if (!cutBefore) return { word: 0, opening: 'sentence' };
    } else if (startsSentence(text, spans, i)) return { word: i, opening: 'sentence' };
  }
  for (let i = hit; i > limit; i--) if (CLAUSE_END.test(gap(text, spans, i))) return { word: i, opening: 'clause' };
  return { word: Math.max(0, hit - lead), opening: 'cut' };
}

/** A sentence this short is a heading ("Mục tiêu."): a snippet does not end with one. */
const HEADING_WORDS = 3;

/**
 * The last word of a snippet that would end at word `last`: a sentence's end among its last `slack`
 * words, still showing word `keep` and ending no heading, else `last`. `ended`: it ends a sentence.
 */
function snippetEnd(text: string, spans: WordSpan[], last: number, keep: number, slack: number): { word: number; ended: boolean } {
  if (last >= spans.length - 1) return { word: spans.length - 1, ended: true };
  const heading = (i: number) => {
    for (let j = i; j > Math.max(0, i - HEADING_WORDS); j--) if (startsSentence(text, spans, j)) return true;
    return false;
  };
  for (let i = last; i >= Math.max(keep, last - slack); i--) {
    if (startsSentence(text, spans, i + 1) && !heading(i)) return { word: i, ended: true };
  }
  return { word: last, ended: false };
}

/** The offset just past word `i` and the punctuation that closes it ("." or "…"), if any. */
function endOffset(text: string, spans: WordSpan[], i: number): number {
  const next = i + 1 < spans.length ? spans[i + 1].start : text.length;
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(spans[i].end, next))?.[0] ?? '';
  return spans[i].end + tail.length;
}
