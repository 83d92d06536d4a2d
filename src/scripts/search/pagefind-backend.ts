/**
 * The query layer's `Backend` on Pagefind's JS API, loaded from the site's
 * own bundle under the configured base, so that it works under SITE_BASE.
 */
import type { Backend, BackendHit, BackendRequest } from '../../lib/search/engine.ts';
import { META, SEARCH_META } from '../../lib/search/index-fields.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Title, number, issuer and summary outweigh the body (Pagefind boosts a page
 * by the weight of a meta field a word was found in); the search-only fields
 * count like body text, and the date not at all.
 */
const META_WEIGHTS = {
  [META.title]: 5,
  [META.number]: 5,
  [META.issuer]: 3,
  [META.summary]: 2,
  [META.province]: 2,
  [META.date]: 0,
  [SEARCH_META.ownNumber]: 1,
  [SEARCH_META.citedNumbers]: 1,
  [SEARCH_META.foldedMain]: 3,
  [SEARCH_META.folded]: 1,
};

export async function loadPagefind(base: string): Promise<Backend> {
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({
    baseUrl: base,
    // The worker would cost one more script download for a handful of small searches.
    noWorker: true,
    // Exact diacritics are ranked by the query layer, with tone placement
    // normalised; Pagefind's own bonus would undo that.
    ranking: { diacriticSimilarity: 0, metaWeights: META_WEIGHTS },
  });
  await pagefind.init();

  const search = (r: BackendRequest) =>
    pagefind.search(r.term, { filters: r.filters ?? {}, sort: r.sort ?? {} }).then((response) => response?.results ?? []);
  let exact = false;
  // Pagefind reads `exactDiacritics` when a search runs, so batches that need
  // it on and off must not interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (requests: BackendRequest[]): Promise<BackendHit[][]> => {
    const out: BackendHit[][] = new Array(requests.length);
    for (const mode of [false, true]) {
      const batch = requests.map((r, i) => [r, i] as const).filter(([r]) => Boolean(r.exact) === mode);
      if (batch.length === 0) continue;
      if (exact !== mode) {
        await pagefind.options({ exactDiacritics: mode });
        exact = mode;
      }
      await Promise.all(batch.map(async ([r, i]) => (out[i] = await search(r))));
    }
    return out;
  };
  return {
    searchMany(requests) {
      // Filter-only requests have no words, so the diacritics mode cannot
      // matter to them: they need not wait their turn.
      if (requests.every((r) => r.term === null)) return Promise.all(requests.map(search));
      const result = queue.then(() => run(requests));
      queue = result.catch(() => undefined);
      return result;
    },
    filters: () => pagefind.filters(),
  };
}
