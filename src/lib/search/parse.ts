/** What the reader typed as what to look for: words with their keys, quoted phrases, a document number, rewordings, notices. */
import { hasDiacritics, nfc } from '../text/fold.ts';
import { findNumber, type NumberQuery } from './number-query.ts';
import { exactKey, wordKey, words as splitWords } from './text.ts';
import { queryVariants, type Variant } from './variants.ts';

/** Longer queries are cut: nobody types more. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 20;

export interface QueryWord {
  /** As typed, in NFC. */
  text: string;
  key: string;
  exact: string;
  /** Index into `phrases` when the word is inside quotes. */
  phrase?: number;
}

export type Notice =
  | { kind: 'unclosed-quote' }
  | { kind: 'too-long'; max: number }
  | { kind: 'too-many-words'; max: number }
  | { kind: 'no-words' };

export interface ParsedQuery {
  /** The query after cleaning, as it goes back into the search box and the URL. */
  text: string;
  words: QueryWord[];
  /** Word indexes of each quoted phrase. */
  phrases: number[][];
  number?: NumberQuery;
  /** True when the reader typed any diacritic: then exact forms rank first. */
  typedDiacritics: boolean;
  variants: Variant[];
  notices: Notice[];
}

/** NFC, typographic quotes made plain, no control or zero-width characters, single spaces. */
export function cleanQuery(raw: string): string {
  return nfc(raw)
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, ' ')
    .replace(/[“”„‟″＂]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseQuery(raw: string): ParsedQuery {
  const notices: Notice[] = [];
  let text = cleanQuery(raw);
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH).replace(/\s\S*$/, '');
    notices.push({ kind: 'too-long', max: MAX_QUERY_LENGTH });
  }
  // Quotes pair from the left; a last one without a partner is ignored.
  const quoteCount = (text.match(/"/g) ?? []).length;
  if (quoteCount % 2 === 1) notices.push({ kind: 'unclosed-quote' });
  const segments = text.split('"');
  if (quoteCount % 2 === 1) segments.push(segments.splice(-2).join(' '));

  const words: QueryWord[] = [];
  const phrases: number[][] = [];
  segments.forEach((segment, i) => {
    const inQuotes = i % 2 === 1;
    const ws = splitWords(segment);
    const indexes: number[] = [];
    // A word of marks alone (a stray tone) has no key: nothing could match it.
    for (const w of ws.filter((w) => wordKey(w))) {
      if (words.length >= MAX_WORDS) break;
      indexes.push(words.length);
      words.push({ text: w, key: wordKey(w), exact: exactKey(w), phrase: inQuotes ? phrases.length : undefined });
    }
    if (inQuotes && indexes.length) phrases.push(indexes);
  });
  if (splitWords(text).filter((w) => wordKey(w)).length > MAX_WORDS) notices.push({ kind: 'too-many-words', max: MAX_WORDS });
  if (text && words.length === 0) notices.push({ kind: 'no-words' });

  const variants = queryVariants(words.map((w, i) => ({ text: w.text, key: w.key, from: i })), (i) => words[i].phrase !== undefined);
  return {
    text,
    words,
    phrases,
    number: words.length ? findNumber(text) : undefined,
    typedDiacritics: words.some((w) => hasDiacritics(w.text)),
    variants,
    notices,
  };
}
