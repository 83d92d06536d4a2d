/**
 * How the search page reads the index files in headless Chromium, on the
 * fixture archive: each result's text, read from the plan's own file; words
 * and phrases read from the count and phrase files without Pagefind; and what
 * a reader sees when one of the files is missing or fails to download: the
 * same plans, read another way.
 */
import { describe, expect, it } from 'vitest';
import { FACET_FILE, FILTERS, fromIndexText } from '../../src/lib/search/index-fields.ts';
import { COUNT_DIR } from '../../src/lib/search/count-files.ts';
import { PHRASE_DIR } from '../../src/lib/search/phrase-files.ts';
import { SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { browser, facetCounts, open, read, readAll, root, search, shardsOf, sub, useSearchSite } from '../helpers/search-site.ts';

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

describe('the page reads the index files it needs, and copes when one is missing', () => {
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
