/**
 * Which plans hold a whole word, or words as a phrase, how often, all plans
 * in date order and the plans of a filter value, read from the Pagefind
 * bundle's own index files (src/lib/search/pagefind-index.ts says why and
 * how). Words, counts and short phrases come first from the count and
 * phrase files the build writes beside the bundle, which hold no positions
 * (src/lib/search/count-files.ts); the chunks answer the rest. One reader
 * per bundle; a sharded index has one bundle per shard.
 *
 * What a query needs of the bundle's metadata (word counts, date order,
 * filters) comes from the page file the build writes beside the count
 * files, a shown plan's text from its page fragment, and page ids only for
 * filter counts (page-files.ts); Pagefind's `.pf_meta` is read when those
 * are missing, or every id is needed at once.
 *
 * The files are fetched with `force-cache`: when Pagefind itself runs (it is
 * the fallback), it has usually just downloaded the same chunk, and this
 * takes the browser's copy, stale or not, instead of asking the server again.
 */
import {
  IndexFormatError,
  countTerms,
  lookUpPages,
  readChunk,
  readFilter,
  readMeta,
  type IndexMeta,
} from '../../lib/search/pagefind-index.ts';
import { countTermsCounted, lookUpCounted, type CountReader } from '../../lib/search/count-files.ts';
import { PageFileError, idFile, pageFile, pageFragment, pageInfo, readIdFile, readPageFile, type PageInfo } from '../../lib/search/page-files.ts';
import type { IndexCounts } from '../../lib/search/relevance.ts';
import type { Lookup } from '../../lib/search/searches.ts';
import { sharedLoad, sharedLoads } from '../../lib/shared-load.ts';
import { pagefindBytes } from './fragments.ts';

/**
 * More id files than this for one question, and `.pf_meta` is read instead:
 * one request in place of many, for the ids of a whole result list (facet
 * counts), where shown results need a few.
 */
const MAX_ID_FILES = 16;

/** A file the build wrote; a missing one rejects with `Failure`, which sends the reader to Pagefind's own files. */
export async function writtenText(url: string, Failure: new (message: string) => Error): Promise<string> {
  const response = await fetch(url, { cache: 'force-cache' });
  if (!response.ok) throw new Failure(`${response.status} for ${url}`);
  return response.text();
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { cache: 'force-cache' });
  if (!response.ok) throw new Error(`${response.status} for ${url}`);
  try {
    return await pagefindBytes(response);
  } catch (error) {
    // Neither Pagefind's gzip nor its plain layout: not a file this can read.
    throw new IndexFormatError(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A bundle's reader of the count files, and the field weights its counts were taken with. */
export interface CountSource {
  reader: CountReader;
  weights: number[];
}

/** What the build writes for every bundle together, as one bundle (of `pageCount` pages) reads it. */
export interface SharedFiles {
  /** The bundle's part of the count files (count-files.ts); undefined when they are missing or unreadable. */
  counts(pageCount: number): Promise<CountSource | undefined>;
  /** The bundle's pages of a rewording phrase (phrase-files.ts); undefined when the build wrote none, or it is unreadable. */
  rewording(keys: readonly string[], pageCount: number): Promise<ArrayLike<number> | undefined>;
}

/**
 * A reader for the bundle at `bundle` (".../pagefind/" or a shard's folder),
 * whose index is in `language`. Rejects on anything it cannot read. What
 * the build writes for every bundle together comes through `shared`.
 */
export function wordIndex(bundle: string, language: string, shared: SharedFiles) {
  // A file this cannot read stays unreadable; a failed download is tried again.
  let unreadable: IndexFormatError | undefined;
  // The entry file names the index; the metadata and the count files' manifest are then read side by side.
  const indexHash = sharedLoad(async (): Promise<string> => {
    if (unreadable) throw unreadable;
    const response = await fetch(`${bundle}pagefind-entry.json`, { cache: 'force-cache' });
    if (!response.ok) throw new Error(`${response.status} for ${bundle}pagefind-entry.json`);
    const entry = (await response.json()) as { languages?: Record<string, { hash?: string }> };
    const hash = entry.languages?.[language]?.hash;
    if (!hash) throw (unreadable = new IndexFormatError(`no ${language} index in ${bundle}`));
    return hash;
  });
  /** Pagefind's own metadata: ids and chunks, when the build's files cannot answer. */
  const meta = sharedLoad(async (): Promise<IndexMeta> => {
    const hash = await indexHash();
    if (unreadable) throw unreadable;
    try {
      return readMeta(await fetchBytes(`${bundle}pagefind.${hash}.pf_meta`));
    } catch (error) {
      if (error instanceof IndexFormatError) unreadable = error;
      throw error;
    }
  });
  const pageText = (file: string) => writtenText(`${bundle}${file}`, PageFileError);
  /** The page file (page-files.ts), or the same from `.pf_meta` when it is missing or unreadable. */
  const info = sharedLoad(async (): Promise<PageInfo> => {
    const hash = await indexHash();
    try {
      return readPageFile(await pageText(pageFile(hash)));
    } catch (error) {
      if (!(error instanceof PageFileError || error instanceof SyntaxError)) throw error;
      return pageInfo(await meta());
    }
  });
  /** One id file's ids, or the same from `.pf_meta`. */
  const idBlock = sharedLoads(async (block: number): Promise<readonly string[]> => {
    const [hash, i] = await Promise.all([indexHash(), info()]);
    const size = i.idBlock;
    if (size !== undefined) {
      try {
        return readIdFile(await pageText(idFile(hash, block)), block, i);
      } catch (error) {
        if (!(error instanceof PageFileError || error instanceof SyntaxError)) throw error;
      }
    }
    const { pages } = await meta();
    return size === undefined ? pages : pages.slice(block * size, (block + 1) * size);
  });
  // Each file is loaded once, and asked again after a failure rather than the failure remembered.
  const chunk = sharedLoads((hash: string) =>
    Promise.all([info(), fetchBytes(`${bundle}index/${hash}.pf_index`)]).then(([i, bytes]) => readChunk(bytes, i.pageCount)),
  );
  /**
   * The bundle's part of the count files (count-files.ts), or undefined, and
   * the chunks read instead, when the build wrote none or they are
   * unreadable. A failed download is not remembered: the next query asks again.
   */
  const counted = sharedLoad(async () => shared.counts((await info()).pageCount));
  /** `read` over the count files; undefined when they cannot answer, or fail. */
  const fromCounts = async <T>(read: (files: CountSource) => Promise<T | undefined>): Promise<T | undefined> => {
    const files = await counted().catch(() => undefined);
    return files && read(files).catch(() => undefined);
  };
  const filter = sharedLoads(async (name: string): Promise<Map<string, Uint32Array>> => {
    const i = await info();
    const hash = i.filters.get(name);
    // A filter no page of this bundle has.
    if (!hash) return new Map();
    return readFilter(await fetchBytes(`${bundle}filter/${hash}.pf_filter`), i.pageCount);
  });
  // Read now: every query needs them first.
  info().catch(() => undefined);
  counted().catch(() => undefined);
  // Answers name pages by their number in the bundle, from 0 to pageCount() - 1.
  return {
    /** The hash of the bundle's index, as its entry file names it. */
    hash: indexHash,
    async pageCount(): Promise<number> {
      return (await info()).pageCount;
    },
    /** Where the build linked a page's fragment under its number; the file may be missing (an older build). */
    async fragmentUrl(page: number): Promise<string> {
      return `${bundle}${pageFragment(await indexHash(), page)}`;
    },
    /**
     * The ids of pages, in their order: from the id files of the pages'
     * blocks, or from `.pf_meta` when they span more blocks than it is worth
     * fetching one by one.
     */
    async ids(pages: ArrayLike<number>): Promise<string[]> {
      const { idBlock: size } = await info();
      const blocks = size === undefined ? undefined : new Set(Array.from(pages, (page) => Math.floor(page / size)));
      if (size === undefined || blocks!.size > MAX_ID_FILES) {
        const { pages: all } = await meta();
        return Array.from(pages, (page) => all[page]);
      }
      const loaded = new Map(await Promise.all([...blocks!].map(async (b) => [b, await idBlock(b)] as const)));
      return Array.from(pages, (page) => loaded.get(Math.floor(page / size))![page % size]);
    },
    /** The pages of this bundle holding the words, one after another. */
    async lookup({ keys, exact }: Lookup): Promise<ArrayLike<number>> {
      const reworded = exact === undefined ? await shared.rewording(keys, (await info()).pageCount).catch(() => undefined) : undefined;
      const written = reworded ?? (await fromCounts(({ reader }) => lookUpCounted(reader, keys, exact)));
      return written ?? (await lookUpPages(await meta(), keys, exact, chunk));
    },
    /**
     * The pages of this bundle having every key, each a whole word but the
     * last, which may begin a longer word, with what relevance.ts scores
     * them by; meta fields count as `fieldWeights` says (1 when not named).
     */
    async counts(keys: string[], fieldWeights: Readonly<Record<string, number>>): Promise<IndexCounts<number>> {
      const i = await info();
      const weights = i.fields.map((f) => fieldWeights[f] ?? 1);
      const found =
        (await fromCounts(({ reader, weights: written }) =>
          // Counts taken with other weights would rank otherwise.
          written.length === weights.length && written.every((w, k) => w === weights[k]) ? countTermsCounted(reader, keys, i.pageCount) : Promise.resolve(undefined),
        )) ?? (await countTerms(await meta(), keys, weights, chunk));
      return {
        ids: found.pages,
        counts: found.counts,
        lengths: found.pages.map((page) => i.wordCounts[page]),
        pagesWith: found.pagesWith,
        pageCount: i.pageCount,
        wordCount: i.wordCounts.reduce((sum, n) => sum + n, 0),
      };
    },
    /** The pages of this bundle having a filter value, in page order. */
    async filtered(name: string, value: string): Promise<ArrayLike<number>> {
      return (await filter(name)).get(value) ?? [];
    },
    /** The pages of this bundle having the sort key, in ascending order of it. */
    async sorted(key: string): Promise<ArrayLike<number>> {
      const order = (await info()).sorts.get(key);
      if (!order) throw new IndexFormatError(`no sort ${key} in ${bundle}`);
      return order;
    },
  };
}
