/**
 * How `npm run bench` counts a query's downloads, on the fixture archive in
 * headless Chromium: a cold run through DevTools' Network events, a warm run
 * from the page's own Resource Timing entries, in a Chromium driven over its
 * DevTools pipe with no domain enabled (decision record 016). A warm query
 * downloads the term blocks the page has not read yet, and neither the page
 * nor its code again.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { BareChromium, GONE } from '../../src/tools/bench/bare-chromium.ts';
import { runQueries } from '../../src/tools/bench/queries.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { planQuery, queryKeys } from '../../src/lib/search/query-plan.ts';
import { SITE_ROOT } from '../helpers/paths.ts';
import { browser, manifestOf, root, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

/** The term blocks the keys of query `q` fall in, by the manifest's first keys. */
function blocksOf(q: string): Set<number> {
  const { blocks } = manifestOf(SITE_ROOT);
  const blockOf = (key: string) => blocks.findLastIndex((first) => first <= key);
  return new Set(queryKeys(planQuery(parseQuery(q))).map(blockOf));
}

describe('the bench on the search page', () => {
  it('counts the downloads of a warm query: the blocks the page had not read, not the page or its code again', async () => {
    // The warm page has answered "kế hoạch" first (queries.ts): a query of other words needs other blocks.
    const q = 'một cửa liên thông';
    const fresh = [...blocksOf(q)].filter((b) => !blocksOf('kế hoạch').has(b));
    expect(fresh.length, 'the fixture index puts these words in other blocks than "kế hoạch"').toBeGreaterThan(0);

    const [result] = await runQueries(browser, root.url, { queries: [{ label: 'cụm từ', params: { q } }], runs: 1 });
    expect(result.error).toBeUndefined();
    const { cold, warm } = result;
    expect(cold!.kinds.code).toBeGreaterThan(0);
    expect(warm!.kinds.code).toBe(0);
    expect(warm!.kinds.page).toBe(0);
    expect(warm!.kinds.manifest).toBe(0);
    expect(warm!.kinds.terms).toBeGreaterThan(0);
    expect(warm!.requests).toBeGreaterThanOrEqual(fresh.length);
    expect(warm!.bytes).toBe(Object.values(warm!.kinds).reduce((a, b) => a + b, 0));
    expect(warm!.bytes).toBeLessThan(cold!.bytes);
  });

  it('drives its warm page without Playwright: it reads the page, hears what the page throws, and leaves no profile behind', async () => {
    const chromium = BareChromium.launch();
    try {
      const page = await chromium.newPage();
      await page.goto(new URL('tim-kiem/?q=cchc', root.url).href);
      const list = () => page.evaluate((selector) => document.querySelector(selector)?.getAttribute('data-search-state') ?? null, '[data-search-results]');
      await expect.poll(list, { timeout: 20_000 }).toBe('done');
      expect(await page.evaluate((n) => [n * 2, innerWidth], 21)).toEqual([42, 1280]);
      await expect(page.evaluate(() => Promise.reject(new Error('trang hỏng')), null)).rejects.toThrow(/^trang hỏng$/);
    } finally {
      await chromium.close();
    }
    expect(existsSync(chromium.profile)).toBe(false);
    await expect(chromium.send('Runtime.evaluate', { expression: '1' })).rejects.toThrow(GONE);
  });
});
