/**
 * Reading back the pages Pagefind stored (its fragments), for the build's
 * own checks and tables: what Pagefind wrote is the truth the search page
 * will see.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from '../lib/search/index-fields.ts';

export interface StoredPage {
  url: string;
  filters: Record<string, string[]>;
}

/** One stored page, gzipped as Pagefind writes it or already unpacked. */
export function readStoredPage(file: string): StoredPage {
  let bytes = readFileSync(file);
  if (bytes.subarray(0, PAGEFIND_SIGNATURE.length).toString() !== PAGEFIND_SIGNATURE) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  if (!text.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`${file}: không phải tệp trang của Pagefind (thiếu chữ ký ${PAGEFIND_SIGNATURE})`);
  const page = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as Partial<StoredPage>;
  return { url: page.url ?? '', filters: page.filters ?? {} };
}

/** The folder a Pagefind bundle keeps its stored pages in. */
function storedPagesDir(bundleDir: string): string {
  return join(bundleDir, 'fragment');
}

/** The ids of the pages a bundle stores ("vi_028cef7"), sorted. */
export function storedPageIds(bundleDir: string): string[] {
  const dir = storedPagesDir(bundleDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.pf_fragment'))
    .map((n) => n.slice(0, -'.pf_fragment'.length))
    .sort();
}

/** Where a bundle stores the page with id `id`. */
export function storedPageFile(bundleDir: string, id: string): string {
  return join(storedPagesDir(bundleDir), `${id}.pf_fragment`);
}
