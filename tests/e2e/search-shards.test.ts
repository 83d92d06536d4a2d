/**
 * A search index split into shards, in headless Chromium on the fixture
 * archive: the sub-path build is sharded (tests/global-setup.ts), the root
 * build is not. Each shard is a Pagefind bundle of its own; sorting,
 * filtering and counting work across them, and they find what the whole
 * index finds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedPageIds } from '../../src/integrations/stored-pages.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { open, plans, shardsOf, sub, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

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
