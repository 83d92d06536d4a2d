/**
 * Where an excerpt starts and ends: at the start of the sentence holding its first match when
 * near, else of its clause; at a sentence's end when one ends near where it would be cut.
 */
import type { WordSpan } from './text.ts';

/** What a snippet starts at: a sentence, a clause (after a comma, semicolon, colon or dash), or a cut mid-sentence. */
export type Opening = 'sentence' | 'clause' | 'cut';

/** A full stop, question or exclamation mark (maybe closing a quote or bracket) then a space; or a line break. */
const SENTENCE_END = /[.!?…]["”’)\]]*\s|\n/;
const CLAUSE_END = /[,;:]\s|\s[–—-]\s/;
/** "TP. Hồ Chí Minh", "Q. 1": a full stop after these does not end a sentence. */
const ABBREVIATION = /^(?:\p{Lu}|TP|Tp|TX|Tx|TT|ThS|TS|PGS|GS)$/u;
const STARTS_SENTENCE = /^[\p{Lu}\p{N}]/u;

const gap = (text: string, spans: WordSpan[], i: number) => text.slice(spans[i - 1].end, spans[i].start);

/** Whether a sentence starts at word `i` (not the first word). */
export function startsSentence(text: string, spans: WordSpan[], i: number): boolean {
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
export function snippetEnd(text: string, spans: WordSpan[], last: number, keep: number, slack: number): { word: number; ended: boolean } {
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
export function endOffset(text: string, spans: WordSpan[], i: number): number {
  const next = i + 1 < spans.length ? spans[i + 1].start : text.length;
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(spans[i].end, next))?.[0] ?? '';
  return spans[i].end + tail.length;
}
