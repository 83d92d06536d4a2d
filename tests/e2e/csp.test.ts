/**
 * Hardening for any static host: every built page carries a
 * Content-Security-Policy meta that allows no inline script and no other
 * origin, and each page kind works under it in Chromium: no
 * `securitypolicyviolation` event (JSON-LD included), and search returns
 * results from its index files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { SITE_ROOT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { testPlans } from '../archive/site.ts';

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));

/** The policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

describe('the policy in every built page', () => {
  it('comes first in the head and allows no inline script and no other origin', () => {
    const problems: string[] = [];
    for (const file of htmlFiles(SITE_ROOT)) {
      const name = relative(SITE_ROOT, file);
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      const meta = document.querySelector('head > meta[http-equiv="content-security-policy" i]');
      if (!meta || document.head.firstElementChild?.nextElementSibling !== meta) {
        problems.push(`${name}: no policy right after <meta charset>`);
        continue;
      }
      const policy = directives(meta.getAttribute('content')!);
      const scripts = policy.get('script-src') ?? [];
      if (scripts.join(' ') !== "'self'") problems.push(`${name}: script-src ${scripts.join(' ')}`);
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${name}: default-src`);
      if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${name}: object-src`);
      const origins = [...policy.values()].flat().filter((v) => /[.:/*]/.test(v) && v !== "'self'");
      if (origins.length) problems.push(`${name}: other origins ${origins.join(' ')}`);
      for (const script of document.querySelectorAll('script:not([src])')) {
        if (script.getAttribute('type') !== 'application/ld+json') problems.push(`${name}: inline script`);
      }
      if (document.querySelector('[onclick], [onload], [onerror], [onsubmit], [onchange], [oninput]')) problems.push(`${name}: inline event handler`);
    }
    expect(problems).toEqual([]);
  });
});

describe('each page kind under the policy, in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(SITE_ROOT)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that records every CSP violation from its first script on. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { kho_csp: string[] }).kho_csp = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const refused: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && refused.push(m.text()));
    const violations = async () => [...(await page.evaluate(() => (window as unknown as { kho_csp: string[] }).kho_csp)), ...refused];
    return { page, violations };
  }

  const plan = testPlans()[0].facts;
  const PAGES = ['', 'ke-hoach/', `ke-hoach/${plan.slug}/`, 'tinh/', 'nam/', 'linh-vuc/', 'cap/', 'van-ban/', 'thong-ke/', 'du-lieu/', 'thuat-ngu/', 'gioi-thieu/', 'khong-co-trang-nay/'];

  it('raises no violation on the home, plan, list, browse, statistics, data and 404 pages', async () => {
    const { page, violations } = await watchedPage();
    const found: string[] = [];
    for (const path of PAGES) {
      await page.goto(server.url + path, { waitUntil: 'load' });
      found.push(...(await violations()).map((v) => `/${path}: ${v}`));
    }
    // A province and a browse page reached by their own links.
    for (const list of ['tinh/', 'nam/']) {
      await page.goto(server.url + list);
      const href = await page.$eval(`main a[href^="/${list}"][href$="/"]:not([href="/${list}"])`, (a) => a.getAttribute('href')!);
      await page.goto(server.url + href.slice(1), { waitUntil: 'load' });
      found.push(...(await violations()).map((v) => `${href}: ${v}`));
    }
    expect(found).toEqual([]);
    // The listener does hear the policy: an injected inline script is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.kho_ran = 1' })));
    await page.waitForFunction(() => (window as unknown as { kho_csp: string[] }).kho_csp.length > 0);
    expect(await page.evaluate(() => 'kho_ran' in window)).toBe(false);
    await page.close();
  });

  it('searches with a query and opens a result, highlighted, with no violation', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('cải cách hành chính')}`);
    await page.waitForSelector('[data-search-results][data-search-state="done"]');
    expect(await page.$$eval('[data-search-results] > li', (li) => li.length)).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.click('[data-search-results] > li a');
    await page.waitForSelector('main mark');
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
