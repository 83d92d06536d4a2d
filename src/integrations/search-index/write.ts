/**
 * Writes the index under `<site>/chi-muc/`: the set into a folder named by its hash, the fragments linked
 * in by plan number, the manifest last, so that a build stopped midway leaves no manifest naming missing files.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FILTER_FILE, fragmentFile, MANIFEST_FILE, type Manifest } from '../../lib/search/index-format.ts';
import type { IndexBuilder } from './files.ts';

/** The folder the set is written into before it is named. */
const WRITING = '.dang-ghi';

/** A hard link to Pagefind's file, no second copy; a copy where linking fails. */
function linkOrCopy(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * `fragments`: each plan's fragment file, by plan number; any earlier set under `root` is removed. Returns the
 * manifest, the count of terms (words and pairs) and the bytes of the index's own files, gzipped, fragments left out.
 */
export function writeIndex(root: string, builder: IndexBuilder, fragments: readonly string[], onWord?: (done: number, total: number) => void) {
  const writing = join(root, WRITING);
  rmSync(writing, { recursive: true, force: true });
  mkdirSync(join(writing, 'vb'), { recursive: true });
  let [terms, bytes, filterBytes] = [0, 0, 0];
  const built = builder.finish((path, value, text) => {
    const gzipped = gzipSync(text);
    writeFileSync(join(writing, path), gzipped);
    bytes += gzipped.length;
    if (path === FILTER_FILE) filterBytes = gzipped.length;
    if (path.startsWith('tu-')) terms += (value as unknown[]).length;
  }, onWord);
  const manifest: Manifest = { ...built, filterBytes };
  fragments.forEach((file, plan) => linkOrCopy(file, join(writing, fragmentFile(plan))));
  for (const name of readdirSync(root)) if (name !== WRITING) rmSync(join(root, name), { recursive: true, force: true });
  renameSync(writing, join(root, manifest.set));
  const text = JSON.stringify(manifest);
  writeFileSync(join(root, MANIFEST_FILE), text);
  return { manifest, terms, bytes: bytes + Buffer.byteLength(text) };
}
