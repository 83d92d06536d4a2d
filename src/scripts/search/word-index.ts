/**
 * Which plans hold a whole word, or words as a phrase, how often, all plans
 * in date order and the plans of a filter value, read from the Pagefind
 * bundle's own index files (src/lib/search/pagefind-index.ts says why and
 * how). One reader per bundle; a sharded index has one bundle per shard.
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
import { decodePages, phraseFile } from '../../lib/search/phrase-files.ts';
import type { IndexCounts } from '../../lib/search/relevance.ts';
import type { Lookup } from '../../lib/search/searches.ts';
import { sharedLoad, sharedLoads } from '../../lib/shared-load.ts';
import { pagefindBytes } from './fragments.ts';

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

/**
 * A reader for the bundle at `bundle` (".../pagefind/" or a shard's folder),
 * whose index is in `language`. Rejects on anything it cannot read.
 */
export function wordIndex(bundle: string, language: string) {
  // A file this cannot read stays unreadable; a failed download is tried again.
  let unreadable: IndexFormatError | undefined;
  const meta = sharedLoad(async (): Promise<IndexMeta & { hash: string }> => {
    if (unreadable) throw unreadable;
    try {
      const response = await fetch(`${bundle}pagefind-entry.json`, { cache: 'force-cache' });
      if (!response.ok) throw new Error(`${response.status} for ${bundle}pagefind-entry.json`);
      const entry = (await response.json()) as { languages?: Record<string, { hash?: string }> };
      const hash = entry.languages?.[language]?.hash;
      if (!hash) throw new IndexFormatError(`no ${language} index in ${bundle}`);
      return { ...readMeta(await fetchBytes(`${bundle}pagefind.${hash}.pf_meta`)), hash };
    } catch (error) {
      if (error instanceof IndexFormatError) unreadable = error;
      throw error;
    }
  });
  // Each file is loaded once, and asked again after a failure rather than the failure remembered.
  const chunk = sharedLoads((hash: string) =>
    Promise.all([meta(), fetchBytes(`${bundle}index/${hash}.pf_index`)]).then(([m, bytes]) => readChunk(bytes, m.pages.length)),
  );
  /**
   * A rewording phrase's pages as the build wrote them (phrase-files.ts);
   * undefined, and the index read instead, when the file is missing or
   * unreadable.
   */
  const phrase = sharedLoads((file: string) =>
    Promise.all([meta(), fetch(`${bundle}${file}`, { cache: 'force-cache' })])
      .then(async ([m, response]) => (response.ok ? decodePages(await response.text(), m.pages.length) : undefined))
      .catch(() => undefined),
  );
  const filter = sharedLoads(async (name: string): Promise<Map<string, Uint32Array>> => {
    const m = await meta();
    const hash = m.filters.get(name);
    // A filter no page of this bundle has.
    if (!hash) return new Map();
    return readFilter(await fetchBytes(`${bundle}filter/${hash}.pf_filter`), m.pages.length);
  });
  // Read now: every query needs it first.
  meta().catch(() => undefined);
  return {
    /** The ids of the pages of this bundle holding the words, one after another. */
    async lookup({ keys, exact }: Lookup): Promise<string[]> {
      const m = await meta();
      const file = exact === undefined ? phraseFile(keys, m.hash) : undefined;
      const written = file ? await phrase(file) : undefined;
      return (written ?? (await lookUpPages(m, keys, exact, chunk))).map((page) => m.pages[page]);
    },
    /**
     * The pages of this bundle having every key, each a whole word but the
     * last, which may begin a longer word, with what relevance.ts scores
     * them by; meta fields count as `fieldWeights` says (1 when not named).
     */
    async counts(keys: string[], fieldWeights: Readonly<Record<string, number>>): Promise<IndexCounts> {
      const m = await meta();
      const found = await countTerms(m, keys, m.fields.map((f) => fieldWeights[f] ?? 1), chunk);
      return {
        ids: found.pages.map((page) => m.pages[page]),
        counts: found.counts,
        lengths: found.pages.map((page) => m.wordCounts[page]),
        pagesWith: found.pagesWith,
        pageCount: m.pages.length,
        wordCount: m.wordCounts.reduce((sum, n) => sum + n, 0),
      };
    },
    /** The ids of the pages of this bundle having a filter value, in page order. */
    async filtered(name: string, value: string): Promise<string[]> {
      const m = await meta();
      return Array.from((await filter(name)).get(value) ?? [], (page) => m.pages[page]);
    },
    /** The ids of the pages of this bundle having the sort key, in ascending order of it. */
    async sorted(key: string): Promise<string[]> {
      const m = await meta();
      const order = m.sorts.get(key);
      if (!order) throw new IndexFormatError(`no sort ${key} in ${bundle}`);
      return Array.from(order, (page) => m.pages[page]);
    },
  };
}
