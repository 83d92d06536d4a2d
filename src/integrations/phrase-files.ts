/**
 * Writes which plans have each rewording phrase (src/lib/search/phrase-files.ts
 * says why), read from each bundle's own index files with the search page's
 * own reader, so that the two cannot disagree, in one file per phrase for
 * every bundle together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lookUpPages } from '../lib/search/pagefind-index.ts';
import { PHRASE_DIR, encodeBundles, phraseFiles } from '../lib/search/phrase-files.ts';
import { REWORDING_PHRASES } from '../lib/search/variants.ts';
import type { WrittenBundle } from './bundle-files.ts';

/** One bundle's pages of each rewording phrase, in the order of `REWORDING_PHRASES`. */
export async function rewordingPages({ meta, load }: WrittenBundle): Promise<number[][]> {
  const found: number[][] = [];
  for (const keys of REWORDING_PHRASES) found.push((await lookUpPages(meta, keys, undefined, load)).sort((a, b) => a - b));
  return found;
}

/**
 * Writes the files of the bundles whose pages `rewordingPages` gave, in
 * their order, into the primary bundle at `folder`, under the set's name
 * (count-files.ts, `countSet`); returns how many.
 */
export function writePhraseFiles(folder: string, set: string, bundles: readonly number[][][]): number {
  mkdirSync(join(folder, PHRASE_DIR, set), { recursive: true });
  const files = phraseFiles(set);
  // In the order of REWORDING_PHRASES, as rewordingPages lists them.
  files.forEach(([, file], i) => writeFileSync(join(folder, file), encodeBundles(bundles.map((pages) => pages[i]))));
  return files.length;
}
