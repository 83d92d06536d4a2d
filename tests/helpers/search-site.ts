/**
 * The search page of the fixture archive in headless Chromium, for the e2e
 * search tests: one browser and two static servers per test file (the
 * archive at / and the sharded one under a sub-path), the fixture plans with
 * their text, and the functions that open /tim-kiem/ and read its results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { planFacts, type PlanFacts } from '../../src/lib/plan-facts.ts';
import { INDEX_DIR, MANIFEST_FILE, type Manifest } from '../../src/lib/search/index-format.ts';
import { wordKeys } from '../../src/lib/search/text.ts';
import { readEntries, validateAll } from '../../src/lib/entries.ts';
import { launchBrowser } from './browser.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_PLANS } from './paths.ts';
import { serveStatic, type StaticServer } from './server.ts';

export type TextPlan = PlanFacts & { text: string };

// Live bindings: set by the hooks useSearchSite registers, read by the test files.
export let browser: Browser;
export let root: StaticServer;
export let sub: StaticServer;
export let plans: TextPlan[];

/** Registers the hooks that start the browser and the servers and read the plans, for the calling test file. */
export function useSearchSite(): void {
  beforeAll(async () => {
    [browser, root, sub] = await Promise.all([launchBrowser(), serveStatic(SITE_ROOT), serveStatic(SITE_SUB, SUB_BASE)]);
    const entries = readEntries(TEST_PLANS);
    const valid = validateAll(entries).plans;
    plans = entries
      .filter((e) => valid.has(e.file))
      .map((e) => {
        const p = valid.get(e.file)!;
        const text = [p.title, p.documentNumber ?? '', p.issuer.name, p.summary, ...(p.tags ?? []), e.body].join('\n');
        return { ...planFacts(e.slug, p), text };
      });
  });

  afterAll(async () => {
    idlePages = [];
    await browser?.close();
    await Promise.all([root?.close(), sub?.close()]);
  });
}

export interface SearchPage {
  page: Page;
  slugs: string[];
  count: string;
  notices: string[];
}

export const DONE = '[data-search-results][data-search-state="done"]';

/** The plan slugs the result links point to, in order. */
export async function resultSlugs(page: Page, base = '/'): Promise<string[]> {
  const hrefs = await page.$$eval('[data-search-results] > li', (items) => items.map((li) => li.querySelector('a')?.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(`${base}ke-hoach/`, '').replace(/\/$/, ''));
}

export async function read(page: Page, base = '/'): Promise<SearchPage> {
  await page.waitForSelector(DONE, { state: 'attached' });
  return {
    page,
    slugs: await resultSlugs(page, base),
    count: (await page.textContent('[data-search-count]')) ?? '',
    notices: await page.$$eval('[data-search-notices] li', (items) => items.map((li) => li.textContent ?? '')),
  };
}

/** Waits for the results, pressing "Xem thêm" until all are shown. */
export async function readAll(page: Page, base = '/'): Promise<SearchPage> {
  let result = await read(page, base);
  while (await page.isVisible('[data-search-more]')) {
    await page.click('[data-search-more]');
    result = await read(page, base);
  }
  return result;
}

/**
 * Opens /tim-kiem/ with the given parameters and waits for all its results.
 * The page comes from a pool, and its close() gives it back: a navigation
 * costs half of a new page, and each one starts a new document. A test that
 * routes requests or listens to a page's events opens its own with
 * browser.newPage() instead.
 */
export async function open(params: Record<string, string>, server = root, base = '/'): Promise<SearchPage> {
  const page = await pooledPage();
  await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
  return readAll(page, base);
}

async function pooledPage(): Promise<Page> {
  const page = idlePages.pop() ?? (await browser.newPage());
  page.close = async () => {
    // Back to the pool at its default size, unless the test has resized it.
    await page.setViewportSize({ width: 1280, height: 720 });
    idlePages.push(page);
  };
  return page;
}

/** The text of every filter option, counts and all, once the counts are in. */
export async function facetCounts(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
  return page.$$eval('select[data-facet] option', (options) => options.map((o) => `${(o.parentElement as HTMLSelectElement).id} ${o.textContent ?? ''}`));
}

/** The manifest of a build's search index (src/lib/search/index-format.ts). */
export const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, INDEX_DIR, MANIFEST_FILE), 'utf8')) as Manifest;

/**
 * The result slugs of a query, read on a page that goes from query to query:
 * a new page costs twice as long as a navigation, and these queries change
 * nothing a later one could see. Queries run at the same time get a page each.
 */
export async function search(q: string, extra: Record<string, string> = {}): Promise<string[]> {
  const { page, slugs } = await open({ q, ...extra });
  await page.close();
  return slugs;
}

let idlePages: Page[] = [];

export const folded = (text: string) => ` ${wordKeys(text).join(' ')} `;
export const contains = (text: string, phrase: string) => folded(text).includes(folded(phrase));
export const slugsWhere = (test: (p: TextPlan) => boolean) => plans.filter(test).map((p) => p.slug);
export const cited = (p: PlanFacts) => (p.plan.legalBases ?? []).map((b) => docNumberKey(typeof b === 'string' ? b : b.number));
