/**
 * Writes what the search page reads instead of a bundle's chunks and
 * metadata: beside each bundle, its page files (src/lib/search/page-files.ts),
 * with each page's fragment under its page number; and, once every bundle is
 * counted, the count and phrase files of all of them together
 * (src/lib/search/count-files.ts says what and why), in the primary bundle.
 *
 * A bundle's counts are read from its own chunks with the search page's own
 * reader, and kept on disk until the last bundle is counted: a large
 * archive's counts do not fit in memory together.
 */
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { progress } from '../lib/progress.ts';
import {
  COUNT_DIR,
  begunFile,
  countBundle,
  countFile,
  countSet,
  manifestFile,
  packCountFiles,
  phraseFile,
  type BundleCounts,
  type CountFileKind,
  type CountProgress,
  type PackProgress,
} from '../lib/search/count-files.ts';
import { META_WEIGHTS } from '../lib/search/index-fields.ts';
import { buildPageFiles, idFile, pageFile, pageFragment, pageFragmentDir } from '../lib/search/page-files.ts';
import type { WrittenBundle } from './bundle-files.ts';
import { storedPageFile } from './stored-pages.ts';

/** The size only decides where one file ends and the next begins: the fastest gzip tells it well enough. */
const gzipSize = (text: string) => gzipSync(text, { level: 1 }).length;

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

/** Writes the page files of the bundle at `folder`, and links each page's fragment under its number; returns how many files. */
export function writePageFiles(folder: string, { hash, meta }: WrittenBundle): number {
  mkdirSync(join(folder, COUNT_DIR, hash), { recursive: true });
  const pages = buildPageFiles(meta);
  writeFileSync(join(folder, pageFile(hash)), pages.info);
  pages.ids.forEach((text, i) => writeFileSync(join(folder, idFile(hash, i)), text));
  mkdirSync(join(folder, pageFragmentDir(hash)), { recursive: true });
  meta.pages.forEach((id, page) => linkOrCopy(storedPageFile(folder, id), join(folder, pageFragment(hash, page))));
  return 1 + pages.ids.length + meta.pages.length;
}

/** Writes one JSON value per line, a megabyte at a time. */
function writeLines(file: string, values: Iterable<unknown>): void {
  const fd = openSync(file, 'w');
  try {
    let buffer = '';
    for (const value of values) {
      buffer += `${JSON.stringify(value)}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    if (buffer) writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

/** Reads back what `writeLines` wrote, a value at a time; each pass reads the file afresh. */
function readLines<T>(file: string): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      const fd = openSync(file, 'r');
      try {
        const bytes = Buffer.alloc(4 << 20);
        const decoder = new TextDecoder();
        let rest = '';
        for (let read = readSync(fd, bytes); read > 0; read = readSync(fd, bytes)) {
          const lines = (rest + decoder.decode(bytes.subarray(0, read), { stream: true })).split('\n');
          rest = lines.pop()!;
          for (const line of lines) yield JSON.parse(line) as T;
        }
        rest += decoder.decode();
        if (rest) yield JSON.parse(rest) as T;
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** A progress line per stage, every few seconds, through `log`. */
function stages<S extends string>(log: (line: string) => void, words: Record<S, [verb: string, unit: string]>) {
  const tickers = new Map<S, ReturnType<typeof progress>>();
  return (stage: S, done: number, total: number) => {
    let ticker = tickers.get(stage);
    if (!ticker) tickers.set(stage, (ticker = progress(words[stage][0], total, words[stage][1], log)));
    ticker(done);
  };
}

/**
 * A bundle's counts as `spillBundleCounts` left them on disk: plain data,
 * so that it crosses from the child process that counted them
 * (bundle-readback.ts), for `readSpilledCounts` to read back.
 */
export interface SpilledCounts {
  /** The folder holding the counts. */
  spill: string;
  weights: number[];
  common: number;
  wordCount: number;
  pairCount: number;
}

/**
 * Counts the bundle (a large shard takes tens of seconds, told through
 * `log`) into `spill`, a folder of its own.
 */
export async function spillBundleCounts({ meta, load }: WrittenBundle, spill: string, log: (line: string) => void = () => undefined): Promise<SpilledCounts> {
  const weights = meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);
  const tick: CountProgress = stages(log, { words: ['đã đếm', 'từ'], pages: ['đã ghép cụm từ của', 'trang'] });
  const counted = await countBundle(meta, load, weights, gzipSize, { progress: tick });
  mkdirSync(spill, { recursive: true });
  writeLines(join(spill, 'words.jsonl'), counted.words);
  writeLines(join(spill, 'pairs.jsonl'), counted.pairs);
  return { spill, weights, common: counted.common, wordCount: counted.wordCount, pairCount: counted.pairCount };
}

/** The counts `spillBundleCounts` left in their folder, read from there as they are packed. */
export function readSpilledCounts({ spill, ...counts }: SpilledCounts): BundleCounts {
  return { ...counts, words: readLines(join(spill, 'words.jsonl')), pairs: readLines(join(spill, 'pairs.jsonl')) };
}

/** Writes this many files at once at most: the disk works while the next files are packed. */
const WRITES_AT_ONCE = 32;

/**
 * Writes the count and phrase files of every bundle, counted in the order
 * of `hashes` (the primary first), into the primary bundle at `folder`;
 * returns how many files.
 */
export async function writeCountSet(
  folder: string,
  hashes: readonly string[],
  bundles: readonly BundleCounts[],
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const set = countSet(hashes);
  mkdirSync(join(folder, COUNT_DIR, set), { recursive: true });
  let files = 1;
  const writing = new Set<Promise<void>>();
  const names: Record<CountFileKind, (set: string, i: number) => string> = { counts: countFile, phrases: phraseFile, begun: begunFile };
  const write = (kind: CountFileKind, i: number, text: string): Promise<void> | void => {
    const done = writeFile(join(folder, names[kind](set, i)), text).finally(() => writing.delete(done));
    writing.add(done);
    files++;
    // Packing waits only when the disk is behind; a failed write fails the build here or below.
    if (writing.size >= WRITES_AT_ONCE) return Promise.race(writing);
  };
  const tick: PackProgress = stages(log, { runs: ['đã ghi cụm từ', 'nhóm'], words: ['đã ghi', 'từ'] });
  try {
    const manifest = await packCountFiles(hashes, bundles, write, { gzipSize, progress: tick });
    writeFileSync(join(folder, manifestFile(set)), JSON.stringify(manifest));
  } finally {
    await Promise.all(writing);
  }
  return files;
}
