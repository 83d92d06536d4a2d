/**
 * A Pagefind index split into shards, in headless Chromium on the fixture
 * archive: the sub-path build is sharded (tests/global-setup.ts), the root
 * build is not. The search index (chi-muc/) is one for all the shards, so
 * the sharded build answers every query with the plans, the order and the
 * count of the whole one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { wordKeys } from '../../src/lib/search/text.ts';
import { browser, manifestOf, open, plans, sub, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

describe('a sharded build', () => {
  it('lists its Pagefind bundles in the manifest of its one search index', () => {
    const whole = manifestOf(SITE_ROOT);
    const split = manifestOf(SITE_SUB);
    expect(whole.bundles).toEqual(['pagefind/']);
    expect(split.bundles.length).toBeGreaterThan(2);
    for (const bundle of split.bundles) expect(existsSync(join(SITE_SUB, bundle, 'pagefind-entry.json')), bundle).toBe(true);
    expect([whole.plans, split.plans]).toEqual([plans.length, plans.length]);
  });

  it.each<Record<string, string>>([
    { q: 'dòng' },
    { q: '4003/QĐ-UBND' },
    { q: '"một cửa liên thông"' },
    { q: 'doi ngu can bo' },
    { q: 'hoá đơn' },
    { q: 'CCHC' },
    { q: 'tinh gi' },
    { q: 'ủy ban' },
    { q: 'kế hoạch', 'sap-xep': 'moi-nhat' },
    { q: 'kế hoạch', 'sap-xep': 'cu-nhat' },
    { nam: '2020', 'sap-xep': 'cu-nhat' },
    { q: 'kế hoạch', tinh: 'dong-thap' },
  ])('answers %j with the plans, order and count of the whole build', async (params) => {
    const [whole, split] = await Promise.all([open(params), open(params, sub, SUB_BASE)]);
    await Promise.all([whole.page.close(), split.page.close()]);
    expect(whole.slugs.length).toBeGreaterThan(0);
    expect(split.slugs).toEqual(whole.slugs);
    expect(split.count).toBe(whole.count);
  });

  it("stays a whole Pagefind index: Pagefind's own API, merging the bundles the manifest lists, finds a plan of the oldest shard", async () => {
    const oldest = [...plans].sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.slug.localeCompare(b.slug))[0];
    // The word of its title that the fewest other plans have.
    const having = (key: string) => plans.filter((p) => wordKeys(p.text).includes(key)).length;
    const word = wordKeys(oldest.plan.title).filter((k) => k.length > 3).sort((a, b) => having(a) - having(b))[0];
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(sub.url);
    const { bundles } = manifestOf(SITE_SUB);
    // A string, not a function: vitest would rewrite the function's import().
    const urls: string[] = await page.evaluate(`(async () => {
      const [base, bundles, word] = ${JSON.stringify([SUB_BASE, bundles, word])};
      const pagefind = await import(base + bundles[0] + 'pagefind.js');
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(base + bundle);
      const found = await pagefind.search(word);
      return Promise.all(found.results.map(async (r) => (await r.data()).url));
    })()`);
    await context.close();
    expect(urls).toContain(`${SUB_BASE}ke-hoach/${oldest.slug}/`);
    for (const url of urls) expect(url.startsWith(`${SUB_BASE}ke-hoach/`), url).toBe(true);
  });
});
