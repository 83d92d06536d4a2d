/**
 * The query layer's `Backend` on the Pagefind bundle: its index files, read
 * directly, and Pagefind's JS API when they cannot be, loaded from the
 * site's own bundle under the configured base, so that it works under
 * SITE_BASE.
 */
import {
  CountFileError,
  begunFile,
  countFile,
  countReader,
  countSet,
  manifestFile,
  phraseFile,
  readBegunFile,
  readCountFile,
  readManifest,
  readPhraseFile,
} from '../../lib/search/count-files.ts';
import type { Backend, BackendHit, BackendRequest, PlanData } from '../../lib/search/engine.ts';
import { FacetColumnsError, facetColumnFile, readFacetColumn, type FacetColumn } from '../../lib/search/facet-columns.ts';
import type { FacetSource, FacetTable } from '../../lib/search/facets.ts';
import { FACET_FILE, FILTERS, INDEX_LANGUAGE, META_WEIGHTS, SHARD_FILTER, SORT_BY_DATE, fromIndexText, pageIdLanguage } from '../../lib/search/index-fields.ts';
import { IndexFormatError } from '../../lib/search/pagefind-index.ts';
import { bm25 } from '../../lib/search/relevance.ts';
import type { Lookup, Ranked } from '../../lib/search/searches.ts';
import { Answer, PlanTable } from '../../lib/search/plan-set.ts';
import { sharedLoad, sharedLoads } from '../../lib/shared-load.ts';
import { bundlePages, phraseFile as rewordingPhraseFile } from '../../lib/search/phrase-files.ts';
import { fragmentLoader, readFragment } from './fragments.ts';
import { wordIndex, writtenText, type SharedFiles } from './word-index.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content: string; meta: Record<string, string> }>;
}

interface PagefindInstanceApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindApi extends PagefindInstanceApi {
  createInstance(options: Record<string, unknown>): PagefindInstanceApi;
}

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
  /** The language it was indexed as, which Pagefind must load from it. */
  language: string;
}

/**
 * `shards`: every shard, primary first, when the index is sharded; empty
 * when it is whole.
 *
 * Every search is read from the index files (word-index.ts): which plans
 * have the words, how often (scored by relevance.ts), all plans in date
 * order, the plans of a filter value. Pagefind's own script and WebAssembly
 * load only when those files cannot be read, to answer in their place.
 */
export async function loadPagefind(base: string, shards: readonly ShardRef[] = []): Promise<Backend> {
  const bundle = (path: string) => `${base}pagefind/${path}`;
  const shared = {
    baseUrl: base,
    // Exact diacritics are ranked by the query layer, with tone placement
    // normalised; Pagefind's own bonus would undo that.
    ranking: { diacriticSimilarity: 0, metaWeights: META_WEIGHTS },
  };
  // Each shard's pages get a filter naming their shard, so that one shard can be asked alone.
  const tag = (s: ShardRef) => ({ mergeFilter: { [SHARD_FILTER]: s.name } });
  const [primary, ...merged] = shards;
  const pagefindApi = sharedLoad(async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // The worker would cost one more script download for a handful of small searches.
    await pagefind.options({ ...shared, noWorker: true });
    await pagefind.init();
    if (primary) await pagefind.options(tag(primary));
    await Promise.all(merged.map((s) => pagefind.mergeIndex(bundle(s.path), { ...shared, ...tag(s), language: s.language })));
    return pagefind;
  });

  // A plan's text is read straight from its file (fragments.ts): under its
  // page number (`planText`), or else by id, in the bundle the id names:
  // each shard is indexed as its own language, which begins every id
  // (shards.ts). An id naming no bundle goes through data().
  const loaders = new Map(
    (shards.length ? shards : [{ path: '', language: INDEX_LANGUAGE }]).map((s) => [s.language, fragmentLoader(bundle(s.path), base)]),
  );
  const load = (id: string, viaPagefind: () => Promise<PlanData>) => {
    const loader = loaders.get(pageIdLanguage(id) ?? '');
    return loader ? loader(id, viaPagefind) : viaPagefind();
  };
  const searchOn = (api: Pick<PagefindApi, 'search'>) => (r: BackendRequest): Promise<BackendHit[]> =>
    api
      .search(r.term, { filters: r.filters ?? {}, sort: r.sort ?? {} })
      .then((response) => (response?.results ?? []).map((hit) => ({ id: hit.id, score: hit.score, data: () => load(hit.id, () => hit.data()).then(shown) })));
  const unsharded = (r: BackendRequest) => pagefindApi().then((pagefind) => searchOn(pagefind)(r));
  /**
   * Merged shards come back ordered by score, and a sorted search scores by
   * rank within each shard, so the shards' orders interleave. Shards follow
   * one another in time, so a date order is each shard's own order, shard
   * after shard.
   */
  const search = (r: BackendRequest): Promise<BackendHit[]> => {
    if (merged.length === 0 || r.term !== null || !r.sort) return unsharded(r);
    const ascending = Object.values(r.sort)[0] === 'asc';
    const order = ascending ? [...shards].reverse() : shards;
    return Promise.all(order.map((s) => unsharded({ ...r, filters: { ...r.filters, [SHARD_FILTER]: s.name } }))).then((parts) => parts.flat());
  };

  // Pagefind reads `exactDiacritics` when a search runs, and `options` sets it
  // on the primary index only. With one index, searches that need it on and
  // off take turns: those without it first, together, then those with it.
  // With merged shards, a second instance keeps it on for every shard.
  const exactInstance = sharedLoad(async () => {
    const pagefind = await pagefindApi();
    const exact = pagefind.createInstance({ ...shared, noWorker: true, exactDiacritics: true });
    await exact.init();
    await Promise.all(merged.map((s) => exact.mergeIndex(bundle(s.path), { ...shared, exactDiacritics: true, language: s.language })));
    return searchOn(exact);
  });
  let exact = false;
  let queue: Promise<unknown> = Promise.resolve();
  const inMode = (mode: boolean, requests: BackendRequest[]): Promise<BackendHit[][]> => {
    if (merged.length > 0) {
      return mode ? exactInstance().then((run) => Promise.all(requests.map(run))) : Promise.all(requests.map(search));
    }
    const turn = queue.then(async () => {
      if (exact !== mode) {
        await (await pagefindApi()).options({ exactDiacritics: mode });
        exact = mode;
      }
      return Promise.all(requests.map(search));
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  const bundles = shards.length ? shards : [{ path: '', language: INDEX_LANGUAGE }];
  /** Every bundle's index hash, primary first, which the files written for every bundle together are checked against. */
  const hashes = sharedLoad(() => Promise.all(readers.map((r) => r.hash())));
  /** The name of those files (count-files.ts, `countSet`). */
  const setName = sharedLoad(async () => countSet(await hashes()));
  /**
   * The count files of every bundle, in the primary's folder; each file is
   * fetched and parsed once, whichever bundles read it.
   */
  const countFiles = sharedLoad(async () => {
    const set = await setName();
    const text = (file: string) => writtenText(bundle(file), CountFileError);
    return {
      manifest: readManifest(await text(manifestFile(set)), await hashes()),
      load: {
        counts: sharedLoads(async (i: number) => readCountFile(await text(countFile(set, i)))),
        phrases: sharedLoads(async (i: number) => readPhraseFile(await text(phraseFile(set, i)))),
        begun: sharedLoads(async (i: number) => readBegunFile(await text(begunFile(set, i)))),
      },
    };
  });
  /** A rewording phrase's file, parsed; undefined when the build wrote none (an older build). */
  const rewordingFile = sharedLoads(async (file: string): Promise<unknown> => {
    const response = await fetch(bundle(file), { cache: 'force-cache' });
    return response.ok ? response.json() : undefined;
  });
  /** What bundle `b` reads of the files written for every bundle together. */
  const sharedFiles = (b: number): SharedFiles => ({
    async counts(pageCount) {
      try {
        const { manifest, load } = await countFiles();
        return { reader: countReader(manifest, b, pageCount, load), weights: manifest.weights[b] };
      } catch (error) {
        // Missing or unreadable: the chunks answer instead.
        if (error instanceof CountFileError || error instanceof SyntaxError) return undefined;
        throw error;
      }
    },
    async rewording(keys, pageCount) {
      const file = rewordingPhraseFile(keys, await setName());
      const lists = file && (await rewordingFile(file));
      return lists === undefined ? undefined : bundlePages(lists, b, readers.length, pageCount);
    },
  });
  const readers = bundles.map((s, b) => wordIndex(bundle(s.path), s.language, sharedFiles(b)));
  /**
   * Plans are numbered bundle by bundle, in page order, once every bundle's
   * page count is in; index reads then answer with numbers, not ids. Ids a
   * Pagefind search returns are numbered by the engine in the same table.
   */
  const plans = new PlanTable();
  /**
   * Each bundle's row of plan numbers, by page. Before any Pagefind hit is
   * numbered, a bundle's pages are numbered as a block, and their ids are
   * learnt only when asked for (`idsOf`). Hits Pagefind found first have
   * numbers already, so then the pages are numbered by id, which needs
   * every id.
   */
  const numbering = sharedLoad(async (): Promise<Int32Array[]> => {
    const counts = await Promise.all(readers.map((r) => r.pageCount()));
    if (plans.size === 0) return counts.map((n) => plans.addBlock(n));
    const ids = await Promise.all(readers.map((r, b) => r.ids(Int32Array.from({ length: counts[b] }, (_, i) => i))));
    return ids.map((list) => plans.addAll(list));
  });
  /** The bundle and page of a plan the numbering gave. */
  const placeOf = (rows: Int32Array[], plan: number): [number, number] | undefined => {
    for (let b = 0; b < rows.length; b++) {
      const page = plan - rows[b][0];
      if (rows[b].length > 0 && page >= 0 && page < rows[b].length && rows[b][page] === plan) return [b, page];
    }
    return undefined;
  };
  /**
   * The ids of plans, learnt from their bundles where the table lacks them:
   * per bundle, its id files for a few plans, its `.pf_meta` for many (word-index.ts).
   */
  const idsOf = async (list: readonly number[]): Promise<string[]> => {
    const missing = list.filter((plan) => plans.ids[plan] === undefined);
    if (missing.length > 0) {
      const rows = await numbering();
      const byBundle = rows.map(() => [] as number[]);
      for (const plan of missing) {
        const place = placeOf(rows, plan);
        if (!place) throw new Error(`plan ${plan} is in no bundle`);
        byBundle[place[0]].push(place[1]);
      }
      await Promise.all(
        byBundle.map(async (pages, b) => {
          if (pages.length === 0) return;
          const ids = await readers[b].ids(pages);
          pages.forEach((page, i) => plans.learn(rows[b][page], ids[i]));
        }),
      );
    }
    return list.map((plan) => plans.ids[plan]!);
  };
  /**
   * Every id in the table before Pagefind's hits are numbered by id, so that
   * a plan it finds gets the number the index files gave it. Without
   * readable index files, the hits are numbered afresh.
   */
  const everyId = sharedLoad(async () => {
    const rows = await numbering();
    await idsOf(rows.flatMap((row) => Array.from(row)));
  });
  const withIds = (hits: Promise<BackendHit[]>): Promise<BackendHit[]> =>
    hits.then((found) => (found.length === 0 ? found : everyId().then(() => found, () => found)));
  /** Pages of one bundle as plan numbers, `planOf` being that bundle's row of `numbering()`. */
  const inPlans = (planOf: Int32Array, pages: ArrayLike<number>): Int32Array => {
    const out = new Int32Array(pages.length);
    for (let i = 0; i < pages.length; i++) out[i] = planOf[pages[i]];
    return out;
  };
  const joined = (lists: Int32Array[]): Int32Array => {
    const out = new Int32Array(lists.reduce((sum, l) => sum + l.length, 0));
    lists.reduce((at, l) => (out.set(l, at), at + l.length), 0);
    return out;
  };
  /** Pages of each bundle, bundle after bundle, as plan numbers. */
  const numbered = async (parts: Promise<ArrayLike<number>[]>): Promise<Int32Array> => {
    const [planOf, pages] = await Promise.all([numbering(), parts]);
    return joined(pages.map((list, b) => inPlans(planOf[b], list)));
  };
  let readable = true;
  /**
   * Every plan as Pagefind gives it, by id: what a plan read from the index
   * files falls back on when its own file cannot be read (fragments.ts).
   * Pagefind loads a result's text only when asked, so this costs one
   * search of every plan, once, and only on that path.
   */
  const everyResult = sharedLoad(async () => {
    const pagefind = await pagefindApi();
    const response = await pagefind.search(null, { sort: { [SORT_BY_DATE]: 'desc' } });
    return new Map((response?.results ?? []).map((r) => [r.id, r]));
  });
  const viaPagefind = (id: string) => () =>
    everyResult().then((results) => results.get(id)?.data() ?? Promise.reject(new Error(`no Pagefind result for ${id}`)));
  const read = (id: string) => load(id, viaPagefind(id)).then(shown);
  /** A plan's text from the fragment its bundle links under its page number (page-files.ts): no id needed. */
  const atPage = async (plan: number): Promise<PlanData> => {
    const place = placeOf(await numbering(), plan);
    if (!place) throw new Error(`plan ${plan} is in no bundle`);
    return readFragment(await readers[place[0]].fragmentUrl(place[1]), base).then(shown);
  };
  const texts = new Map<number, Promise<PlanData>>();
  /** A plan's text by its page number, or, when that file cannot be read, by its id. */
  const planText = (plan: number): Promise<PlanData> => {
    let loaded = texts.get(plan);
    if (!loaded) {
      loaded = atPage(plan).catch(() => {
        // Visible in the browser's performance timeline, and read by the tests.
        performance.mark('kho-search:page-fragment-fallback');
        return idsOf([plan]).then(([id]) => read(id));
      });
      // A failure is asked again next time rather than remembered.
      loaded.catch(() => texts.delete(plan));
      texts.set(plan, loaded);
    }
    return loaded;
  };
  const unscored = (found: Int32Array) => new Answer(found, new Float64Array(found.length).fill(1));
  const lookUp = async (lookup: Lookup): Promise<Answer> => unscored(await numbered(Promise.all(readers.map((r) => r.lookup(lookup)))));
  /** Scored over every bundle at once (relevance.ts), best first. */
  const ranked = async ({ keys }: Ranked): Promise<Answer> => {
    const [planOf, parts] = await Promise.all([numbering(), Promise.all(readers.map((r) => r.counts(keys, META_WEIGHTS)))]);
    const { ids, scores } = bm25(parts.map((p, b) => ({ ...p, ids: inPlans(planOf[b], p.ids) })));
    return new Answer(Int32Array.from(ids), scores);
  };
  /** The plans of one filter value: from the filter's column, else from each bundle's filter file. */
  const filtered = async (name: string, value: string): Promise<Answer> => {
    const column = await facetColumn(name);
    if (column) return unscored(await numbered(Promise.resolve(readers.map((_, b) => column.pagesWith(b, value)))));
    return unscored(await numbered(Promise.all(readers.map((r) => r.filtered(name, value)))));
  };
  /**
   * Every plan by the sort key, as Pagefind's sorted search gives them: each
   * bundle's own order (ascending, or its reverse), bundles newest first, as
   * `search` puts them.
   */
  const sortedAll = async (key: string, ascending: boolean): Promise<Answer> => {
    const [planOf, parts] = await Promise.all([numbering(), Promise.all(readers.map((r) => r.sorted(key)))]);
    // `inPlans` makes a copy, so reversing it leaves the bundle's own order alone.
    const ordered = parts.map((pages, b) => {
      const plans = inPlans(planOf[b], pages);
      return ascending ? plans : plans.reverse();
    });
    return unscored(joined(ascending ? ordered.reverse() : ordered));
  };
  /** Answers from the index files, or, when they cannot be read, from Pagefind. */
  const fromIndex = (r: BackendRequest, read: () => Promise<BackendHit[] | Answer>): Promise<BackendHit[] | Answer> =>
    read().catch((error: unknown) => {
      // An index it cannot read stays so; a failed download may not.
      if (error instanceof IndexFormatError) readable = false;
      // Visible in the browser's performance timeline, and read by the tests.
      performance.mark('kho-search:word-index-fallback');
      return withIds(r.term === null ? search(r) : inMode(Boolean(r.exact), [r]).then(([hits]) => hits));
    });
  /** What the index files can answer, as a read of them. */
  const indexRead = (r: BackendRequest): (() => Promise<BackendHit[] | Answer>) | undefined => {
    if (!readable) return undefined;
    if (r.term !== null && r.ranked) return () => ranked(r.ranked!);
    if (r.term !== null && r.lookup) return () => lookUp(r.lookup!);
    const filters = Object.entries(r.filters ?? {});
    // Every plan in date order, the first thing a page asks.
    if (r.term === null && r.sort && filters.length === 0) {
      const [key, direction] = Object.entries(r.sort)[0];
      return () => sortedAll(key, direction === 'asc');
    }
    // The plans of one filter value, as the query layer asks for them.
    if (r.term === null && !r.sort && filters.length === 1 && filters[0][0] !== SHARD_FILTER) return () => filtered(filters[0][0], filters[0][1]);
    return undefined;
  };

  /**
   * One filter's column by page number (facet-columns.ts); undefined when
   * the build wrote none (an older build, or a filter the page does not
   * know) or it is unreadable.
   */
  const facetColumn = sharedLoads(async (name: string): Promise<FacetColumn | undefined> => {
    if (!(FILTERS as readonly string[]).includes(name)) return undefined;
    const [set, pageCounts] = await Promise.all([setName(), Promise.all(readers.map((r) => r.pageCount()))]);
    try {
      return readFacetColumn(await writtenText(bundle(facetColumnFile(set, name)), FacetColumnsError), name, await hashes(), pageCounts);
    } catch (error) {
      if (error instanceof FacetColumnsError || error instanceof SyntaxError) return undefined;
      throw error;
    }
  });
  /** Each numbered plan's filter values, through its bundle and page; undefined, and the facet table by id used instead, without every column. */
  const planFacets = async (): Promise<FacetSource<number> | undefined> => {
    const [columns, rows] = await Promise.all([Promise.all(FILTERS.map((name) => facetColumn(name))), numbering()]);
    if (!columns.every((c) => c !== undefined)) return undefined;
    const byName = new Map(FILTERS.map((name, i) => [name as string, columns[i]!]));
    const bundleAt = new Int32Array(plans.size).fill(-1);
    const pageAt = new Int32Array(plans.size);
    rows.forEach((row, b) => row.forEach((plan, page) => ((bundleAt[plan] = b), (pageAt[plan] = page))));
    return {
      all: new Map([...byName].map(([name, column]) => [name, column.all])),
      has: (plan) => plan < bundleAt.length && bundleAt[plan] >= 0,
      values: (plan, name) => byName.get(name)?.values(bundleAt[plan], pageAt[plan]) ?? [],
    };
  };

  return {
    plans,
    plan: planText,
    planFacets,
    ids: idsOf,
    searchMany(requests) {
      const reads = requests.map(indexRead);
      // What the index files cannot answer goes to Pagefind, in batches by
      // diacritics mode; filter-only requests have no words, so the mode
      // cannot matter to them: they need not wait their turn.
      const batches = [false, true].map((mode) => {
        const mine = requests.filter((r, i) => !reads[i] && r.term !== null && Boolean(r.exact) === mode);
        return { mine, answers: mine.length ? inMode(mode, mine) : Promise.resolve([]) };
      });
      return requests.map((r, i) => {
        const read = reads[i];
        if (read) return fromIndex(r, read);
        if (r.term === null) return withIds(search(r));
        const { mine, answers } = batches[Number(Boolean(r.exact))];
        return withIds(answers.then((all) => all[mine.indexOf(r)]));
      });
    },
    facets: () =>
      fetch(`${base}pagefind/${FACET_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${r.status} for ${FACET_FILE}`);
        return r.json() as Promise<FacetTable>;
      }),
  };
}
