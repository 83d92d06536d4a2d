/**
 * Which plans hold a whole word, or words as a phrase, and all plans in
 * date order, read from the Pagefind bundle's own index files (src/lib/search/pagefind-index.ts says
 * why and how). One reader per bundle; a sharded index has one bundle per
 * shard.
 *
 * The files are fetched with `force-cache`: Pagefind has usually just
 * downloaded the same chunk for the query's main search, and this takes the
 * browser's copy, stale or not, instead of asking the server again.
 */
import { IndexFormatError, lookUpPages, readChunk, readMeta, type IndexMeta, type WordPages } from '../../lib/search/pagefind-index.ts';
import type { Lookup } from '../../lib/search/searches.ts';
import { sharedLoad } from '../../lib/shared-load.ts';
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
  const meta = sharedLoad(async (): Promise<IndexMeta> => {
    if (unreadable) throw unreadable;
    try {
      const response = await fetch(`${bundle}pagefind-entry.json`, { cache: 'force-cache' });
      if (!response.ok) throw new Error(`${response.status} for ${bundle}pagefind-entry.json`);
      const entry = (await response.json()) as { languages?: Record<string, { hash?: string }> };
      const hash = entry.languages?.[language]?.hash;
      if (!hash) throw new IndexFormatError(`no ${language} index in ${bundle}`);
      return readMeta(await fetchBytes(`${bundle}pagefind.${hash}.pf_meta`));
    } catch (error) {
      if (error instanceof IndexFormatError) unreadable = error;
      throw error;
    }
  });
  const chunks = new Map<string, Promise<Map<string, WordPages>>>();
  const chunk = (hash: string, pageCount: number) => {
    let loaded = chunks.get(hash);
    if (!loaded) {
      loaded = fetchBytes(`${bundle}index/${hash}.pf_index`).then((bytes) => readChunk(bytes, pageCount));
      // A failure is asked again next time rather than remembered.
      loaded.catch(() => chunks.delete(hash));
      chunks.set(hash, loaded);
    }
    return loaded;
  };
  // Read now, beside the first search: Pagefind has loaded the metadata, so
  // this costs only the small entry file, which Pagefind asks for uncached.
  meta().catch(() => undefined);
  return {
    /** The ids of the pages of this bundle holding the words, one after another. */
    async lookup({ keys, exact }: Lookup): Promise<string[]> {
      const m = await meta();
      return (await lookUpPages(m, keys, exact, chunk)).map((page) => m.pages[page]);
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
