/**
 * How the search page reads the index files the build writes, in headless
 * Chromium against the fixture archive: each result's text, whole words and
 * phrases, the files that stand in for Pagefind's own, what the page does
 * when one of them is missing, and an index split into shards. Checks of
 * agreement with Pagefind's own answers run on a sample of the fixtures'
 * words, enough to reach every kind of file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedPageIds } from '../../src/integrations/stored-pages.ts';
import { FACET_FILE, FILTERS, INDEX_LANGUAGE, META_WEIGHTS, SHARD_FILTER, SORT_BY_DATE, fromIndexText, pageIdLanguage, toIndexText } from '../../src/lib/search/index-fields.ts';
import { countTerms, lookUpPages, readChunk, readFilter, readMeta } from '../../src/lib/search/pagefind-index.ts';
import { COUNT_DIR, PHRASE_WORDS, begunFile, countFile, countReader, countSet, countTermsCounted, lookUpCounted, manifestFile, phraseFile, readBegunFile, readCountFile, readManifest, readPhraseFile } from '../../src/lib/search/count-files.ts';
import { facetColumnFile, readFacetColumn } from '../../src/lib/search/facet-columns.ts';
import { ID_BLOCK, idFile, pageFile, pageFragment, pageInfo, readIdFile, readPageFile } from '../../src/lib/search/page-files.ts';
import { PHRASE_DIR, bundlePages, phraseFiles } from '../../src/lib/search/phrase-files.ts';
import { exactKey, wordKeys, words } from '../../src/lib/search/text.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { type StaticServer } from '../helpers/server.ts';
import { browser, facetCounts, folded, open, plans, read, readAll, root, search, shardsOf, sub, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

describe('reading the results\' text', () => {
  it('decodes Pagefind\'s stored text itself, giving what Pagefind\'s data() gives', async () => {
    const { page, slugs } = await open({ q: 'dong thap' });
    expect(slugs.length).toBeGreaterThan(0);
    const shown = await page.$$eval('[data-search-results] > li a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    // A string, so that the test runner leaves its dynamic import alone.
    const viaPagefind = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search('dong thap');
      const data = await Promise.all(results.map((r) => r.data()));
      return data.map((d) => [d.url, d.meta.title]);
    })()`)) as string[][];
    // Pagefind's text is the indexed text, đ written with a stroke; the page writes it back.
    expect(viaPagefind.map(([url, title]) => [url, fromIndexText(title)])).toEqual(expect.arrayContaining(shown));
    expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length)).toBe(0);
    await page.close();
  });

  it('reads each result of a sharded index from its own shard, under its page number, with no id', async () => {
    // Newest first across shards of six plans: the first page of results spans several shards.
    const { page, slugs } = await open({ q: 'kế hoạch', 'sap-xep': 'moi-nhat' }, sub, SUB_BASE);
    expect(slugs.length).toBeGreaterThan(6);
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const fetched = requested.filter((p) => p.endsWith('.pf_fragment'));
    expect(fetched.length).toBeGreaterThanOrEqual(slugs.length);
    // Each file sits in a shard's own page fragments: the shard its plan is in.
    const shards = shardsOf(SITE_SUB);
    const shardOf = (p: string) => shards.find((s) => p.startsWith(`${SUB_BASE}pagefind/${s.path}${COUNT_DIR}/`));
    for (const p of fetched) expect(p).toMatch(new RegExp(`/${COUNT_DIR}/[^/]+/trang/\\d+\\.pf_fragment$`));
    expect(new Set(fetched.map((p) => shardOf(p)?.name)).size).toBeGreaterThan(1);
    expect(fetched.every((p) => shardOf(p) !== undefined)).toBe(true);
    // Showing a result asked for no id, nor for a fragment by id.
    expect(requested.filter((p) => /\/ma\d+\.json$/.test(p) || /\/fragment\/[^/]+\.pf_fragment$/.test(p))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('kho-search:page-fragment-fallback').length)).toBe(0);
    await page.close();
  });

  it('shows the same results by id when the page fragments are missing (an older build)', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'đội ngũ cán bộ' };
      const normal = await open(params, server, base);
      const expected = await readAll(normal.page, base);
      await normal.page.close();
      const page = await browser.newPage();
      await page.route(
        (url) => /\/trang\/\d+\.pf_fragment$/.test(url.pathname),
        (route) => route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      const got = await readAll(page, base);
      expect(got.slugs.length, base).toBeGreaterThan(0);
      expect({ slugs: got.slugs, count: got.count }, base).toEqual({ slugs: expected.slugs, count: expected.count });
      const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(requested.some((p) => /\/fragment\/[^/]+\.pf_fragment$/.test(p)), base).toBe(true);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:page-fragment-fallback').length), base).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length), base).toBe(0);
      await page.close();
    }
  });
});

describe('whole words and phrases read from the index files', () => {
  /** The metadata of the bundle in `folder`, found through its entry file as the search page finds it. */
  function bundleMeta(folder: string, language: string) {
    return readMeta(gunzipSync(readFileSync(join(folder, `pagefind.${indexHash(folder, language)}.pf_meta`))));
  }

  /** The hash of the index of the bundle in `folder`, as its entry file names it. */
  const indexHash = (folder: string, language: string): string => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).languages[language].hash;

  /** Each bundle of a build, with its metadata and a chunk loader, as the search page reads them. */
  function bundlesOf(dir: string) {
    const shards = shardsOf(dir);
    return (shards.length ? shards : [{ path: '', language: INDEX_LANGUAGE }]).map((b) => {
      const folder = join(dir, 'pagefind', b.path);
      const load = (hash: string, count: number) => readChunk(gunzipSync(readFileSync(join(folder, 'index', `${hash}.pf_index`))), count);
      const meta = bundleMeta(folder, b.language);
      return { folder, language: b.language, meta, load, words: () => meta.chunks.flatMap((c) => [...load(c.hash, meta.pages.length).keys()]) };
    });
  }

  /** The search page's reading of a build's index files, run in Node: the ids of the pages holding the words, over every bundle. */
  async function fromFiles(dir: string, keys: string[], exact?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of await lookUpPages(meta, keys, exact, load)) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /** The pages a ranked search of the keys reads from the index files, over every bundle. */
  async function rankedFromFiles(dir: string, keys: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of (await countTerms(meta, keys, [], load)).pages) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /**
   * Runs `body`, a function body with `pagefind` in scope (every bundle
   * merged), on the search page of a build, and returns what it returns. A
   * string, so that the test runner leaves its dynamic import alone.
   */
  async function inPagefind<T>(server: StaticServer, dir: string, base: string, body: string): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}tim-kiem/`);
      return (await page.evaluate(`(async () => {
        const base = ${JSON.stringify(base)};
        const pagefind = await import(base + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: base, noWorker: true });
        for (const s of ${JSON.stringify(shardsOf(dir).slice(1))}) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        ${body}
      })()`)) as T;
    } finally {
      await page.close();
    }
  }

  /**
   * Words of the fixture plans, folded, spellings with diacritics, as the
   * index writes them, and runs of two to four words from each plan: every
   * third of each, in the order the plans give them, which still reaches
   * every count file, so that comparing each with Pagefind's answer stays
   * quick.
   */
  const vocabulary = () => {
    const { keys, spellings, phrases } = fullVocabulary();
    const third = <T,>(list: T[]) => list.filter((_, i) => i % 3 === 0);
    return { keys: third(keys), spellings: third(spellings), phrases: third(phrases) };
  };

  const fullVocabulary = () => {
    const keys = new Set<string>();
    const spellings = new Map<string, string>();
    const phrases = new Set<string>();
    for (const p of plans) {
      const ks = wordKeys(p.text);
      for (let at = 0; at + 4 < ks.length; at += 11) phrases.add(ks.slice(at, at + 2 + (at % 3)).join(' '));
      for (const w of words(p.text)) {
        const key = wordKeys(w)[0];
        keys.add(key);
        // As exactKey spells it, "&" dropped, but with the tone placement written.
        const spelled = toIndexText(w.toLowerCase().replace(/&/g, ''));
        if (spelled !== key) spellings.set(spelled, key);
      }
    }
    // Words no plan has side by side, and across a sentence or a field.
    for (const extra of ['ke hoach cai cach hanh chinh', 'chi so cai cach hanh chinh', 'hanh chinh ke', 'so 4003', 'cai cach xyzzy']) phrases.add(extra);
    return { keys: [...keys], spellings: [...spellings], phrases: [...phrases] };
  };

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])('give, for every word of the plans and runs of their words, the pages Pagefind finds for them (%s index)', async (_, which) => {
    const [server, dir, base] = which();
    const { keys, spellings, phrases } = vocabulary();
    expect(keys.length).toBeGreaterThan(70);
    expect(spellings.length).toBeGreaterThan(30);
    expect(phrases.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    const shards = shardsOf(dir);
    // A string, so that the test runner leaves its dynamic import alone.
    const pagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const exact = pagefind.createInstance({ baseUrl: base, noWorker: true, exactDiacritics: true });
      for (const s of shards.slice(1)) {
        await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        await exact.mergeIndex(base + 'pagefind/' + s.path, { exactDiacritics: true, language: s.language });
      }
      const ids = async (instance, term) => ((await instance.search('"' + term + '"'))?.results ?? []).map((r) => r.id).sort();
      const out = { keys: {}, spellings: {}, phrases: {} };
      for (const k of ${JSON.stringify(keys)}) out.keys[k] = await ids(pagefind, k);
      for (const [s] of ${JSON.stringify(spellings)}) out.spellings[s] = await ids(exact, s);
      for (const p of ${JSON.stringify(phrases)}) out.phrases[p] = await ids(pagefind, p);
      return out;
    })()`)) as Record<'keys' | 'spellings' | 'phrases', Record<string, string[]>>;
    for (const key of keys) expect(await fromFiles(dir, [key]), key).toEqual(pagefind.keys[key]);
    for (const [spelled, key] of spellings) expect(await fromFiles(dir, [key], spelled), spelled).toEqual(pagefind.spellings[spelled]);
    for (const phrase of phrases) expect(await fromFiles(dir, phrase.split(' ')), phrase).toEqual(pagefind.phrases[phrase]);
    // Some runs are found only as runs: the test is not only of single words.
    expect(phrases.filter((p) => pagefind.phrases[p].length > 0).length).toBeGreaterThan(phrases.length / 2);
    await page.close();
  }, 120_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for ranked searches the pages of Pagefind's own search, held to whole words but the last (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const { keys, phrases } = vocabulary();
    // Half of each word, as one being typed; every word; runs of words, the last whole or half typed.
    const queries = [
      ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]),
      ...keys.map((k) => [k]),
      ...phrases.flatMap((p) => {
        const ks = p.split(' ');
        const last = ks[ks.length - 1];
        return [ks, [...ks.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))]];
      }),
    ];
    // Pagefind stands a last word that begins no word of an index for the longest start of it that is a word,
    // but only among the words it has loaded so far, which depends on earlier searches: the unit tests cover
    // that. So each query is compared in the bundles having a word it begins.
    const bundleWords = bundlesOf(dir).map((b) => ({ language: b.language, words: b.words() }));
    const comparedIn = (q: string[]) => new Set(bundleWords.filter((b) => b.words.some((w) => w.startsWith(q[q.length - 1]))).map((b) => b.language));
    const wholeWords = [...new Set(queries.flatMap((q) => q.slice(0, -1)))];
    const pagefind = await inPagefind<{ ranked: Record<string, string[]>; whole: Record<string, string[]> }>(
      server,
      dir,
      base,
      `const ids = async (term) => ((await pagefind.search(term))?.results ?? []).map((r) => r.id);
      const out = { ranked: {}, whole: {} };
      for (const q of ${JSON.stringify(queries)}) out.ranked[q.join(' ')] = await ids(q.join(' '));
      for (const w of ${JSON.stringify(wholeWords)}) out.whole[w] = await ids('"' + w + '"');
      return out;`,
    );
    let found = 0;
    let compared = 0;
    for (const q of queries) {
      const held = q.slice(0, -1).map((w) => new Set(pagefind.whole[w]));
      const bundles = comparedIn(q);
      const inBundles = (id: string) => bundles.has(pageIdLanguage(id) ?? '');
      const expected = pagefind.ranked[q.join(' ')].filter((id) => inBundles(id) && held.every((s) => s.has(id))).sort();
      expect((await rankedFromFiles(dir, q)).filter(inBundles), q.join(' ')).toEqual(expected);
      if (expected.length) found++;
      compared += bundles.size;
    }
    expect(found).toBeGreaterThan(queries.length / 2);
    expect(compared).toBeGreaterThan(queries.length * bundleWords.length * 0.6);
  }, 180_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for every filter value the pages of Pagefind's filtered search (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    // Every value of every filter, as the index files have them.
    const fromFiles = new Map<string, string[]>();
    for (const { folder, meta } of bundlesOf(dir)) {
      for (const name of FILTERS) {
        const hash = meta.filters.get(name);
        if (!hash) continue;
        for (const [value, pages] of readFilter(gunzipSync(readFileSync(join(folder, 'filter', `${hash}.pf_filter`))), meta.pages.length)) {
          const key = `${name}=${value}`;
          fromFiles.set(key, [...(fromFiles.get(key) ?? []), ...Array.from(pages, (p) => meta.pages[p])]);
        }
      }
    }
    expect(new Set([...fromFiles.keys()].map((k) => k.split('=')[0]))).toEqual(new Set(FILTERS));
    const viaPagefind = await inPagefind<Record<string, string[]>>(
      server,
      dir,
      base,
      `const out = {};
      for (const key of ${JSON.stringify([...fromFiles.keys()])}) {
        const [name, value] = key.split('=');
        out[key] = ((await pagefind.search(null, { filters: { [name]: value } }))?.results ?? []).map((r) => r.id).sort();
      }
      return out;`,
    );
    for (const [key, ids] of fromFiles) expect(ids.sort(), key).toEqual(viaPagefind[key]);
    // The same from the facet columns, a file per filter, which the page reads first.
    const bundles = bundlesOf(dir);
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    for (const name of FILTERS) {
      const text = readFileSync(join(dir, 'pagefind', facetColumnFile(set, name)), 'utf8');
      const column = readFacetColumn(text, name, hashes, bundles.map((b) => b.meta.pages.length));
      expect([...column.all].sort(), name).toEqual([...fromFiles.keys()].filter((k) => k.startsWith(`${name}=`)).map((k) => k.slice(name.length + 1)).sort());
      for (const value of column.all) {
        const ids = bundles.flatMap((b, i) => Array.from(column.pagesWith(i, value), (page) => b.meta.pages[page]));
        expect(ids.sort(), `${name}=${value}`).toEqual(viaPagefind[`${name}=${value}`]);
      }
    }
  });

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give every plan in the order of Pagefind's sorted search, newest or oldest first (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const shards = shardsOf(dir);
    const bundles = shards.length ? shards : [{ name: '', path: '', language: INDEX_LANGUAGE }];
    // Each bundle's ascending order from its metadata, as the search page reads it.
    const ascending = bundles.map((b) => {
      const meta = bundleMeta(join(dir, 'pagefind', b.path), b.language);
      return Array.from(meta.sorts.get(SORT_BY_DATE)!, (p) => meta.pages[p]);
    });
    expect(ascending.flat()).toHaveLength(plans.length);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    // Pagefind's own sorted search, one bundle at a time (merged bundles interleave).
    const viaPagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const sorted = async (d, filters) => ((await pagefind.search(null, { sort: { ${JSON.stringify(SORT_BY_DATE)}: d }, filters }))?.results ?? []).map((r) => r.id);
      if (shards.length === 0) return [{ desc: await sorted('desc', {}), asc: await sorted('asc', {}) }];
      const tag = (s) => ({ ${JSON.stringify(SHARD_FILTER)}: s.name });
      await pagefind.options({ mergeFilter: tag(shards[0]) });
      for (const s of shards.slice(1)) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language, mergeFilter: tag(s) });
      const out = [];
      for (const s of shards) out.push({ desc: await sorted('desc', tag(s)), asc: await sorted('asc', tag(s)) });
      return out;
    })()`)) as { desc: string[]; asc: string[] }[];
    ascending.forEach((ids, i) => {
      expect(viaPagefind[i].asc).toEqual(ids);
      expect(viaPagefind[i].desc).toEqual([...ids].reverse());
    });
    await page.close();
  });

  it('answer the search page without falling back to Pagefind, or loading it, sharded or not', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams({ q: 'hoà giải cơ sở "một cửa" 4003/QĐ-UBND' })}`);
      const { slugs } = await read(page, base);
      // A half-typed last word, a filter alone, a filter with words, the date order, and a phrase longer than the count files hold.
      for (const params of <Record<string, string>[]>[
        { q: 'đội ngũ cán b' },
        { nam: '2022' },
        { q: 'kế hoạch', tinh: 'dong-thap' },
        { q: 'kế hoạch', 'sap-xep': 'cu-nhat' },
        { q: '"cải cách hành chính năm 2020"' },
      ]) {
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
        expect((await read(page, base)).slugs.length, JSON.stringify(params)).toBeGreaterThan(0);
      }
      expect(slugs.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
      // Pagefind's script and WebAssembly are the fallback only.
      expect(requested.filter((p) => /pagefind\.js$|\.pagefind$|wasm/.test(p)), base).toEqual([]);
      // Read from the count files, and the index chunks for what they leave (a phrase of more than four words).
      expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`))).toBe(true);
      expect(requested.some((p) => p.endsWith('.pf_index'))).toBe(true);
      await page.close();
    }
  });

  it('fall back to Pagefind when they cannot be read, with the same plans', async () => {
    for (const q of ['đội ngũ cán bộ', '4003/QĐ-UBND']) {
      const expected = await search(q);
      const page = await browser.newPage();
      // Pagefind asks for pagefind-entry.json with a cache-busting query; the
      // search page's reader asks for the plain file, which here names no
      // index it can read.
      await page.route(
        (url) => url.pathname.endsWith('/pagefind-entry.json') && url.search === '',
        (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ version: '1.6.0', languages: {} }) }),
      );
      await page.goto(`${root.url}tim-kiem/?${new URLSearchParams({ q })}`);
      // The same plans; within a tier Pagefind's relevance may order them otherwise than the index's.
      expect((await readAll(page)).slugs.sort(), q).toEqual([...expected].sort());
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length), q).toBeGreaterThan(0);
      await page.close();
    }
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the files the build writes the pages each rewording phrase reads from the index (%s index)', async (_, dir) => {
    let found = 0;
    // One file per phrase for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const set = countSet(bundles.map(({ folder, language }) => indexHash(folder, language)));
    for (const [keys, file] of phraseFiles(set)) {
      const lists: unknown = JSON.parse(readFileSync(join(dir(), 'pagefind', file), 'utf8'));
      for (const [b, { folder, meta, load }] of bundles.entries()) {
        const written = Array.from(bundlePages(lists, b, bundles.length, meta.pages.length));
        const read = await lookUpPages(meta, keys, undefined, load);
        expect(written, `${folder} ${keys.join(' ')}`).toEqual(read.sort((a, b) => a - b));
        if (written.length) found++;
      }
    }
    expect(found).toBeGreaterThan(1);
  });

  it('read a rewording phrase from its file, and from the index when the file is missing', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'CCHC' };
      const normal = await open(params, server, base);
      const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      // One file for every bundle, however many shards.
      expect(requested.filter((p) => p.includes(`/${PHRASE_DIR}/`) && p.endsWith('/cai-cach-hanh-chinh.json')), base).toEqual([
        expect.stringMatching(new RegExp(`^${base}pagefind/${PHRASE_DIR}/chung_[0-9a-f]+/cai-cach-hanh-chinh\\.json$`)),
      ]);
      await normal.page.close();
      const page = await browser.newPage();
      await page.route(
        (url) => url.pathname.includes(`/${PHRASE_DIR}/`),
        (route) => route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      expect((await readAll(page, base)).slugs, base).toEqual(normal.slugs);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
      await page.close();
    }
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the count files the answers the index gives, for every word, spelling, phrase and ranked search of the plans (%s index)', async (_, dir) => {
    const { keys, spellings, phrases } = vocabulary();
    const queries = [...keys.map((k) => [k]), ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]), ...phrases.map((p) => p.split(' '))];
    let phrasesAnswered = 0;
    // One set of files for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    const file = (name: string) => readFileSync(join(dir(), 'pagefind', name), 'utf8');
    const manifest = readManifest(file(manifestFile(set)), hashes);
    for (const [b, { meta, load }] of bundles.entries()) {
      const reader = countReader(manifest, b, meta.pages.length, {
        counts: async (i) => readCountFile(file(countFile(set, i))),
        phrases: async (i) => readPhraseFile(file(phraseFile(set, i))),
        begun: async (i) => readBegunFile(file(begunFile(set, i))),
      });
      const sorted = (pages: ArrayLike<number>) => Array.from(pages).sort((a, b) => a - b);
      for (const key of keys) expect(sorted((await lookUpCounted(reader, [key], undefined))!), key).toEqual(sorted(await lookUpPages(meta, [key], undefined, load)));
      for (const [spelled, key] of spellings) {
        expect(sorted((await lookUpCounted(reader, [key], spelled))!), spelled).toEqual(sorted(await lookUpPages(meta, [key], spelled, load)));
      }
      for (const phrase of phrases) {
        const ks = phrase.split(' ');
        const counted = await lookUpCounted(reader, ks, undefined);
        // Undefined only for what the files leave to the index: a phrase longer than their runs.
        if (counted === undefined) {
          expect(ks.length, phrase).toBeGreaterThan(PHRASE_WORDS);
          continue;
        }
        if (ks.length <= PHRASE_WORDS) phrasesAnswered++;
        expect(sorted(counted), phrase).toEqual(sorted(await lookUpPages(meta, ks, undefined, load)));
      }
      const weights = meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);
      for (const q of queries) {
        const counted = await countTermsCounted(reader, q, meta.pages.length);
        const read = await countTerms(meta, q, weights, load);
        expect({ ...counted, counts: counted.counts.map((c) => [...c]) }, q.join(' ')).toEqual({ ...read, counts: read.counts.map((c) => [...c]) });
      }
    }
    expect(phrasesAnswered).toBeGreaterThan(phrases.length / 2);
    expect(phrasesAnswered).toBe(phrases.filter((p) => p.split(' ').length <= PHRASE_WORDS).length * bundlesOf(dir()).length);
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])("give in the page files what each bundle's .pf_meta gives: word counts, sort orders, filters, fields, ids and each page's fragment (%s index)", (_, dir) => {
    for (const { folder, language, meta } of bundlesOf(dir())) {
      const hash = indexHash(folder, language);
      const info = readPageFile(readFileSync(join(folder, pageFile(hash)), 'utf8'));
      expect(info, folder).toEqual({ ...pageInfo(meta), idBlock: ID_BLOCK });
      const ids: string[] = [];
      for (let block = 0; block * ID_BLOCK < meta.pages.length; block++) ids.push(...readIdFile(readFileSync(join(folder, idFile(hash, block)), 'utf8'), block, info));
      expect(ids, folder).toEqual(meta.pages);
      // Each page's fragment under its number is Pagefind's fragment of that page's id.
      meta.pages.forEach((id, page) => {
        expect(readFileSync(join(folder, pageFragment(hash, page))).equals(readFileSync(join(folder, 'fragment', `${id}.pf_fragment`))), `${folder} ${page}`).toBe(true);
      });
    }
  });

  it('show and count the same plans when the page files, the facet columns or the id files are missing, reading .pf_meta, the filter files and the facet table instead', async () => {
    // Each missing file once, half of them on each build.
    const missingIn = new Map([
      ['/', [/\/trang\.json$/, /\/loc-nam\.json$/]],
      [SUB_BASE, [/\/loc-cap\.json$/, /\/(loc-[a-z-]+|ma\d+)\.json$/]],
    ]);
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'kế hoạch', nam: '2022' };
      const normal = await open(params, server, base);
      const expected = await readAll(normal.page, base);
      expect(expected.slugs.length, base).toBeGreaterThan(0);
      const counts = await facetCounts(normal.page);
      // Filtered and counted by page number, a column per filter: no id of any plan, no filter file, nor the facet table by id.
      const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(requested.filter((p) => /\/loc-[a-z-]+\.json$/.test(p)).map((p) => p.replace(/^.*\/loc-/, '')).sort(), base).toEqual(FILTERS.map((f) => `${f}.json`).sort());
      expect(requested.filter((p) => /\/ma\d+\.json$/.test(p) || p.endsWith('.pf_meta') || p.endsWith('.pf_filter') || p.endsWith(`/${FACET_FILE}`)), base).toEqual([]);
      await normal.page.close();
      for (const missing of missingIn.get(base)!) {
        const page = await browser.newPage();
        await page.route(
          (url) => url.pathname.includes(`/${COUNT_DIR}/`) && missing.test(url.pathname),
          (route) => route.fulfill({ status: 404, body: '' }),
        );
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
        const got = await readAll(page, base);
        expect({ slugs: got.slugs, count: got.count }, `${base} ${missing}`).toEqual({ slugs: expected.slugs, count: expected.count });
        expect(await facetCounts(page), `${base} ${missing}`).toEqual(counts);
        expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
        await page.close();
      }
    }
  });

  it('answer words, spellings, phrases and rankings from the count files, and from the index when they are missing', async () => {
    // Whole words, a half-typed one, a quoted phrase, and more words than the phrase files' runs
    // (searches.ts, `phraseSearches`): each once, half of them on each build.
    const queriesIn = new Map([
      ['/', ['đội ngũ cán bộ', 'kế hoạch cải c']],
      [SUB_BASE, ['"một cửa" liên thông', 'kế hoạch cải cách hành chính']],
    ]);
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      for (const q of queriesIn.get(base)!) {
        const normal = await open({ q }, server, base);
        const expected = (await readAll(normal.page, base)).slugs;
        const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
        expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`)), `${base} ${q}`).toBe(true);
        // One set of count and phrase files for every bundle, in the primary's folder: a word is one file, however many shards.
        const countFiles = requested.filter((p) => /\/[dc]\d+\.json$/.test(p));
        expect(countFiles.length, `${base} ${q}`).toBeGreaterThan(0);
        for (const p of countFiles) expect(p, `${base} ${q}`).toMatch(new RegExp(`^${base}pagefind/${COUNT_DIR}/chung_[0-9a-f]+/[dc]\\d+\\.json$`));
        expect(new Set(countFiles).size, `${base} ${q}`).toBe(countFiles.length);
        // Nothing left for the index chunks, nor for Pagefind's metadata: the page files stand in for it.
        expect(requested.filter((p) => p.endsWith('.pf_index')), `${base} ${q}`).toEqual([]);
        expect(requested.filter((p) => p.endsWith('.pf_meta')), `${base} ${q}`).toEqual([]);
        await normal.page.close();
        const page = await browser.newPage();
        await page.route(
          (url) => url.pathname.includes(`/${COUNT_DIR}/`),
          (route) => route.fulfill({ status: 404, body: '' }),
        );
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams({ q })}`);
        expect(expected.length, `${base} ${q}`).toBeGreaterThan(0);
        expect((await readAll(page, base)).slugs, `${base} ${q}`).toEqual(expected);
        expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
        await page.close();
      }
    }
  });

  it('ask for the count files again on the next query when a download of them failed', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    let failed = 0;
    // The first ask for the list of count files fails as a dropped connection does; later ones go through.
    await page.route(
      (url) => url.pathname.includes(`/${COUNT_DIR}/`) && url.pathname.endsWith('/index.json'),
      (route) => (failed++ === 0 ? route.abort('connectionreset') : route.continue()),
    );
    await page.goto(`${root.url}tim-kiem/?${new URLSearchParams({ q: 'đội ngũ cán bộ' })}`);
    const first = await read(page);
    // The same plans, whether each question read the chunks or asked for the list again and got it.
    expect(first.slugs).toEqual((await search('đội ngũ cán bộ')).slice(0, first.slugs.length));
    requested.length = 0;
    await page.fill('#q', 'hoà giải');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hoà giải');
    const second = await read(page);
    expect(second.slugs).toEqual((await search('hoà giải')).slice(0, second.slugs.length));
    // The list was asked for again (once it came, never more), and this query read the count files, not the chunks.
    expect(failed).toBe(2);
    expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`) && /\/d\d+\.json$/.test(p))).toBe(true);
    expect(requested.filter((p) => p.endsWith('.pf_index'))).toEqual([]);
    await page.close();
  });

  it("show a plan read from the index files through Pagefind's own result when its file cannot be read", async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'đội ngũ cán bộ' };
      const normal = await open(params, server, base);
      await normal.page.close();
      const page = await browser.newPage();
      // The page's own read of each plan's file comes first, and gets bytes
      // that are neither gzip nor Pagefind's; Pagefind, asked after, gets the file.
      const served = new Set<string>();
      await page.route(
        (url) => url.pathname.endsWith('.pf_fragment'),
        (route) => {
          const url = route.request().url();
          if (served.has(url)) return route.continue();
          served.add(url);
          return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'not a fragment' });
        },
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      const { slugs } = await read(page, base);
      expect(slugs.length).toBeGreaterThan(0);
      expect(slugs, base).toEqual(normal.slugs.slice(0, slugs.length));
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length)).toBeGreaterThan(0);
      // The titles shown are Pagefind's text with đ written back.
      const titles = await page.$$eval('[data-search-results] > li a', (as) => as.map((a) => a.textContent ?? ''));
      expect(titles.join(' ')).not.toMatch(/[\u1E0E\u1E0F]/);
      expect(titles.every((t) => t.trim().length > 0)).toBe(true);
      await page.close();
    }
  });
});

describe('a search index split into shards', () => {
  it('is written as several Pagefind bundles, each holding some plans', () => {
    expect(shardsOf(SITE_ROOT)).toEqual([]);
    const shards = shardsOf(SITE_SUB);
    expect(shards.length).toBeGreaterThan(2);
    expect(shards[0].path).toBe('');
    // Each shard is indexed as a language of its own, which every page id it
    // stores carries, so that no id repeats across shards.
    expect(shards[0].language).toBe('vi');
    const ids: string[] = [];
    for (const { path, language } of shards) {
      const entry = JSON.parse(readFileSync(join(SITE_SUB, 'pagefind', path, 'pagefind-entry.json'), 'utf8')) as { languages: object };
      expect(Object.keys(entry.languages)).toEqual([language]);
      const own = storedPageIds(join(SITE_SUB, 'pagefind', path));
      expect(own.length).toBeGreaterThan(0);
      for (const id of own) expect(id.startsWith(`${language}_`)).toBe(true);
      ids.push(...own);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(shards.map((s) => s.language)).size).toBe(shards.length);
  });

  it.each([
    ['moi-nhat', -1],
    ['cu-nhat', 1],
  ] as const)('sorts by issue date across shards (%s)', async (order, sign) => {
    const cases: Record<string, string>[] = [{ q: 'kế hoạch', 'sap-xep': order }, { nam: '2020', 'sap-xep': order }];
    for (const params of cases) {
      const split = await open(params, sub, SUB_BASE);
      await split.page.close();
      const keys = split.slugs.map((s) => plans.find((p) => p.slug === s)!.sortKey);
      expect(keys.length).toBeGreaterThan(3);
      expect(keys).toEqual([...keys].sort((a, b) => sign * a.localeCompare(b)));
    }
  });

  // Relevance scores differ between shards (each has its own word statistics),
  // so only what a rule decides must come first in both; and Pagefind's prefix
  // matching reaches words across chunk boundaries that depend on the index,
  // so the shards may find a plan more, never one less.
  it.each([
    ['dòng', true],
    ['4003/QĐ-UBND', true],
    ['"một cửa liên thông"', true],
    ['doi ngu can bo', true],
    ['hoá đơn', false],
    ['CCHC', false],
    ['tinh gi', false],
    ['ủy ban', false],
  ])('"%s" finds at least the plans of the whole index (same first result: %s)', async (q, sameFirst) => {
    const [whole, split] = await Promise.all([open({ q }), open({ q }, sub, SUB_BASE)]);
    await Promise.all([whole.page.close(), split.page.close()]);
    expect(whole.slugs.length).toBeGreaterThan(0);
    expect(split.slugs).toEqual(expect.arrayContaining(whole.slugs));
    if (sameFirst) expect(split.slugs[0]).toBe(whole.slugs[0]);
  });

  it('filters and counts across shards', async () => {
    const params = { q: 'kế hoạch', tinh: 'dong-thap' };
    const [whole, split] = await Promise.all([open(params), open(params, sub, SUB_BASE)]);
    await Promise.all([whole.page.close(), split.page.close()]);
    expect(whole.slugs.length).toBeGreaterThan(0);
    expect(new Set(split.slugs)).toEqual(new Set(whole.slugs));
    expect(split.count).toBe(whole.count);
  });
});
