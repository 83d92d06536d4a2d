/**
 * The Pagefind searches one query turns into. Stock Pagefind answers one
 * question per call, so the query layer asks several and merges the answers
 * (`rank.ts`). A search costs in proportion to the plans it matches, so only
 * `all:0` asks Pagefind to rank with prefixes; the others ask quoted, exact
 * questions, which are cheap.
 *
 * First round:
 * - `all:0`: every word, folded (đ→d included); Pagefind matches each as a
 *   prefix and ranks. This is the relevance base.
 * - `phrase:0`: the words as an exact phrase (Pagefind's quoted search); for
 *   more words than the index files hold runs of (`PHRASE_WORDS`), each run
 *   of that many words of it instead, `phrase:0:<k>` (`phraseSearches`).
 * - `word:<i>`: each word but the last as a whole word, which keeps "hoa"
 *   from matching "hoạch" anywhere but at the end and finds the words no plan
 *   contains; `whole`: the last word as a whole word, to rank "hoà" above
 *   "hoạch".
 * - `exact:<i>`, `exact:<i>:new`: each word typed with diacritics, as a
 *   whole word with exactly those diacritics (Pagefind's exactDiacritics
 *   mode), in both tone placements (hòa and hoà).
 * - `quoted:<j>`: each phrase the reader put in quotes.
 * - `span:<v>:<k>`: what rewording v put in (the long form of an
 *   abbreviation, an old province name), as a phrase; with `phrase:<v>` when
 *   the rewording keeps other words of the query (as runs, `phrase:<v>:<k>`,
 *   when it is long, as `phrase:0`).
 *
 * Second round, only when the first shows it is needed (`followUpSearches`):
 * - `word:last`: the last word as a prefix, when it is no whole word anywhere
 *   (still being typed, or unknown) or when no plan has every word;
 * - `head`: all words but the last as a phrase (as runs, `head:<k>`, when
 *   long), when no plan has them all as one, which is what a half-typed last
 *   word looks like.
 *
 * For a document number: `own`, `cited` and `rest`, the plans carrying it,
 * the plans citing it, and the other words of the query.
 *
 * Only `all:0`, `word:last` and `rest` need relevance or prefixes
 * (`ranked`). Every other search asks only which plans have some words,
 * whole and in a row (`lookup`). The search page reads both from the index
 * files instead of asking Pagefind (src/lib/search/pagefind-index.ts,
 * relevance.ts): each then costs milliseconds instead of a full Pagefind
 * search. `term` is what Pagefind is asked when that fails.
 */
import { placeTones } from '../text/tone.ts';
import { PHRASE_WORDS } from './count-files.ts';
import { toIndexText } from './index-fields.ts';
import type { ParsedQuery } from './parse.ts';
import { idSet as ids, phraseSet, type Answers } from './rank.ts';
import { wordKeys } from './text.ts';
import { replacementRuns } from './variants.ts';

export interface SearchSpec {
  id: string;
  /** The Pagefind query string. */
  term: string;
  /** Run with Pagefind's `exactDiacritics` option on. */
  exact: boolean;
  /**
   * Set when the search asks only which plans have some words, as whole
   * words one after another (a quoted phrase; one word alone is the common
   * case), and not how well they match: the folded keys, and for one word
   * with `exact`, its spelling as the index stores it. The backend may then
   * answer from the index files without a Pagefind search.
   */
  lookup?: Lookup;
  /**
   * Set when the search ranks: the folded keys, each a whole word but the
   * last, which may also begin a longer word. Pagefind matches every word
   * as a prefix; the query layer keeps only plans having the words but the
   * last whole (`word:<i>`), so the answers rank the same plans.
   */
  ranked?: Ranked;
}

export interface Lookup {
  keys: string[];
  exact?: string;
}

export interface Ranked {
  keys: string[];
}

/** A ranked search for the keys, the last of which may be half typed. */
const rankedSearch = (id: string, keys: string[]): SearchSpec => ({ id, term: keys.join(' '), exact: false, ranked: { keys } });

const quote = (keys: string[]) => `"${keys.join(' ')}"`;

/** A search for whole words one after another (one word alone included), in any spelling that folds to `keys`. */
const quoted = (id: string, keys: string[]): SearchSpec => ({ id, term: quote(keys), exact: false, lookup: { keys } });
const wholeWord = (id: string, key: string) => quoted(id, [key]);

/**
 * Whether plans have `keys` as a phrase, asked only to rank, never to choose
 * plans: the phrase itself, when the index files hold runs that long
 * (count-files.ts); else each run of `PHRASE_WORDS` words of it, `<id>:<k>`,
 * and a plan with every one of them counts as having it (rank.ts,
 * `phraseSet`). An exact answer for a longer phrase means the positions of
 * all its words in every plan: 6.4 MB for a five-word query on 100,000
 * plans, against two small files. A plan with every run but not the phrase
 * would need the runs to overlap only by chance, and would only rank among
 * those that have it. A phrase in quotes, which chooses plans, stays exact.
 */
function phraseSearches(id: string, keys: string[]): SearchSpec[] {
  if (keys.length <= PHRASE_WORDS) return [quoted(id, keys)];
  return keys.slice(0, keys.length - PHRASE_WORDS + 1).map((_, k) => quoted(`${id}:${k}`, keys.slice(k, k + PHRASE_WORDS)));
}

export function textSearches(q: ParsedQuery): SearchSpec[] {
  const specs: SearchSpec[] = [];
  const n = q.words.length;
  if (n === 0) return specs;
  const keys = q.words.map((w) => w.key);
  specs.push(rankedSearch('all:0', keys));
  if (n > 1) specs.push(...phraseSearches('phrase:0', keys));
  for (let i = 0; i < n - 1; i++) specs.push(wholeWord(`word:${i}`, keys[i]));
  specs.push(wholeWord('whole', keys[n - 1]));
  if (q.typedDiacritics) {
    q.words.forEach((w, i) => {
      if (w.exact === w.key) return;
      // The index writes đ as ḏ (index-fields.ts).
      const spelled = (id: string, spelling: string): SearchSpec => {
        const exact = toIndexText(spelling);
        return { id, term: quote([exact]), exact: true, lookup: { keys: [w.key], exact } };
      };
      specs.push(spelled(`exact:${i}`, w.exact));
      const other = placeTones(w.exact, 'new');
      if (other !== w.exact) specs.push(spelled(`exact:${i}:new`, other));
    });
  }
  q.phrases.forEach((indexes, j) => {
    specs.push(quoted(`quoted:${j}`, indexes.map((i) => keys[i])));
  });
  q.variants.forEach((v, vi) => {
    if (vi === 0) return;
    replacementRuns(v.words).forEach((run, k) => specs.push(quoted(`span:${vi}:${k}`, run)));
    const kept = v.words.some((w) => w.from !== undefined);
    if (kept) specs.push(...phraseSearches(`phrase:${vi}`, v.words.map((w) => w.key)));
  });
  return specs;
}

/** The second round: what the first round's answers show is still missing. */
export function followUpSearches(q: ParsedQuery, answers: Answers): SearchSpec[] {
  const n = q.words.length;
  if (n < 2) return [];
  const last = q.words[n - 1].key;
  const wholeKnown = (answers.get('whole')?.size ?? 0) > 0;
  const wordSets = q.words.slice(0, -1).map((_, i) => ids(answers, `word:${i}`));
  const anyHasAll = (answers.get('all:0')?.plans ?? []).some((plan) => wordSets.every((s) => s.has(plan)));
  const specs: SearchSpec[] = [];
  if (!wholeKnown || !anyHasAll) specs.push(rankedSearch('word:last', [last]));
  // No plan has the whole phrase, typically because its last word is half typed.
  const noPhrase = phraseSet(answers, 'phrase:0').size === 0;
  if (noPhrase && n > 2) specs.push(...phraseSearches('head', q.words.slice(0, -1).map((w) => w.key)));
  return specs;
}

export function numberSearches(q: ParsedQuery): SearchSpec[] {
  const n = q.number;
  if (!n) return [];
  const specs: SearchSpec[] = [
    wholeWord('own', n.ownToken),
    wholeWord('cited', n.citedToken),
  ];
  const rest = wordKeys(n.rest);
  if (rest.length) specs.push(rankedSearch('rest', rest));
  return specs;
}
