/**
 * The search page and its index files, in headless Chromium on the fixture
 * archive: it answers from its own index (chi-muc/) alone, whether the host
 * sends the files gzipped or already decoded; and when one of them cannot be
 * read, it reaches its error state and says in Vietnamese which file, with
 * no result from anywhere else; only the filter counts missing, it keeps the
 * results and says so in the filter box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS_PER_PAGE } from '../../src/lib/search/engine.ts';
import { INDEX_DIR, INDEX_FORMAT, MANIFEST_FILE } from '../../src/lib/search/index-format.ts';
import { SITE_ROOT, SUB_BASE } from '../helpers/paths.ts';
import { browser, facetCounts, manifestOf, open, read, readAll, root, search, sub, useSearchSite } from '../helpers/search-site.ts';
import type { StaticServer } from '../helpers/server.ts';

useSearchSite();

type Answer = (route: Route) => Promise<void>;

/** A page of its own (routes stay with it) whose requests for files matching `pattern` get `answer`; every path it asks for is recorded. */
async function routedPage(pattern: RegExp, answer: Answer): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route((url) => pattern.test(url.pathname), answer);
  return { page, requested };
}

const goto = (page: Page, params: Record<string, string>, server: StaticServer = root) => page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);

/** What the page shows once in its error state. */
async function readError(page: Page) {
  await page.waitForSelector('[data-search-results][data-search-state="error"]', { state: 'attached' });
  return {
    count: (await page.textContent('[data-search-count]')) ?? '',
    notices: await page.$$eval('[data-search-notices] li', (items) => items.map((li) => li.textContent ?? '')),
    results: await page.$$eval('[data-search-results] > li', (items) => items.length),
  };
}

const notFound: Answer = (route) => route.fulfill({ status: 404, body: '' });
const FILE = String.raw`chi-muc/[\w-]+`;
const TERM_BLOCK = /\/chi-muc\/[\w-]+\/tu-\d+\.json\.gz$/;
const FRAGMENT = /\/chi-muc\/[\w-]+\/vb\/\d+\.pf_fragment$/;
const MANIFEST = new RegExp(`/${INDEX_DIR}/${MANIFEST_FILE.replace('.', '\\.')}$`);

describe('when all is well, the page', () => {
  it('reads its own index alone, and the manifest once for every search, sharded or not', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => (r.resourceType() === 'fetch' || r.url().includes('/pagefind/')) && fetched.push(new URL(r.url()).pathname));
      await goto(page, { q: 'hoà giải cơ sở "một cửa" 4003/QĐ-UBND' }, server);
      expect((await readAll(page, base)).slugs.length, base).toBeGreaterThan(0);
      // A half-typed last word; then words with a filter.
      await page.fill('#q', 'đội ngũ cán b');
      await page.press('#q', 'Enter');
      expect((await readAll(page, base)).slugs.length, base).toBeGreaterThan(0);
      await page.fill('#q', 'kế hoạch');
      await page.selectOption('#loc-tinh', 'dong-thap');
      expect((await readAll(page, base)).slugs.length, base).toBeGreaterThan(0);
      expect(fetched.filter((p) => !p.startsWith(`${base}${INDEX_DIR}/`)), base).toEqual([]);
      expect(fetched.filter((p) => MANIFEST.test(p)), base).toHaveLength(1);
      expect(fetched.some((p) => TERM_BLOCK.test(p)) && fetched.some((p) => FRAGMENT.test(p)), base).toBe(true);
      await page.close();
    }
  });

  it.each([
    ['as they are, gzip', (bytes: Buffer) => bytes],
    ['decoded (Content-Encoding: gzip)', (bytes: Buffer) => gunzipSync(bytes)],
  ])('gives the same answers whether the host sends the files %s', async (_, send) => {
    const params = { q: 'đội ngũ cán bộ', nam: '2022' };
    const { page: normal, slugs } = await open(params);
    const counts = await facetCounts(normal);
    await normal.close();
    expect(slugs.length).toBeGreaterThan(0);
    const served: string[] = [];
    const { page } = await routedPage(/\.(json\.gz|pf_fragment)$/, (route) => {
      const path = new URL(route.request().url()).pathname;
      served.push(path);
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: send(readFileSync(join(SITE_ROOT, path))) });
    });
    await goto(page, params);
    expect((await readAll(page)).slugs).toEqual(slugs);
    expect(await facetCounts(page)).toEqual(counts);
    expect([TERM_BLOCK, FRAGMENT, /\/loc\.json\.gz$/].map((kind) => served.some((p) => kind.test(p)))).toEqual([true, true, true]);
    await page.close();
  });
});

describe('when a file of the index cannot be read, the page shows its error and nothing else', () => {
  const manifest = () => manifestOf(SITE_ROOT);
  const cases: [string, Record<string, string>, RegExp, Answer, RegExp][] = [
    ['the manifest is missing', { q: 'đội ngũ cán bộ' }, MANIFEST, notFound, /^Không tải được tệp chỉ mục chi-muc\/chi-muc\.json \(HTTP 404\)\. Hãy thử lại sau\.$/],
    ['the manifest cannot be downloaded', { q: 'đội ngũ cán bộ' }, MANIFEST, (route) => route.abort('connectionreset'), /^Không tải được tệp chỉ mục chi-muc\/chi-muc\.json \(lỗi mạng\)\. Hãy thử lại sau\.$/],
    [
      'the manifest is of another format version',
      { q: 'đội ngũ cán bộ' },
      MANIFEST,
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...manifest(), format: INDEX_FORMAT + 1 }) }),
      new RegExp(`^Tệp chỉ mục chi-muc/chi-muc\\.json hỏng: định dạng ${INDEX_FORMAT + 1}, trang này đọc định dạng ${INDEX_FORMAT}\\. Hãy thử lại sau\\.$`),
    ],
    ['a term block is missing', { q: 'đội ngũ cán bộ' }, TERM_BLOCK, notFound, new RegExp(`^Không tải được tệp chỉ mục ${FILE}/tu-\\d+\\.json\\.gz \\(HTTP 404\\)\\. Hãy thử lại sau\\.$`)],
    [
      'a term block is not JSON',
      { q: 'đội ngũ cán bộ' },
      TERM_BLOCK,
      (route) => route.fulfill({ status: 200, body: '[["doi", "1"' }),
      new RegExp(`^Tệp chỉ mục ${FILE}/tu-\\d+\\.json\\.gz hỏng: không phải JSON hợp lệ\\.`),
    ],
    [
      'a term block is broken gzip',
      { q: 'đội ngũ cán bộ' },
      TERM_BLOCK,
      (route) => route.fulfill({ status: 200, body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) }),
      new RegExp(`^Tệp chỉ mục ${FILE}/tu-\\d+\\.json\\.gz hỏng: không giải nén được\\.`),
    ],
    // A filter value's plans are a row of the term blocks.
    ['a term block is missing when only a filter is used', { nam: '2022' }, TERM_BLOCK, notFound, new RegExp(`^Không tải được tệp chỉ mục ${FILE}/tu-\\d+\\.json\\.gz \\(HTTP 404\\)\\. Hãy thử lại sau\\.$`)],
    ["a plan's fragment is missing", { q: 'đội ngũ cán bộ' }, FRAGMENT, notFound, new RegExp(`^Không tải được tệp chỉ mục ${FILE}/vb/\\d+\\.pf_fragment \\(HTTP 404\\)\\. Hãy thử lại sau\\.$`)],
    [
      "a plan's fragment is no fragment",
      { q: 'đội ngũ cán bộ' },
      FRAGMENT,
      (route) => route.fulfill({ status: 200, body: '{"url": "/"}' }),
      new RegExp(`^Tệp chỉ mục ${FILE}/vb/\\d+\\.pf_fragment hỏng: không phải văn bản Pagefind lưu cho một kế hoạch\\.`),
    ],
  ];

  it.each(cases)('%s', async (_, params, pattern, answer, message) => {
    const { page, requested } = await routedPage(pattern, answer);
    await goto(page, params);
    const shown = await readError(page);
    expect(shown.count).toMatch(message);
    // A reader cannot rebuild the site: never told to.
    expect(shown.count).not.toMatch(/npm|build/);
    expect(shown.notices).toEqual(['Hãy tải lại trang; nếu vẫn lỗi, bạn có thể duyệt kho theo tỉnh, năm hoặc lĩnh vực.']);
    expect(shown.results).toBe(0);
    expect(await page.isVisible('[data-search-more]')).toBe(false);
    // The file was asked for, and nothing else was asked in its place.
    expect(requested.some((p) => pattern.test(p))).toBe(true);
    expect(requested.filter((p) => p.includes('/pagefind/'))).toEqual([]);
    await page.close();
  });

  it('asks again on the next search after a dropped connection, and answers it', async () => {
    let failed = 0;
    const { page } = await routedPage(TERM_BLOCK, (route) => (failed++ === 0 ? route.abort('connectionreset') : route.continue()));
    await goto(page, { q: 'đội ngũ cán bộ' });
    expect((await readError(page)).count).toMatch(/\(lỗi mạng\)\. Hãy thử lại sau\.$/);
    await page.fill('#q', 'hoà giải');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hoà giải');
    const { slugs } = await read(page);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs).toEqual((await search('hoà giải')).slice(0, slugs.length));
    expect(failed).toBeGreaterThan(1);
    await page.close();
  });
});

describe('when only the filter file cannot be read, the page', () => {
  it.each([
    ['no filter chosen', {}],
    ['a filter chosen', { nam: '2022' }],
  ])('keeps the results (%s), and says in the filter box that its counts are missing, and why', async (_, filters: Record<string, string>) => {
    const { page } = await routedPage(/\/loc\.json\.gz$/, notFound);
    // The filter box is open on a wide screen, and the fixture's filter file is small: its counts are asked for with every search.
    await goto(page, { q: 'đội ngũ cán bộ', ...filters });
    await page.waitForSelector('[data-search-facets="error"]', { state: 'attached' });
    const expected = (await search('đội ngũ cán bộ', filters)).slice(0, RESULTS_PER_PAGE);
    expect(expected.length).toBeGreaterThan(0);
    expect((await read(page)).slugs).toEqual(expected);
    const note = page.locator('[data-search-filter-box] [role="alert"]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(
      new RegExp(`^Không hiện được số kế hoạch theo từng bộ lọc\\. Không tải được tệp chỉ mục ${FILE}/loc\\.json\\.gz \\(HTTP 404\\)\\. Hãy thử lại sau\\.$`),
    );
    // No option shows a count it does not have.
    expect(await page.$$eval('select[data-facet] option', (os) => os.filter((o) => /\(\d/.test(o.textContent ?? '')).length)).toBe(0);
    await page.close();
  });
});
