/**
 * The search index's files: what each holds and how it is read. The build
 * writes them (src/integrations/search-index/), the search page reads them
 * (index-reader.ts), and docs/search-index.md describes them for people.
 *
 * Layout, under the site's base:
 *
 * - `chi-muc/chi-muc.json`: the manifest (`Manifest`), plain JSON, small,
 *   read first and revalidated on every visit (its name never changes).
 * - `chi-muc/<set>/tu-<i>.json.gz`: term block i (`TermRow[]`), sorted by key.
 * - `chi-muc/<set>/loc.json.gz`: the plans of each filter value (`FilterFile`).
 * - `chi-muc/<set>/vb/<plan>.pf_fragment`: the plan's text, meta and URL, as
 *   Pagefind stored it (its fragment), by plan number.
 *
 * `<set>` is a hash of every file of the set, so a browser never reads one
 * build's blocks with another's manifest. The `.json.gz` files are gzip of
 * JSON: small on any host, whether or not it compresses; a host that sends
 * them decompressed (with `Content-Encoding: gzip`) works too.
 *
 * A plan is a number: its place in the archive's date order, newest first
 * (ties by slug). Lists of plans are ascending, written as the gaps between
 * them (the first from -1, so every gap is at least 1) in `numbersText`.
 */

/** The format's version; a manifest of another version is refused. */
export const INDEX_FORMAT = 1;

/** Where the index lives, under the site's base. */
export const INDEX_DIR = 'chi-muc';
export const MANIFEST_FILE = 'chi-muc.json';
export const FILTER_FILE = 'loc.json.gz';
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
}

/**
 * One term of a block. `key` is a word's loose key (text.ts, `wordKey`), or
 * two keys joined by one space for two words that follow each other in one
 * field of a plan (a pair, which phrases are matched with).
 *
 * - `plans`: the plans having it, as gaps (`numbersText`).
 * - `impacts` (words only): for each of those plans, its BM25 weight for the
 *   word, field weights applied, times `IMPACT_SCALE`, rounded, at least 1.
 * - `spellings` (words only): for each spelling with diacritics (text.ts,
 *   `exactKey`), the places in `plans` of the plans writing it so, as gaps;
 *   "" when it is every one of them.
 */
export type TermRow = [key: string, plans: string, impacts?: string, spellings?: Record<string, string>];

/** Each filter (index-fields.ts, FILTERS) by name: each of its values, with its plans as gaps. */
export type FilterFile = Record<string, Record<string, string>>;

/** What an impact is multiplied by before it is rounded. */
export const IMPACT_SCALE = 8;

/** BM25 as Pagefind ranks by default. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** The separator of the two keys of a pair. */
export const PAIR = ' ';
export const pairKey = (a: string, b: string) => `${a}${PAIR}${b}`;
