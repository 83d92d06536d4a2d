/**
 * The search index's files (src/lib/search/index-format.ts) as the browser reads them: fetched under
 * the site's base, gunzipped, parsed. What cannot be read throws an `IndexError` naming the file.
 */
import { gunzipSync } from 'fflate';
import type { PlanData } from '../../lib/search/engine.ts';
import { parseFragment } from '../../lib/search/index-fields.ts';
import { fragmentFile, INDEX_DIR, MANIFEST_FILE } from '../../lib/search/index-format.ts';
import { IndexError, type LoadFile } from '../../lib/search/index-reader.ts';
import { STRINGS } from './strings.ts';

/** A damaged file: the visitor can only try later; the maintainer (the console) rebuilds. */
const broken = (file: string, why: string) => Object.assign(new IndexError(STRINGS.fileBroken(file, why)), { hint: STRINGS.rebuild });

/** The bytes, gunzipped when they are gzip (a host may have decoded them); fflate inflates in the task that got them. */
const gunzip = (bytes: Uint8Array): Uint8Array => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);

/** The text of `file`, a path under chi-muc/. */
async function fetchText(base: string, file: string): Promise<string> {
  const name = `${INDEX_DIR}/${file}`;
  let bytes: Uint8Array;
  try {
    // The manifest's name never changes from one build to the next, so a cached copy is checked first.
    const response = await fetch(`${base}${name}`, file === MANIFEST_FILE ? { cache: 'no-cache' } : {});
    if (!response.ok) throw new IndexError(STRINGS.fileUnreachable(name, response.status));
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw error instanceof IndexError ? error : new IndexError(STRINGS.fileUnreachable(name));
  }
  try {
    return new TextDecoder().decode(gunzip(bytes));
  } catch {
    throw broken(name, STRINGS.notGzip);
  }
}

/** `SearchIndex.open`'s loader for the index under `base`. */
export function indexFiles(base: string): LoadFile {
  return async (file) => {
    const text = await fetchText(base, file);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw broken(`${INDEX_DIR}/${file}`, STRINGS.notJson);
    }
  };
}

/** Each plan's text, meta and URL, by plan number, from its fragment in the set `set` (the engine shares the loads). */
export function planFiles(base: string, set: string): (plan: number) => Promise<PlanData> {
  return async (plan) => {
    const file = `${set}/${fragmentFile(plan)}`;
    const f = parseFragment(await fetchText(base, file));
    if (!f) throw broken(`${INDEX_DIR}/${file}`, STRINGS.notFragment);
    // Pagefind's URLs start at the site's root.
    return { url: `${base}${f.url}`.replace(/\/{2,}/g, '/'), content: f.content, meta: f.meta };
  };
}
