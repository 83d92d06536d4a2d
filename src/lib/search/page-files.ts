/**
 * Page files: what every query needs of an index bundle's metadata, without
 * the page ids.
 *
 * Pagefind's `.pf_meta` holds, for each page, its id, its word count and its
 * place in each sort order, and the search page needs the word counts (the
 * page lengths of BM25) and the date order before it can rank anything. It
 * grows with the archive: about 1 MB over the 16 shards of 100,000 plans,
 * most of a first query's bytes there. Almost half of it is the ids, seven
 * random hex digits per page that do not compress, and a query needs them
 * only to load the text of the plans it shows or, when the reader asks for
 * filter counts, for its results. So beside the count files
 * (count-files.ts) the build writes, under `kho-dem/<index hash>/`:
 *
 * - `trang.json`: the page count, each page's word count, each sort order
 *   (as steps), the filters' file hashes and the indexed meta fields, all
 *   read from the `.pf_meta` with the search page's own reader
 *   (pagefind-index.ts);
 * - `ma<i>.json`: the ids of pages `i * block` to `(i + 1) * block - 1`,
 *   for the filter counts of a result list;
 * - `trang/<page>.pf_fragment`: each page's stored text, Pagefind's own
 *   fragment file linked under the page's number, so that showing a result
 *   needs no id: the id files would be one more round trip before every
 *   result's text, and a request per result on top.
 *
 * The page reads these instead of `.pf_meta` and the fragments by id, and
 * those when they are missing or unreadable, or when it needs every id at
 * once. The folder carries the index's hash, as the count files' does: page
 * numbers mean something only with the index they were read from.
 */
import { COUNT_DIR } from './count-files.ts';
import { numbersText, textNumbers } from './number-text.ts';
import type { IndexMeta } from './pagefind-index.ts';

const FORMAT = 3;
/**
 * Ids per id file. The ids of a few plans (the facet counts of a short
 * result list, or results when their page fragments are missing) are a few
 * files; smaller files cost more requests for the same plans, larger ones
 * more bytes (about 5 bytes per id, gzipped).
 */
export const ID_BLOCK = 128;

export const pageFile = (indexHash: string) => `${COUNT_DIR}/${indexHash}/trang.json`;
export const idFile = (indexHash: string, block: number) => `${COUNT_DIR}/${indexHash}/ma${block}.json`;
export const pageFragmentDir = (indexHash: string) => `${COUNT_DIR}/${indexHash}/trang`;
export const pageFragment = (indexHash: string, page: number) => `${pageFragmentDir(indexHash)}/${page}.pf_fragment`;

/** What a query needs of a bundle's metadata (`IndexMeta`) but its page ids. */
export interface PageInfo {
  pageCount: number;
  /** Words in each page, by page number. */
  wordCounts: Uint32Array;
  /** Per sort key, the pages having it in ascending order of the key (`IndexMeta.sorts`). */
  sorts: Map<string, Uint32Array>;
  /** The file hash of each filter, by filter name. */
  filters: Map<string, string>;
  /** The indexed meta fields, in the order positions in meta fields number them. */
  fields: string[];
  /** Ids per id file; undefined when the ids come with the metadata. */
  idBlock?: number;
}

/** The same, from the whole metadata. */
export function pageInfo(meta: IndexMeta): PageInfo {
  const { wordCounts, sorts, filters, fields } = meta;
  return { pageCount: meta.pages.length, wordCounts, sorts, filters, fields };
}

export interface PageFilesOut {
  /** `trang.json`. */
  info: string;
  /** `ma<i>.json`, by i. */
  ids: string[];
}

export function buildPageFiles(meta: IndexMeta): PageFilesOut {
  const info = {
    format: FORMAT,
    pages: meta.pages.length,
    block: ID_BLOCK,
    // As text (number-text.ts): two characters for most pages instead of four digits and a comma.
    words: numbersText(meta.wordCounts),
    // Each page as its distance from the one before: Pagefind numbers pages by URL, and a plan's
    // URL begins with its year, so the date order is mostly runs of 1, which gzip all but removes.
    sorts: Object.fromEntries([...meta.sorts].map(([key, pages]) => [key, Array.from(pages, (p, i) => p - (i === 0 ? 0 : pages[i - 1]))])),
    filters: Object.fromEntries(meta.filters),
    fields: meta.fields,
  };
  const ids: string[] = [];
  for (let at = 0; at < meta.pages.length; at += ID_BLOCK) ids.push(JSON.stringify(meta.pages.slice(at, at + ID_BLOCK)));
  return { info: JSON.stringify(info), ids };
}

/** A file the page cannot read: it then reads `.pf_meta`. */
export class PageFileError extends Error {}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Whole numbers below `below`, each written as its distance (up or down) from the one before. */
function fromSteps(raw: unknown, below: number, what: string): Uint32Array {
  if (!Array.isArray(raw)) throw new PageFileError(`${what}: not a list`);
  const out = new Uint32Array(raw.length);
  let at = 0;
  raw.forEach((step: unknown, i) => {
    if (!Number.isInteger(step)) throw new PageFileError(`${what}: not whole numbers`);
    at += step as number;
    if (at < 0 || at >= below) throw new PageFileError(`${what}: not whole numbers below ${below}`);
    out[i] = at;
  });
  return out;
}

function strings(raw: unknown, what: string): Map<string, string> {
  if (!isObject(raw) || !Object.values(raw).every((v) => typeof v === 'string')) throw new PageFileError(`${what}: not names to strings`);
  return new Map(Object.entries(raw as Record<string, string>));
}

export function readPageFile(text: string): PageInfo {
  const raw: unknown = JSON.parse(text);
  if (!isObject(raw) || raw.format !== FORMAT) throw new PageFileError('page file of an unknown format');
  const { pages, block, words, sorts, filters, fields } = raw;
  if (!Number.isInteger(pages) || (pages as number) < 0) throw new PageFileError('page file without a page count');
  if (!Number.isInteger(block) || (block as number) < 1) throw new PageFileError('page file without an id block size');
  const pageCount = pages as number;
  if (typeof words !== 'string') throw new PageFileError('page file without word counts');
  let counts: Float64Array;
  try {
    counts = textNumbers(words);
  } catch (error) {
    throw new PageFileError(`word counts: ${(error as Error).message}`);
  }
  if (counts.some((c) => c >= 2 ** 32)) throw new PageFileError('word counts: not whole numbers below 2^32');
  const wordCounts = Uint32Array.from(counts);
  if (wordCounts.length !== pageCount) throw new PageFileError(`${wordCounts.length} word counts for ${pageCount} pages`);
  if (!isObject(sorts)) throw new PageFileError('page file without sort orders');
  const orders = new Map(Object.entries(sorts).map(([key, order]) => [key, fromSteps(order, pageCount, `sort ${key}`)]));
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) throw new PageFileError('page file without meta fields');
  return { pageCount, wordCounts, sorts: orders, filters: strings(filters, 'filters'), fields: fields as string[], idBlock: block as number };
}

/** The ids of id file `block` of a bundle of `info.pageCount` pages. */
export function readIdFile(text: string, block: number, info: PageInfo): string[] {
  const size = info.idBlock ?? ID_BLOCK;
  const expected = Math.min(size, info.pageCount - block * size);
  const ids: unknown = JSON.parse(text);
  if (!Array.isArray(ids) || ids.length !== expected || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
    throw new PageFileError(`id file ${block}: not ${expected} ids`);
  }
  return ids as string[];
}
