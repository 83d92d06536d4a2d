/**
 * The archive-grade pages in a real browser, at a phone's and a desktop's
 * width (the charts are drawn for each): no WCAG 2.2 A/AA violation found by
 * axe-core, no sideways scrolling of the page, and wide tables reachable by
 * keyboard.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalBaseCitations } from '../../src/lib/citations.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { SITE_ROOT } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { testPlans } from './site.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let server: StaticServer;

const cited = testPlans().find((p) => legalBaseCitations(p.facts).length > 1)!;
const PAGES = [
  'du-lieu/',
  'van-ban/',
  `van-ban/${legalBaseCitations(cited.facts)[0].key}/`,
  'thong-ke/',
  `ke-hoach/${cited.facts.slug}/`,
  // The reader's pages: glossary, about, the province index and an empty province.
  'thuat-ngu/',
  'gioi-thieu/',
  'tinh/',
  'tinh/ha-noi/',
];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(SITE_ROOT)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Check {
  violations: string[];
  overflow: number;
}

async function check(path: string, width: number): Promise<Check> {
  // The pages' Content-Security-Policy forbids inline scripts, axe's injection included.
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
  try {
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    return await page.evaluate(async (tags) => {
      type Result = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
      const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<Result> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return {
        violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    }, WCAG);
  } finally {
    await page.close();
  }
}

describe('archive pages', () => {
  it.each(PAGES)('/%s passes axe and fits 360px and 1280px', async (path) => {
    for (const width of [360, 1280]) {
      const { violations, overflow } = await check(path, width);
      expect(violations, `${width}px`).toEqual([]);
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
    }
  });

  it('shows one chart per section at each width, never both', async () => {
    for (const width of [360, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}thong-ke/`);
      const visible = await page.$$eval('[data-chart]', (sections) => sections.map((s) => [...s.querySelectorAll('svg[role="img"]')].filter((svg) => (svg as SVGElement).getBoundingClientRect().width > 0).length));
      expect(visible.every((n) => n === 1), `${width}px`).toBe(true);
      await page.close();
    }
  });

  it('lets a keyboard reach and scroll the data dictionary on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${server.url}du-lieu/`);
    const region = page.locator('.table-scroll').first();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling is animated: wait for it to move.
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });

  it('shows on a phone that wide tables scroll, with columns wide enough for words', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    for (const path of ['van-ban/', 'du-lieu/', 'thong-ke/']) {
      await page.goto(server.url + path);
      const tables = await page.$$eval('.wide-scroll', (regions) =>
        regions.map((r) => {
          const hint = document.getElementById(r.getAttribute('aria-describedby') ?? '');
          const cells = [...r.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect().width);
          return { scrolls: r.scrollWidth > r.clientWidth, hint: (hint?.getBoundingClientRect().height ?? 0) > 0, narrowest: Math.min(...cells) };
        }),
      );
      expect(tables.length, path).toBeGreaterThan(0);
      for (const t of tables) expect(t, path).toMatchObject({ scrolls: true, hint: true });
      for (const t of tables) expect(t.narrowest, path).toBeGreaterThanOrEqual(64);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}van-ban/`);
    expect(await page.$$eval('[data-scroll-hint]', (hints) => hints.filter((h) => h.getBoundingClientRect().height > 0).length)).toBe(0);
    await page.close();
  });
});

describe('the citation copy button', () => {
  const path = `ke-hoach/${cited.facts.slug}/`;

  it('copies the citation text and says so', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(server.url + path);
    const button = page.getByRole('button', { name: 'Sao chép trích dẫn' });
    await button.click();
    await expect.poll(() => page.locator('#trich-dan-trang-thai').textContent()).toBe('Đã sao chép trích dẫn.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await page.locator('#trich-dan-van-ban').textContent())!.trim());
    expect(copied).toContain(cited.facts.plan.title);
    await context.close();
  });

  it('is absent without JavaScript, and the citation stays as text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + path);
    expect(await page.locator('button[data-copy-citation]').isVisible()).toBe(false);
    expect(await page.locator('#trich-dan-van-ban').isVisible()).toBe(true);
    await context.close();
  });
});

