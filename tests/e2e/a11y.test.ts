/**
 * Accessibility and small screens, checked in a real browser: axe-core finds
 * no WCAG 2.2 A/AA violation on one page of each kind, and no page scrolls
 * sideways at 360px.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEntries } from '../../src/lib/entries.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { SITE_ROOT, TEST_PLANS } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: StaticServer;

const firstPlan = readEntries(TEST_PLANS)[0].slug;
const PAGES = [
  '',
  'ke-hoach/',
  `ke-hoach/${firstPlan}/`,
  'ke-hoach/2020-tien-giang-skhcn-44-kh-skhcn/',
  'tinh/',
  'tinh/dong-thap/',
  'nam/',
  'nam/2020/',
  'linh-vuc/',
  'cap/huyen/',
  '404.html',
];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(SITE_ROOT)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width: number): Promise<Page> {
  // The pages' Content-Security-Policy forbids inline scripts, axe's injection included.
  const page = await browser.newPage({ viewport: { width, height: 800 }, bypassCSP: true });
  await page.goto(server.url + path, { waitUntil: 'load' });
  return page;
}

describe('accessibility', () => {
  it.each(PAGES)('/%s has no WCAG 2.2 AA violations', async (path) => {
    const page = await open(path, 1280);
    try {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('360px wide screens', () => {
  it.each(PAGES)('/%s does not scroll sideways', async (path) => {
    const page = await open(path, 360);
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('the skip link is the first stop and moves focus to the main content', async () => {
    const page = await open('ke-hoach/', 1280);
    try {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua đến nội dung chính');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => location.hash)).toBe('#noi-dung');
    } finally {
      await page.close();
    }
  });
});
