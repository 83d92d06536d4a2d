/**
 * Words as search compares them.
 *
 * Two keys per word: `wordKey` ignores every diacritic (đ→d included) and is
 * what decides whether a plan matches at all; `exactKey` keeps the diacritics
 * but not their accidents (case, NFD, old or new tone placement) and is what
 * ranks the forms a reader actually typed above the merely similar ones.
 */
import { fold, nfc } from '../text/fold.ts';
import { placeTones } from '../text/tone.ts';

/**
 * A word: letters and digits, with "&" kept inside (KH&CN). Everything else,
 * including the punctuation of document numbers, separates words, as in
 * Pagefind's own tokenizer.
 */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:&[\p{L}\p{M}\p{N}]+)*/gu;

const FOLDED_CHARS = new Map<string, string>();

/**
 * Loose key: lower case, no diacritics, đ→d, no "&". "KH&CN" and "khcn" share
 * it. Folds character by character through a cache: excerpts key every word
 * of a plan's text, and normalising each word twice made that the slowest
 * step of showing results.
 */
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

/** Strict key: lower case NFC with the traditional tone placement, diacritics kept. */
export function exactKey(word: string): string {
  return placeTones(nfc(word).toLowerCase(), 'old').replace(/&/g, '');
}

/** The words of `text`, as written (NFC). */
export function words(text: string): string[] {
  return nfc(text).match(WORD) ?? [];
}

/** The loose keys of the words of `text`. */
export function wordKeys(text: string): string[] {
  return words(text).map(wordKey);
}

/** A word's position in a text, for highlighting. */
export interface WordSpan {
  start: number;
  end: number;
  key: string;
}

/** Every word of `text` with its offsets (in the NFC text that is returned). */
export function wordSpans(text: string): { text: string; spans: WordSpan[] } {
  const normal = nfc(text);
  // Folding the whole text at once is much faster than word by word, and for
  // NFC Vietnamese it keeps every offset: each letter folds to one letter.
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
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
