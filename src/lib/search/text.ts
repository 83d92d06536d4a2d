/**
 * Words as search compares them: `wordKey` ignores every diacritic (đ→d) and decides whether a plan
 * matches; `exactKey` keeps diacritics but not case, NFD or tone placement, and ranks the forms typed first.
 */
import { fold, nfc } from '../text/fold.ts';
import { placeTones } from '../text/tone.ts';

/** A word: letters and digits, with "&" kept inside (KH&CN); anything else separates words, as in Pagefind's tokenizer. */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:&[\p{L}\p{M}\p{N}]+)*/gu;

const FOLDED_CHARS = new Map<string, string>();
/** Loose key: lower case, no diacritics, đ→d, no "&" ("KH&CN" → "khcn"); folded per character through a cache, for speed. */
export function wordKey(word: string): string {
  let key = '';
  for (const c of word) {
    let folded = FOLDED_CHARS.get(c);
    if (folded === undefined) {
      folded = c === '&' ? '' : fold(c);
      FOLDED_CHARS.set(c, folded);
    }
    key += folded;
  }
  return key;
}

/** Strict key: lower case NFC with the traditional tone placement, diacritics kept; the eth old texts type for đ is đ. */
export function exactKey(word: string): string {
  return placeTones(nfc(word).toLowerCase(), 'old').replace(/&/g, '').replace(/ð/g, 'đ');
}

/** The words of `text`, as written (NFC). */
export const words = (text: string): string[] => nfc(text).match(WORD) ?? [];
export const wordKeys = (text: string): string[] => words(text).map(wordKey);

export interface WordSpan {
  start: number;
  end: number;
  key: string;
}

/** Every word of `text` with its offsets (in the NFC text that is returned). */
export function wordSpans(text: string): { text: string; spans: WordSpan[] } {
  const normal = nfc(text);
  // Folding the whole text at once is faster, and for NFC Vietnamese keeps every offset.
  const folded = fold(normal);
  const aligned = folded.length === normal.length;
  const spans: WordSpan[] = [];
  for (const m of normal.matchAll(WORD)) {
    const end = m.index + m[0].length;
    const key = aligned ? folded.slice(m.index, end).replace(/&/g, '') : wordKey(m[0]);
    spans.push({ start: m.index, end, key });
  }
  return { text: normal, spans };
}

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
