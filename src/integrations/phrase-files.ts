/**
 * Writes beside each index bundle which plans have each rewording phrase
 * (src/lib/search/phrase-files.ts says why), read from the bundle's own
 * index files with the search page's own reader, so that the two cannot
 * disagree.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { lookUpPages, readChunk, readMeta, type WordPages } from '../lib/search/pagefind-index.ts';
import { PHRASE_DIR, encodePages, phraseFiles } from '../lib/search/phrase-files.ts';

/** Writes the files into the bundle at `folder`, indexed as `language`; returns how many. */
export async function writePhraseFiles(folder: string, language: string): Promise<number> {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const hash = entry.languages?.[language]?.hash;
  if (!hash) throw new Error(`${folder}: pagefind-entry.json không có chỉ mục "${language}"`);
  const meta = readMeta(gunzipSync(readFileSync(join(folder, `pagefind.${hash}.pf_meta`))));
  // The phrases share their common words, and so their chunks: each is read once per bundle.
  const chunks = new Map<string, Map<string, WordPages>>();
  const load = (chunk: string, pageCount: number) => {
    let words = chunks.get(chunk);
    if (!words) chunks.set(chunk, (words = readChunk(gunzipSync(readFileSync(join(folder, 'index', `${chunk}.pf_index`))), pageCount)));
    return words;
  };
  mkdirSync(join(folder, PHRASE_DIR, hash), { recursive: true });
  const files = phraseFiles(hash);
  for (const [keys, file] of files) {
    const pages = await lookUpPages(meta, keys, undefined, load);
    writeFileSync(join(folder, file), encodePages(pages.sort((a, b) => a - b)));
  }
  return files.length;
}
