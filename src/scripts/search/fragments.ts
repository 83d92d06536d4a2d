/**
 * Loads the stored text of a plan (Pagefind's "fragment") without Pagefind's
 * `data()`: that one decompresses in JavaScript on the main thread and builds
 * an excerpt and sub-results the page never shows, which made showing ten
 * results slower than the searches behind them. Here the browser's own gzip
 * decoder does the work.
 *
 * The fragment format (`fragment/<page id>.pf_fragment`: gzip of
 * "pagefind_dcd" + JSON; the build links each under its page number too,
 * page-files.ts) is Pagefind's own; anything unexpected falls back to
 * `data()`, so a future Pagefind with another layout stays correct, only
 * slower. tests/e2e/search.test.ts compares both loaders on the built site.
 */
import type { PlanData } from '../../lib/search/engine.ts';
import { PAGEFIND_SIGNATURE } from '../../lib/search/index-fields.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** A Pagefind file's bytes, decompressed: its files are gzip, which this leaves to the browser. */
export async function pagefindBytes(response: Response): Promise<Uint8Array> {
  const raw = new Uint8Array(await response.arrayBuffer());
  // Some hosts serve the file already decompressed; Pagefind accepts that too.
  if (new TextDecoder().decode(raw.subarray(0, PAGEFIND_SIGNATURE.length)) === PAGEFIND_SIGNATURE) return raw;
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `fetch` and decode the fragment at `url`; rejects on anything unexpected. */
async function fetchFragment(url: string): Promise<Fragment> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} for ${url}`);
  const text = new TextDecoder().decode(await pagefindBytes(response));
  if (!text.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`${url} has no signature`);
  const fragment = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as Partial<Fragment>;
  if (typeof fragment.url !== 'string' || typeof fragment.content !== 'string' || typeof fragment.meta !== 'object' || fragment.meta === null) {
    throw new Error(`${url} lacks url, content or meta`);
  }
  return fragment as Fragment;
}

const native = typeof DecompressionStream === 'function';

/**
 * The plan in the fragment at `url` of a site served under `base`: its URL,
 * text and meta, as `data()` gives them.
 */
export function readFragment(url: string, base: string): Promise<PlanData> {
  if (!native) return Promise.reject(new Error('no DecompressionStream'));
  return fetchFragment(url).then((f) => ({ url: `${base}${f.url}`.replace(/\/{2,}/g, '/'), content: f.content.replace(/\u200B/g, ''), meta: f.meta }));
}

/**
 * A loader for the bundle at `bundle` (".../pagefind/") of a site served
 * under `base`, by page id, falling back on `data()` when the fragment
 * cannot be read.
 */
export function fragmentLoader(bundle: string, base: string) {
  const cache = new Map<string, Promise<PlanData>>();
  return (id: string, fallback: () => Promise<PlanData>): Promise<PlanData> => {
    let loaded = cache.get(id);
    if (!loaded) {
      loaded = (/^[\w-]+$/.test(id) ? readFragment(`${bundle}fragment/${id}.pf_fragment`, base) : Promise.reject(new Error(`unexpected page id ${id}`))).catch(() => {
        // Visible in the browser's performance timeline, and read by the tests.
        performance.mark('kho-search:fragment-fallback');
        return fallback();
      });
      // A failure is asked again next time rather than remembered.
      loaded.catch(() => cache.delete(id));
      cache.set(id, loaded);
    }
    return loaded;
  };
}
