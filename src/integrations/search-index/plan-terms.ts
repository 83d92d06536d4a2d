/**
 * One plan's text as the index counts it: the words of each indexed field
 * with the field's weight, and each word's loose key and spelling (text.ts).
 */
import { META_WEIGHTS } from '../../lib/search/index-fields.ts';
import { exactKey, wordKey, words } from '../../lib/search/text.ts';

/** A plan as Pagefind extracted it (its fragment's fields the index reads). */
export interface IndexedPlan {
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The words of one field, as written (NFC). */
export interface FieldWords {
  weight: number;
  words: string[];
}

const WEIGHTS: Record<string, number> = META_WEIGHTS;

/**
 * The plan's indexed fields: its text (weight 1) and each meta field of
 * non-zero weight, in a fixed order so that a plan always gives the same
 * words.
 */
export function planFields(plan: IndexedPlan): FieldWords[] {
  const fields = [{ weight: 1, words: words(plan.content) }];
  for (const name of Object.keys(WEIGHTS)) {
    const text = plan.meta[name];
    if (WEIGHTS[name] > 0 && text) fields.push({ weight: WEIGHTS[name], words: words(text) });
  }
  return fields;
}

/**
 * A word's loose key ("" for a stray mark, which no search can type) and
 * its spelling, "" when that is the key itself: only spellings with
 * diacritics are kept.
 */
export function keysOf(word: string): [key: string, spelling: string] {
  const key = wordKey(word);
  const exact = exactKey(word);
  return [key, exact === key ? '' : exact];
}
