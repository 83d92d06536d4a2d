/**
 * What each plan page gives Pagefind besides its visible text, shared by the
 * page that writes it and the browser code that reads it back, so the two
 * cannot drift apart.
 */
import { docNumberKey } from '../docnumber.ts';

/** Pagefind filter names: the URL parameters of docs/interfaces.md §2. */
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
  /** Words the page does not show in its text: the plan's tags, the indices' full names. */
  keywords: 'tukhoa',
} as const;

/**
 * Title, number, issuer and summary outweigh the body: a word found in a meta
 * field counts that field's weight, in the page's own ranking (countTerms)
 * as in Pagefind's. The search-only fields count like body text, and the
 * date not at all. The build writes the count files (count-files.ts) with
 * the same weights.
 */
export const META_WEIGHTS = {
  [META.title]: 5,
  [META.number]: 5,
  [META.issuer]: 3,
  [META.summary]: 2,
  [META.province]: 2,
  [META.date]: 0,
  [SEARCH_META.ownNumber]: 1,
  [SEARCH_META.citedNumbers]: 1,
  [SEARCH_META.keywords]: 1,
};

/** The language of the pages, which the primary index must match; shards.ts derives the others' from it. */
export const INDEX_LANGUAGE = 'vi';

/**
 * The language a Pagefind page id begins with ("vi-x-m3" of
 * "vi-x-m3_1cd8a44"), which names the shard that stores the page.
 */
export function pageIdLanguage(id: string): string | undefined {
  const at = id.lastIndexOf('_');
  return at > 0 ? id.slice(0, at) : undefined;
}

/** How each of Pagefind's files (pages, index chunks, metadata) begins once decompressed, in its 1.x format. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

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

/**
 * How Pagefind is given đ: as ḏ (U+1E0F, d with line below), a letter
 * Vietnamese never writes, whose Unicode decomposition is d plus a mark.
 * Pagefind drops marks for ordinary searches, so "doi ngu" finds "đội ngũ",
 * phrases and prefixes included, as "hoa" finds "hòa"; đ itself it would keep
 * apart from d. With exactDiacritics the letter stays ḏ, so "đầu" and "dầu"
 * remain two words. (A combining stroke after d, tried first, folded as
 * well, but Pagefind also stored each such word a second time without the
 * mark, as "dầu", and an exact search for "dầu" found "đầu".) The build
 * applies this to each plan page as it hands it to Pagefind, never to the
 * page readers get, and the search page undoes it on everything Pagefind
 * returns; the content checks reject ḏ and Ḏ in entries
 * (tools/checks/reserved-letters.ts), so undoing it is lossless. Before, the build indexed a folded copy of every clause with đ:
 * nearly every sentence has one, so the copy was nearly a second body.
 */
// ð and Ð, which old texts type for đ and Đ, are indexed as them too, as fold() reads them.
const INDEX_LETTERS: Record<string, string> = { đ: '\u1E0F', Đ: '\u1E0E', ð: '\u1E0F', Ð: '\u1E0E' };
const SHOWN_LETTERS: Record<string, string> = { '\u1E0F': 'đ', '\u1E0E': 'Đ' };

/** Text as Pagefind indexes it: đ and Đ written ḏ and Ḏ. */
export function toIndexText(text: string): string {
  return text.replace(/[đĐðÐ]/g, (c) => INDEX_LETTERS[c]);
}

/** Text as Pagefind returns it, back to đ and Đ. */
export function fromIndexText(text: string): string {
  return text.replace(/[\u1E0E\u1E0F]/g, (c) => SHOWN_LETTERS[c]);
}
