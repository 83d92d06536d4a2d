/** What each plan page gives Pagefind besides its visible text (meta fields, filters), shared by page, build and search page. */
import { docNumberKey } from '../docnumber.ts';

/** Pagefind filter names: the URL parameters of docs/interfaces.md §2. */
export const FILTERS = ['tinh', 'nam', 'loai', 'cap', 'linh-vuc', 'chi-so'] as const;
export type FilterName = (typeof FILTERS)[number];

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

/** A word in a meta field counts the field's weight in the index's impacts (body text weighs 1; 0: not indexed). */
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

/** The language of the pages, which the primary index must match; search-index/shards.ts derives the others' from it. */
export const INDEX_LANGUAGE = 'vi';
/** How a Pagefind fragment (a plan's stored text, meta and URL) begins once decompressed, in its 1.x format. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const isObject = (v: unknown): v is Record<string, never> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The plan in a fragment's decompressed text, for the build and the page alike; undefined when it is none.
 * Pagefind deletes U+200B inside the words it indexes (it writes one only between words, in languages it
 * segments), so the text drops it too: "ab\u200Bcd" is one word, "abcd", on both sides.
 */
export function parseFragment(text: string): Fragment | undefined {
  if (!text.startsWith(PAGEFIND_SIGNATURE)) return undefined;
  let f: Partial<Record<keyof Fragment, unknown>>;
  try {
    f = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as typeof f;
  } catch {
    return undefined;
  }
  if (typeof f.url !== 'string' || typeof f.content !== 'string' || !isObject(f.meta) || !isObject(f.filters)) return undefined;
  return { url: f.url, content: f.content.replace(/\u200B/g, ''), meta: f.meta, filters: f.filters };
}
/** Pagefind sort key: the issue date, or 1 January of the first year covered. */
export const SORT_BY_DATE = 'ngay';

/** Vietnamese writes no "z": no ordinary word matches a number token, and they sort last, in term blocks of their own. */
const NUMBER_PREFIX = { own: 'zsohieu', cited: 'zcancu' } as const;

/** One searchable word for a document number, however spelled: "4003/QĐ-UBND", "4003 qd ubnd" give "zsohieu4003qdubnd". */
export function numberToken(kind: 'own' | 'cited', number: string): string {
  const compact = docNumberKey(number).replace(/[^a-z0-9]/g, '');
  return compact ? NUMBER_PREFIX[kind] + compact : '';
}
