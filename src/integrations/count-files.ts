/**
 * Writes beside each index bundle its count and phrase files
 * (src/lib/search/count-files.ts says what and why), read from the bundle's
 * own chunks with the search page's own reader, and its page files
 * (src/lib/search/page-files.ts), read from its metadata, with each page's
 * fragment under its page number.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { progress } from '../lib/progress.ts';
import { COUNT_DIR, buildCountFiles, countFile, manifestFile, phraseFile, type CountProgress } from '../lib/search/count-files.ts';
import { META_WEIGHTS } from '../lib/search/index-fields.ts';
import { buildPageFiles, idFile, pageFile, pageFragment, pageFragmentDir } from '../lib/search/page-files.ts';
import type { WrittenBundle } from './bundle-files.ts';
import { storedPageFile } from './stored-pages.ts';

/**
 * `to` as a second name of the file `from`: a hard link costs no disk, and a
 * host that cannot keep links (or a file system that has none) gets a copy.
 */
function linkOrCopy(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes the files into the bundle at `folder`, read back as `bundle`, with
 * a progress line every few seconds through `log` (a large shard takes tens
 * of seconds); returns how many.
 */
export async function writeCountFiles(folder: string, { hash, meta, load }: WrittenBundle, log: (line: string) => void = () => undefined): Promise<number> {
  const weights = meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);
  const tickers = new Map<string, ReturnType<typeof progress>>();
  const tick: CountProgress = (stage, done, total) => {
    let ticker = tickers.get(stage);
    if (!ticker) tickers.set(stage, (ticker = stage === 'words' ? progress('đã đếm', total, 'từ', log) : progress('đã ghép cụm từ của', total, 'trang', log)));
    ticker(done);
  };
  // The size only decides where one file ends and the next begins: the fastest gzip tells it well enough.
  const out = await buildCountFiles(meta, load, weights, (text) => gzipSync(text, { level: 1 }).length, { progress: tick });
  mkdirSync(join(folder, COUNT_DIR, hash), { recursive: true });
  out.counts.forEach((text, i) => writeFileSync(join(folder, countFile(hash, i)), text));
  out.phrases.forEach((text, i) => writeFileSync(join(folder, phraseFile(hash, i)), text));
  writeFileSync(join(folder, manifestFile(hash)), JSON.stringify(out.manifest));
  const pages = buildPageFiles(meta);
  writeFileSync(join(folder, pageFile(hash)), pages.info);
  pages.ids.forEach((text, i) => writeFileSync(join(folder, idFile(hash, i)), text));
  mkdirSync(join(folder, pageFragmentDir(hash)), { recursive: true });
  meta.pages.forEach((id, page) => linkOrCopy(storedPageFile(folder, id), join(folder, pageFragment(hash, page))));
  return out.counts.length + out.phrases.length + 1 + 1 + pages.ids.length + meta.pages.length;
}
