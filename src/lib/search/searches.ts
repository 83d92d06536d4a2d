/**
 * The Pagefind searches one query turns into. Stock Pagefind answers one
 * question per call, so the query layer asks several and merges the answers
 * (`rank.ts`):
 *
 * - `all:<v>`: every word of variant v, folded (đ→d included). Pagefind
 *   matches each word as a prefix and ranks; this is the relevance base.
 * - `span:<v>:<k>`: each multi-word replacement in variant v as a phrase, so
 *   that "PAR Index" finds "chỉ số cải cách hành chính" together, not its
 *   syllables scattered over the page.
 * - `phrase:<v>`: the words of variant v as an exact phrase (Pagefind's
 *   quoted search); `head`: all words but the last, which may still be
 *   half-typed, as a phrase.
 * - `exact:old`, `exact:new`: the words exactly as typed, with Pagefind's
 *   exact-diacritics mode, in both tone placements (hòa and hoà).
 * - `word:<i>`: each word alone, whole word except the last, which is still
 *   being typed and matches as a prefix. They keep "hoa" from matching "hoạch"
 *   anywhere but at the end, name the words no plan contains, and rank plans
 *   by how many words they have when no plan has all of them.
 * - `whole`: the last word as a whole word, to rank "hoà" above "hoạch".
 * - `quoted:<j>`: each phrase the reader put in quotes.
 * - `own`, `cited`, `rest`: for a document number, the plans carrying it, the
 *   plans citing it, and the other words of the query.
 */
import { placeTones } from '../text/tone.ts';
import type { ParsedQuery } from './parse.ts';
import { wordKeys } from './text.ts';
import { replacementRuns } from './variants.ts';

export interface SearchSpec {
  id: string;
  /** The Pagefind query string. */
  term: string;
  /** Run with Pagefind's `exactDiacritics` option on. */
  exact: boolean;
}

const quote = (keys: string[]) => `"${keys.join(' ')}"`;

export function textSearches(q: ParsedQuery): SearchSpec[] {
  const specs: SearchSpec[] = [];
  if (q.words.length === 0) return specs;
  q.variants.forEach((v, i) => {
    const keys = v.words.map((w) => w.key);
    specs.push({ id: `all:${i}`, term: keys.join(' '), exact: false });
    replacementRuns(v.words).forEach((run, k) => {
      if (run.length > 1) specs.push({ id: `span:${i}:${k}`, term: quote(run), exact: false });
    });
    if (keys.length > 1) specs.push({ id: `phrase:${i}`, term: quote(keys), exact: false });
  });
  const n = q.words.length;
  if (n > 2) specs.push({ id: 'head', term: quote(q.words.slice(0, -1).map((w) => w.key)), exact: false });
  if (q.typedDiacritics) {
    const typed = q.words.map((w) => w.exact).join(' ');
    specs.push({ id: 'exact:old', term: typed, exact: true });
    const otherPlacement = placeTones(typed, 'new');
    if (otherPlacement !== typed) specs.push({ id: 'exact:new', term: otherPlacement, exact: true });
  }
  if (n > 1) {
    q.words.forEach((w, i) => {
      const last = i === n - 1;
      specs.push({ id: `word:${i}`, term: last ? w.key : quote([w.key]), exact: false });
    });
  }
  if (n > 0) specs.push({ id: 'whole', term: quote([q.words[n - 1].key]), exact: false });
  q.phrases.forEach((indexes, j) => {
    specs.push({ id: `quoted:${j}`, term: quote(indexes.map((i) => q.words[i].key)), exact: false });
  });
  return specs;
}

export function numberSearches(q: ParsedQuery): SearchSpec[] {
  const n = q.number;
  if (!n) return [];
  const specs: SearchSpec[] = [
    { id: 'own', term: quote([n.ownToken]), exact: false },
    { id: 'cited', term: quote([n.citedToken]), exact: false },
  ];
  const rest = wordKeys(n.rest);
  if (rest.length) specs.push({ id: 'rest', term: rest.join(' '), exact: false });
  return specs;
}
