/**
 * Any static host: the archive built for /kho-cchc/ and served by a plain
 * static server (sirv, no rewrites) under that sub-path. A crawl from the home
 * page follows every internal link and asset, stylesheets' url()s included,
 * and finds none broken, none escaping the base and no dangling #anchor. The
 * feeds' and data files' URLs lead to pages that exist, and search (index,
 * results and highlight) works there in a real browser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { brokenLinks, crawl, referencesInHtml, type Crawl } from '../helpers/crawl.ts';
import { SITE_SUB, SUB_BASE, TEST_SITE_URL } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { testPlans } from './site.ts';

let server: StaticServer;

let result: Crawl;

beforeAll(async () => {
  server = await serveStatic(SITE_SUB, SUB_BASE);
  result = await crawl(server.url, SUB_BASE);
});

afterAll(async () => {
  await server?.close();
});

describe('the archive under a sub-path, on a plain static server', () => {
  it('reaches every page kind from the home page', () => {
    const paths = [...result.status.keys()].map((u) => new URL(u).pathname);
    for (const p of ['', 'ke-hoach/', 'tinh/', 'nam/', 'linh-vuc/', 'cap/', 'van-ban/', 'thong-ke/', 'du-lieu/', 'tim-kiem/', 'rss.xml', 'du-lieu/ke-hoach.json', 'du-lieu/ke-hoach.csv', 'du-lieu/ke-hoach.schema.json', 'SHA256SUMS']) {
      expect(paths, p).toContain(`${SUB_BASE}${p}`);
    }
    for (const { facts } of testPlans()) expect(paths, facts.slug).toContain(`${SUB_BASE}ke-hoach/${facts.slug}/`);
    expect(paths.some((p) => p.startsWith(`${SUB_BASE}_astro/`) && p.endsWith('.css'))).toBe(true);
  });

  it('finds no broken internal link or asset', () => {
    expect(brokenLinks(result)).toEqual([]);
  });

  it('never leaves the base path, and every #anchor exists', () => {
    expect(result.outsideBase).toEqual([]);
    expect(result.danglingAnchors).toEqual([]);
  });

  it('serves the 404 page for a missing path, with working links', async () => {
    const response = await fetch(`${server.url}khong-co-trang-nay/`);
    expect(response.status).toBe(404);
    // Links on a page served at any depth, except its own #anchors (the skip link).
    const refs = referencesInHtml(await response.text())
      .filter((r) => !r.startsWith('#'))
      .map((r) => new URL(r, `${server.url}khong-co-trang-nay/`));
    for (const r of refs.filter((r) => r.origin === server.origin)) {
      expect(r.pathname.startsWith(SUB_BASE), r.href).toBe(true);
      expect((await fetch(r.href.split('#')[0])).status, r.href).toBe(200);
    }
  });

  it('leads from feeds and data files to pages that exist', async () => {
    const site = `${TEST_SITE_URL}${SUB_BASE}`;
    const local = (u: string) => server.url + u.slice(site.length);
    const rss = await (await fetch(`${server.url}rss.xml`)).text();
    const json = await (await fetch(`${server.url}du-lieu/ke-hoach.json`)).json();
    const sitemapIndex = await (await fetch(`${server.url}sitemap-index.xml`)).text();
    const sitemaps = [...sitemapIndex.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    const sitemapUrls = (await Promise.all(sitemaps.map(async (s) => (await fetch(local(s))).text()))).flatMap((x) => [...x.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]));
    const urls = [
      ...[...rss.matchAll(/<link>(.*?)<\/link>/g)].map((m) => m[1]),
      ...json.plans.map((p: { url: string }) => p.url),
      json.source,
      ...sitemaps,
      ...sitemapUrls,
    ];
    expect(urls.length).toBeGreaterThan(json.plans.length);
    for (const u of urls) {
      expect(u.startsWith(site), u).toBe(true);
      expect((await fetch(local(u))).status, u).toBe(200);
    }
  });
});

describe('search under the sub-path', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the index from the sub-path, links results into it and highlights on the plan page', async () => {
    const plan = testPlans().find((p) => p.facts.plan.issuer.name.includes('Hà Giang'))!;
    const page = await browser.newPage();
    const failed: string[] = [];
    const index: string[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin !== server.origin) return;
      if (r.status() >= 400) failed.push(`${r.status()} ${u.pathname}`);
      if (u.pathname.includes('/chi-muc/')) index.push(u.pathname);
    });
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('Hà Giang')}`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]');
    const hrefs = await page.$$eval('[data-search-results] > li', (li) => li.map((x) => x.querySelector('a')!.getAttribute('href')!));
    expect(hrefs).toContain(`${SUB_BASE}ke-hoach/${plan.facts.slug}/`);
    for (const h of hrefs) expect(h.startsWith(`${SUB_BASE}ke-hoach/`), h).toBe(true);
    expect(index.length).toBeGreaterThan(0);
    for (const p of index) expect(p.startsWith(`${SUB_BASE}chi-muc/`), p).toBe(true);
    await page.click(`[data-search-results] a[href="${SUB_BASE}ke-hoach/${plan.facts.slug}/"]`);
    await page.waitForSelector('mark');
    expect(new URL(page.url()).pathname).toBe(`${SUB_BASE}ke-hoach/${plan.facts.slug}/`);
    expect((await page.$$eval('mark', (m) => m.map((x) => x.textContent))).join(' ')).toMatch(/Hà|Giang/);
    expect(failed).toEqual([]);
    await page.close();
  });
});
