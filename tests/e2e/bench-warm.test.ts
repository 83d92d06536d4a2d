/**
 * How `npm run bench` counts a query's downloads, on the fixture archive in
 * headless Chromium: a cold run through DevTools' Network events, a warm run
 * from the page's own Resource Timing entries. A warm query downloads the
 * term blocks the page has not read yet, and neither the page nor its code
 * again.
 */
import { describe, expect, it } from 'vitest';
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
});
