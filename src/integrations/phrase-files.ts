/**
 * Writes beside each index bundle which plans have each rewording phrase
 * (src/lib/search/phrase-files.ts says why), read from the bundle's own
 * index files with the search page's own reader, so that the two cannot
 * disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookUpPages } from '../lib/search/pagefind-index.ts';
import { PHRASE_DIR, encodePages, phraseFiles } from '../lib/search/phrase-files.ts';
import type { WrittenBundle } from './bundle-files.ts';

/** Writes the files into the bundle at `folder`, read back as `bundle`; returns how many. */
export async function writePhraseFiles(folder: string, { hash, meta, load }: WrittenBundle): Promise<number> {
  mkdirSync(join(folder, PHRASE_DIR, hash), { recursive: true });
  const files = phraseFiles(hash);
  for (const [keys, file] of files) {
    const pages = await lookUpPages(meta, keys, undefined, load);
    writeFileSync(join(folder, file), encodePages(pages.sort((a, b) => a - b)));
  }
  return files.length;
}
