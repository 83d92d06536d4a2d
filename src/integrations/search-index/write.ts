/**
 * Writes the search index's files under `<site>/chi-muc/`: the set into a
 * folder named by its hash, the plans' fragments linked into it by plan
 * number, and the manifest last, so that a build stopped midway never leaves
 * a manifest naming files that are not there.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fragmentFile, MANIFEST_FILE, type Manifest } from '../../lib/search/index-format.ts';
import type { IndexBuilder } from './files.ts';

export interface WrittenIndex {
  manifest: Manifest;
  /** Words and pairs. */
  terms: number;
  /** The index's own files, gzipped, fragments left out. */
  bytes: number;
}

/** The folder the set is written into before it is named. */
const WRITING = '.dang-ghi';

/** A hard link to Pagefind's file: no second copy on disk. A copy where linking fails (another device, no links). */
function linkOrCopy(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * `fragments`: each plan's fragment file, by plan number. Any other set
 * under `root`, from an earlier build into the same folder, is removed.
 */
export function writeIndex(root: string, builder: IndexBuilder, fragments: readonly string[], onWord?: (done: number, total: number) => void): WrittenIndex {
  const writing = join(root, WRITING);
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(join(writing, 'vb'), { recursive: true });
  let terms = 0;
  let bytes = 0;
  const manifest = builder.finish((path, value, text) => {
    const gzipped = gzipSync(text);
    writeFileSync(join(writing, path), gzipped);
    bytes += gzipped.length;
    if (path.startsWith('tu-')) terms += (value as unknown[]).length;
  }, onWord);
  fragments.forEach((file, plan) => linkOrCopy(file, join(writing, fragmentFile(plan))));
  for (const name of readdirSync(root)) if (name !== WRITING) rmSync(join(root, name), { recursive: true, force: true });
  renameSync(writing, join(root, manifest.set));
  const text = JSON.stringify(manifest);
  writeFileSync(join(root, MANIFEST_FILE), text);
  return { manifest, terms, bytes: bytes + Buffer.byteLength(text) };
}
