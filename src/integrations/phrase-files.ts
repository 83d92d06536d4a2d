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
import { readBundle } from './bundle-files.ts';

/** Writes the files into the bundle at `folder`, indexed as `language`; returns how many. */
export async function writePhraseFiles(folder: string, language: string): Promise<number> {
  // The phrases share their common words, and so their chunks: each is read once per bundle.
  const { hash, meta, load } = readBundle(folder, language);
  mkdirSync(join(folder, PHRASE_DIR, hash), { recursive: true });
  const files = phraseFiles(hash);
  for (const [keys, file] of files) {
    const pages = await lookUpPages(meta, keys, undefined, load);
    writeFileSync(join(folder, file), encodePages(pages.sort((a, b) => a - b)));
  }
  return files.length;
}
