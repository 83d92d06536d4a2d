/**
 * What each plan page gives Pagefind besides its visible text, shared by the
 * page that writes it and the browser code that reads it back, so the two
 * cannot drift apart.
 */
import { docNumberKey } from '../docnumber.ts';
import { nfc } from '../text/fold.ts';
import { wordKey, words } from './text.ts';

/** Pagefind filter names: the URL parameters of CONTRACT.md §2. */
export const FILTERS = ['tinh', 'nam', 'loai', 'cap', 'linh-vuc', 'chi-so'] as const;
export type FilterName = (typeof FILTERS)[number];

/** A filter the search page gives each shard's pages (mergeFilter), never shown: see pagefind-backend.ts. */
export const SHARD_FILTER = 'kho-manh';

/** Pagefind meta fields shown in the result list. */
export const META = {
  title: 'title',
  number: 'so',
  issuer: 'coquan',
  date: 'ngay',
  province: 'tinh',
  summary: 'tomtat',
} as const;

/** Meta fields that exist only to be searched. */
export const SEARCH_META = {
  /** One token per number the plan carries, e.g. "zsohieu4003qdubnd". */
  ownNumber: 'sohieu',
  /** One token per number the plan cites. */
  citedNumbers: 'cancu',
  /** The clauses with đ of the title, number, issuer and summary, folded, so that "doi ngu" finds "đội ngũ". */
  foldedMain: 'khongdauchinh',
  /** The same for the rest of the page. */
  folded: 'khongdau',
} as const;

/** How Pagefind's stored pages (fragments) begin once decompressed, in its 1.x format. */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The facet table (facets.ts), written by the build into pagefind/. */
export const FACET_FILE = 'kho-facets.json';

/** Pagefind sort key: the issue date, or 1 January of the first year covered. */
export const SORT_BY_DATE = 'ngay';

/**
 * What number tokens begin with. Vietnamese writes no "z", so no ordinary word
 * matches them, and they sort after every ordinary word: Pagefind splits its
 * word list into chunks in sorted order, and a token next to a common word
 * ("so" for số, "can" for cán) shared that word's chunk, which holds the
 * word's positions in every plan. A number query loaded those chunks, about
 * 240 KB at 10,000 plans, to read one token.
 */
const NUMBER_PREFIX = { own: 'zsohieu', cited: 'zcancu' } as const;

/**
 * One searchable word for a document number, whatever its spelling:
 * "4003/QĐ-UBND", "4003 qd ubnd" and "số 4003/QĐ-UBND" all give
 * "zsohieu4003qdubnd". "&" goes because Pagefind drops it from queries.
 */
export function numberToken(kind: 'own' | 'cited', number: string): string {
  const compact = docNumberKey(number).replace(/[^a-z0-9]/g, '');
  return compact ? NUMBER_PREFIX[kind] + compact : '';
}

/** Clause boundaries: a phrase rarely runs across them. */
const CLAUSE = /[.;:!?()[\]{}\n\r\u2013\u2014"“”]+/u;

/**
 * Pagefind folds tone and vowel marks but keeps đ distinct from d, so "doi ngu
 * can bo" would miss "đội ngũ cán bộ". This returns every clause of `texts`
 * that contains đ or Đ, as folded words, once each: indexed beside the page,
 * they let folded queries match, phrases included, while clauses without đ,
 * which Pagefind already folds, are not stored twice.
 */
export function foldedClauses(texts: Iterable<string>): string {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const clause of nfc(text).split(CLAUSE)) {
      if (!/[đĐ]/.test(clause)) continue;
      const folded = words(clause).map(wordKey).join(' ');
      if (folded) seen.add(folded);
    }
  }
  return [...seen].join(' . ');
}

/**
 * Plain text of an MDX body, near enough for search: markup, links' targets,
 * components and imports removed, the words kept.
 */
export function mdxText(body: string): string {
  return body
    .replace(/^(?:import|export)\s.*$/gm, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|>]+/g, ' ')
    .replace(/&nbsp;/g, ' ');
}
