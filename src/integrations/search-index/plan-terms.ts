/**
 * One plan's text as the index counts it: the words of each indexed field,
 * with the field's weight, each word's loose key and, when it differs, its
 * spelling (text.ts).
 */
import { META_WEIGHTS } from '../../lib/search/index-fields.ts';
import { exactKey, wordKey, words } from '../../lib/search/text.ts';

/** A plan as Pagefind extracted it (its fragment's fields the index reads). */
export interface IndexedPlan {
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The words of one field: `keys[i]` is a word's loose key (never ""), `spellings[i]` its exactKey or "" when that is the key itself. */
export interface FieldWords {
  weight: number;
  keys: string[];
  spellings: string[];
}

const WEIGHTS: Record<string, number> = META_WEIGHTS;

/**
 * The plan's indexed fields: its text (weight 1) and each meta field of
 * non-zero weight, in a fixed order so that a plan always gives the same
 * words. A word with no letter left once folded (a stray mark) is dropped.
 */
export function planFields(plan: IndexedPlan): FieldWords[] {
  const known = new Map<string, [key: string, spelling: string]>();
  const field = (text: string, weight: number): FieldWords => {
    const out: FieldWords = { weight, keys: [], spellings: [] };
    for (const word of words(text)) {
      let keyed = known.get(word);
      if (!keyed) {
        const key = wordKey(word);
        const exact = exactKey(word);
        known.set(word, (keyed = [key, exact === key ? '' : exact]));
      }
      if (!keyed[0]) continue;
      out.keys.push(keyed[0]);
      out.spellings.push(keyed[1]);
    }
    return out;
  };
  const fields = [field(plan.content, 1)];
  for (const name of Object.keys(WEIGHTS)) {
    const text = plan.meta[name];
    if (WEIGHTS[name] > 0 && text) fields.push(field(text, WEIGHTS[name]));
  }
  return fields;
}
