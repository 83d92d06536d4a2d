/**
 * The query layer's `Backend` on Pagefind's JS API, loaded from the site's
 * own bundle under the configured base, so that it works under SITE_BASE.
 */
import type { Backend, BackendHit, BackendRequest, PlanData } from '../../lib/search/engine.ts';
import type { FacetTable } from '../../lib/search/facets.ts';
import { FACET_FILE, META, SEARCH_META, fromIndexText } from '../../lib/search/index-fields.ts';
import { fragmentLoader } from './fragments.ts';

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}

/** The part of Pagefind's JS API the page uses: one instance per index. */
export interface PagefindInstanceApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

export interface PagefindApi {
  createInstance(options: Record<string, unknown>): PagefindInstanceApi;
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
  [SEARCH_META.keywords]: 1,
};

/** A plan as the result list shows it: Pagefind's text with đ written back (index-fields.ts). */
function shown(plan: PlanData): PlanData {
  const meta = Object.fromEntries(Object.entries(plan.meta).map(([k, v]) => [k, v === undefined ? v : fromIndexText(v)]));
  return { url: plan.url, content: fromIndexText(plan.content), meta };
}

/** One shard of a sharded index, as the search page lists them (src/lib/search/shards.ts). */
export interface ShardRef {
  name: string;
  /** Under pagefind/; "" for the primary. */
  path: string;
}

/** How the search page gets Pagefind's module: `import()` in the browser, a stand-in in the tests. */
export type PagefindImporter = (url: string) => Promise<unknown>;

/**
 * `shards`: every shard, primary first, when the index is sharded; empty
 * when it is whole.
 *
 * Each shard gets a Pagefind instance of its own, rather than Pagefind's
 * `mergeIndex`: a page's id is a short hash, unique only within its own
 * index, and merged results carry no trace of the index a hit came from. At
 * 100,000 plans 19 ids repeated across shards, and two plans with one id
 * became one, in the results and in the counts. Here a hit's id is its
 * shard's path followed by Pagefind's id ("2016-2020/vi_1cd8a44"), as in
 * the facet table (src/integrations/facet-table.ts).
 */
export async function loadPagefind(base: string, shards: readonly ShardRef[] = [], importer: PagefindImporter = (url) => import(/* @vite-ignore */ url)): Promise<Backend> {
  const pagefind = (await importer(`${base}pagefind/pagefind.js`)) as PagefindApi;
  const shared = {
    baseUrl: base,
    // Exact diacritics are ranked by the query layer, with tone placement
    // normalised; Pagefind's own bonus would undo that.
    ranking: { diacriticSimilarity: 0, metaWeights: META_WEIGHTS },
    // The worker would cost one more script download for a handful of small searches.
    noWorker: true,
  };
  const bundle = (path: string) => `${base}pagefind/${path}`;
  const parts = shards.length ? shards : [{ name: 'all', path: '' }];
  const instances = await Promise.all(
    parts.map(async (shard) => {
      const api = pagefind.createInstance({ ...shared, basePath: bundle(shard.path) });
      await api.init();
      // The plan's text is read straight from its file (fragments.ts).
      return { shard, api, load: fragmentLoader(bundle(shard.path), base) };
    }),
  );
  type Instance = (typeof instances)[number];

  const searchOne = ({ shard, api, load }: Instance, r: BackendRequest): Promise<BackendHit[]> =>
    api
      .search(r.term, { filters: r.filters ?? {}, sort: r.sort ?? {} })
      .then((response) =>
        (response?.results ?? []).map((hit) => ({ id: shard.path + hit.id, score: hit.score, data: () => load(hit.id, () => hit.data()).then(shown) })),
      );
  /**
   * A sorted search without words comes back in each shard's own order;
   * shards follow one another in time, newest first, so the archive's date
   * order is theirs one after the other. Otherwise hits are merged by score,
   * as Pagefind's own merge does (a stable sort keeps the shard order in ties).
   */
  const search = (r: BackendRequest): Promise<BackendHit[]> => {
    const sortedByDate = r.term === null && r.sort;
    const order = sortedByDate && Object.values(r.sort!)[0] === 'asc' ? [...instances].reverse() : instances;
    return Promise.all(order.map((i) => searchOne(i, r))).then((answers) => {
      const hits = answers.flat();
      return sortedByDate || instances.length === 1 ? hits : hits.sort((a, b) => b.score - a.score);
    });
  };

  // Pagefind reads `exactDiacritics` when a search runs, so searches that
  // need it on and off take turns: those without it first, together, then
  // those with it, with the option set on every shard's instance between.
  let exact = false;
  let queue: Promise<unknown> = Promise.resolve();
  const inMode = (mode: boolean, requests: BackendRequest[]): Promise<BackendHit[][]> => {
    const turn = queue.then(async () => {
      if (exact !== mode) {
        await Promise.all(instances.map((i) => i.api.options({ exactDiacritics: mode })));
        exact = mode;
      }
      return Promise.all(requests.map(search));
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  return {
    searchMany(requests) {
      // Filter-only requests have no words, so the diacritics mode cannot
      // matter to them: they need not wait their turn.
      const batches = [false, true].map((mode) => {
        const mine = requests.filter((r) => r.term !== null && Boolean(r.exact) === mode);
        return { mine, answers: mine.length ? inMode(mode, mine) : Promise.resolve([]) };
      });
      return requests.map((r) => {
        if (r.term === null) return search(r);
        const { mine, answers } = batches[Number(Boolean(r.exact))];
        return answers.then((all) => all[mine.indexOf(r)]);
      });
    },
    facets: () =>
      fetch(`${base}pagefind/${FACET_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${r.status} for ${FACET_FILE}`);
        return r.json() as Promise<FacetTable>;
      }),
  };
}
