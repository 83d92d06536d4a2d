/**
 * The search index's files (docs/search-index.md), under the site's base: `chi-muc/chi-muc.json`, the
 * manifest, revalidated on every visit; `chi-muc/<set>/` holds term blocks `tu-<i>.json.gz` (`TermRow[]`,
 * by key), `loc.json.gz` (`FilterFile`) and each plan's Pagefind fragment `vb/<plan>.pf_fragment`.
 * `<set>` is a hash of the set's files, so no browser mixes two builds. `.json.gz` is gzip of JSON (a host
 * may send it decoded). A plan is its place in the date order, newest first (ties by slug); plan lists
 * are ascending, written as gaps (the first from -1) with `numbersText`, `0, n` for n gaps of 1 (`RUN`).
 */

/** The format's version; a manifest of another version is refused. */
export const INDEX_FORMAT = 4;
/** Where the index lives, under the site's base. */
export const INDEX_DIR = 'chi-muc';
export const MANIFEST_FILE = 'chi-muc.json';
export const FILTER_FILE = 'loc.json.gz';
/** Up to this size (gzipped), the filter file loads with the results for the open filters' counts; a larger one when the reader reaches for them (decision 012). */
export const EAGER_FILTER_BYTES = 16_000;
export const blockFile = (i: number) => `tu-${i}.json.gz`;
export const fragmentFile = (plan: number) => `vb/${plan}.pf_fragment`;

export interface Manifest {
  format: typeof INDEX_FORMAT;
  /** The folder of this build's files under chi-muc/. */
  set: string;
  /** Plans in the archive; plan numbers run 0..plans-1. */
  plans: number;
  /** The first key of each term block, ascending; block 0 begins at "". */
  blocks: string[];
  /** The Pagefind bundles (one per shard, newest first), under the base: "pagefind/", "pagefind/2016-2020/". */
  bundles: string[];
  /** The bytes of `loc.json.gz`, which the search page weighs before fetching it for the filter counts alone. */
  filterBytes?: number;
}

/**
 * One term: a word's loose key (`wordKey`); a pair "a+b" of consecutive words in one field; or a prefix
 * "p*": the plans of every longer word beginning with p, each with its best impact among them.
 * `plans` as gaps; for words and prefixes, `impacts`: each plan's BM25 weight (field weights applied)
 * × `IMPACT_SCALE`, rounded, at least 1; for words, `spellings`: for each spelling with diacritics
 * (`exactKey`), the places in `plans` of the plans writing it so, as gaps ("" for all of them).
 * A prefix p that is no word and has one longer word is an alias, `["p*", "=word"]`, in the word's block. A
 * filter value's plans are a row too, `["#name=value", plans]` (`filterKey`): a filtered query reads them with its words.
 */
export type TermRow = [key: string, plans: string, impacts?: string, spellings?: Record<string, string>];

/** Each filter (index-fields.ts, FILTERS) by name: each of its values, with its plans as gaps; read for the filter counts. */
export type FilterFile = Record<string, Record<string, string>>;

/** From this many plans in a row (gaps of 1), a list writes `0, n` in their place: a word in most plans takes a few characters. */
export const RUN = 3;
export const IMPACT_SCALE = 8;
/** BM25 as Pagefind ranks by default. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;
/** The separator of the two keys of a pair: after PREFIX and before every digit and letter, so a word's prefix row sorts right after it, before its pairs. */
export const PAIR = '+';

export const pairKey = (a: string, b: string) => `${a}${PAIR}${b}`;
/** Ends a prefix's key, which sorts right after the word, before its pairs and every longer word. */
export const PREFIX = '*';
export const prefixKey = (start: string) => `${start}${PREFIX}`;
/** Starts a filter value's key, which sorts before every word's. */
export const FILTER_KEY = '#';
export const filterKey = (name: string, value: string) => `${FILTER_KEY}${name}=${value}`;
/** Starts an alias's second field; an alias has two fields, a prefix's own row always has impacts. */
export const ALIAS = '=';
export const isAlias = (row: TermRow) => row.length === 2 && row[0].endsWith(PREFIX) && !row[0].startsWith(FILTER_KEY);
