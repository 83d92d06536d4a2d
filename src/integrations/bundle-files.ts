/**
 * An index bundle as the build reads it back after Pagefind has written it:
 * its hash, its metadata and its chunks, through the search page's own
 * reader (src/lib/search/pagefind-index.ts), so that what the build writes
 * beside it is read exactly as the page would read it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readChunk, readMeta, type ChunkLoader, type IndexMeta, type WordPages } from '../lib/search/pagefind-index.ts';

export interface WrittenBundle {
  /** The index's hash, as pagefind-entry.json names it. */
  hash: string;
  meta: IndexMeta;
  /** Each chunk is read once. */
  load: ChunkLoader;
}

/** The bundle at `folder`, indexed as `language`. */
export function readBundle(folder: string, language: string): WrittenBundle {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const hash = entry.languages?.[language]?.hash;
  if (!hash) throw new Error(`${folder}: pagefind-entry.json không có chỉ mục "${language}"`);
  const meta = readMeta(gunzipSync(readFileSync(join(folder, `pagefind.${hash}.pf_meta`))));
  const chunks = new Map<string, Map<string, WordPages>>();
  const load = (chunk: string, pageCount: number) => {
    let words = chunks.get(chunk);
    if (!words) chunks.set(chunk, (words = readChunk(gunzipSync(readFileSync(join(folder, 'index', `${chunk}.pf_index`))), pageCount)));
    return words;
  };
  return { hash, meta, load };
}
