/**
 * The search page as a reader meets it (issue 26), in headless Chromium on
 * the fixture archive: on a 360×740 phone the count and the first result come
 * before the folded filters; the filter counts show once the filters are
 * open, without focusing anything (in a large archive, once the reader
 * reaches for them); chips and "Xóa bộ lọc" remove filters,
 * by mouse and keyboard; typing shows that a search runs; no WCAG 2.2 AA
 * violation with results and the filters open, at 360 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CARD_LABELS } from '../../src/lib/card-labels.ts';
import { EAGER_FILTER_BYTES, FILTER_FILE, MANIFEST_FILE, type Manifest } from '../../src/lib/search/index-format.ts';
import { browser, DONE, open, plans, read, readAll, root, search, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

const PHONE = { width: 360, height: 740 };
const levelOf = (slug: string) => plans.find((p) => p.slug === slug)!.plan.issuer.level;
const yearsOf = (slug: string) => plans.find((p) => p.slug === slug)!.years;

/** Records the paths of the file the filter counts come from, each time it is asked for. */
function watchFacetFiles(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (r) => r.url().endsWith(`/${FILTER_FILE}`) && files.push(new URL(r.url()).pathname));
  return files;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

describe('on a phone', () => {
  it('shows the count and the first result on the first screen, the filters folded and their counts fetched once opened', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const facetFiles = watchFacetFiles(page);
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('cải cách hành chính')}`);
    const { slugs } = await read(page);
    expect(slugs.length).toBeGreaterThan(0);
    const inView = async (selector: string) => {
      const box = (await page.locator(selector).first().boundingBox())!;
      return box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    expect(await inView('[data-search-count]')).toBe(true);
    expect(await inView('[data-search-results] > li a')).toBe(true);
    expect(await page.isVisible('#loc-tinh')).toBe(false);
    expect((await page.textContent('[data-search-filter-box] > summary'))?.trim()).toBe('Bộ lọc');

    await page.waitForLoadState('networkidle');
    expect(facetFiles).toEqual([]);
    await page.click('[data-search-filter-box] > summary');
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(facetFiles).toEqual([expect.stringMatching(/^\/chi-muc\/[\w-]+\/loc\.json\.gz$/)]);
    expect(await page.isVisible('#loc-tinh')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('the filters', () => {
  it('show their counts on a wide screen without anything focused, and follow each search', async () => {
    const page = await browser.newPage();
    const facetFiles = watchFacetFiles(page);
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('kế hoạch')}`);
    await read(page);
    expect(await page.getAttribute('[data-search-filter-box]', 'open')).toBe('');
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    const [all, narrower] = await Promise.all([search('kế hoạch'), search('kế hoạch cải cách')]);
    const levelCount = (list: string[], level: string) => list.filter((s) => levelOf(s) === level).length;
    // A level whose count the narrower search changes, so that following it shows.
    const level = [...new Set(all.map(levelOf))].find((l) => levelCount(all, l) !== levelCount(narrower, l))!;
    expect(level).toBeDefined();
    expect(await page.textContent(`#loc-cap option[value="${level}"]`)).toContain(`(${levelCount(all, level)})`);

    await page.fill('#q', 'kế hoạch cải cách');
    await page.waitForSelector(DONE, { state: 'attached' });
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(await page.textContent(`#loc-cap option[value="${level}"]`)).toContain(`(${levelCount(narrower, level)})`);
    // Read once, for both searches.
    expect(facetFiles).toHaveLength(1);
    await page.close();
  });

  it('of a large archive wait until the reader reaches for them, by pointer, keyboard or opening them, and then show', async () => {
    const openBox = (page: Page) => page.evaluate(() => void ((document.querySelector('[data-search-filter-box]') as HTMLDetailsElement).open = true));
    for (const [viewport, reach] of [
      [undefined, (page: Page) => page.hover('#loc-cap')],
      [undefined, (page: Page) => page.focus('#loc-cap')],
      // On a phone the filters start folded; opening them, as assistive technology may, without pointer or focus.
      [PHONE, openBox],
    ] as const) {
      const page = await browser.newPage(viewport ? { viewport } : {});
      // The fixture's filter file is small; the manifest is made to say it is large, as at 10,000 plans.
      await page.route(`**/chi-muc/${MANIFEST_FILE}`, async (route) => {
        const manifest = (await (await route.fetch()).json()) as Manifest;
        await route.fulfill({ json: { ...manifest, filterBytes: EAGER_FILTER_BYTES + 1 } });
      });
      const facetFiles = watchFacetFiles(page);
      await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('kế hoạch')}`);
      const { slugs } = await read(page);
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('[data-search-filter-box]', 'open')).toBe(viewport ? null : '');
      expect(facetFiles).toEqual([]);
      expect(await page.getAttribute('[data-search-facets]', 'data-search-facets')).toBe('idle');

      await reach(page);
      await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
      expect(facetFiles).toHaveLength(1);
      const level = levelOf(slugs[0]);
      const all = await search('kế hoạch');
      expect(await page.textContent(`#loc-cap option[value="${level}"]`)).toContain(`(${all.filter((s) => levelOf(s) === level).length})`);
      await page.close();
    }
  });

  it('show as chips that remove them, with "Xóa bộ lọc", changing the URL and the results, by mouse and keyboard', async () => {
    const all = await search('kế hoạch');
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('kế hoạch')}&cap=so-nganh&nam=2022`);
    let { slugs } = await readAll(page);
    expect(slugs).toEqual(all.filter((s) => levelOf(s) === 'so-nganh' && yearsOf(s).includes(2022)));
    expect((await page.textContent('[data-search-filter-box] > summary'))?.trim()).toBe('Bộ lọc (2)');
    const chips = page.locator('[data-search-chip-list] a');
    expect(await chips.evaluateAll((links) => links.map((a) => a.textContent))).toEqual(['Bỏ lọc Năm: 2022✕', 'Bỏ lọc Cấp: Sở, ngành✕']);
    await page.getByRole('link', { name: 'Bỏ lọc Năm: 2022' }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('nam'));
    // Focus goes to the chip that took the removed one's place ("Xem thêm", which readAll presses, moves it on).
    expect(await focused(page)).toBe('Bỏ lọc Cấp: Sở, ngành✕');
    expect(new URL(page.url()).searchParams.get('cap')).toBe('so-nganh');
    ({ slugs } = await readAll(page));
    expect(slugs).toEqual(all.filter((s) => levelOf(s) === 'so-nganh'));
    expect(await page.inputValue('#loc-nam')).toBe('');
    expect((await page.textContent('[data-search-filter-box] > summary'))?.trim()).toBe('Bộ lọc (1)');

    await page.focus('[data-search-clear]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('cap'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('kế hoạch');
    expect(await focused(page)).toBe('Bộ lọc');
    ({ slugs } = await readAll(page));
    expect(slugs).toEqual(all);
    expect(await page.isVisible('[data-search-chips]')).toBe(false);
    // Each removal is a step Back can undo.
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('cap') === 'so-nganh');
    expect(await page.locator('[data-search-chip-list] a').count()).toBe(1);
    await page.close();
  });
});

describe('result cards', () => {
  it('label every value as the archive\'s own cards do, a missing number included', async () => {
    const noNumber = plans.find((p) => !p.plan.documentNumber)!;
    const { page, slugs } = await open({ q: noNumber.plan.title });
    expect(slugs).toContain(noNumber.slug);
    const cards = await page.$$eval('[data-search-results] > li', (items) =>
      items.map((li) => ({ href: li.querySelector('a')!.getAttribute('href'), facts: [...li.querySelectorAll('.plan-card-meta span')].map((s) => s.textContent) })),
    );
    await page.close();
    for (const { facts } of cards) expect(facts.map((f) => f!.split(': ')[0])).toEqual(Object.values(CARD_LABELS));
    const card = cards.find((c) => c.href!.includes(`/${noNumber.slug}/`))!;
    expect(card.facts).toEqual([`${CARD_LABELS.number}: Không rõ`, `${CARD_LABELS.issuer}: ${noNumber.plan.issuer.name}`, `${CARD_LABELS.date}: ${noNumber.dateText}`, `${CARD_LABELS.province}: ${noNumber.provinceText}`]);
  });
});

describe('typing', () => {
  it('shows a pulsing bar under the search box until the results are in', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${root.url}tim-kiem/`);
    await page.evaluate(() => {
      const form = document.querySelector('[data-search-form]')!;
      const seen: string[] = [];
      (window as unknown as { busyBar: string[] }).busyBar = seen;
      new MutationObserver(() => {
        const bar = getComputedStyle(form.querySelector('.search-form')!, '::after');
        if (form.hasAttribute('data-busy')) seen.push(`${bar.height} ${bar.animationName}`);
      }).observe(form, { attributes: true, attributeFilter: ['data-busy'] });
    });
    await page.click('#q');
    await page.keyboard.type('một cửa', { delay: 20 });
    await read(page);
    expect(await page.evaluate(() => (window as unknown as { busyBar: string[] }).busyBar[0])).toBe('3px search-busy');
    expect(await page.getAttribute('[data-search-form]', 'data-busy')).toBeNull();
    await page.close();
  });

  it('shows no bar for an answer the page already has: going Back answers before it would appear', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('một cửa')}`);
    await read(page);
    await page.evaluate(() => {
      history.pushState(null, '', '?q=cchc');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await read(page);
    await page.evaluate(() => {
      const form = document.querySelector('[data-search-form]')!;
      const states: string[] = [];
      (window as unknown as { states: string[] }).states = states;
      const list = document.querySelector('[data-search-results]')!;
      new MutationObserver(() => states.push(`${list.getAttribute('data-search-state')} ${form.hasAttribute('data-busy')}`)).observe(form.parentElement!, { attributes: true, subtree: true });
      history.pushState(null, '', `?q=${encodeURIComponent('một cửa')}`);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await read(page);
    const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
    expect(states).toContain('loading false');
    expect(states.at(-1)).toBe('done false');
    expect(states.filter((s) => s.endsWith('true'))).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  it('has no WCAG 2.2 AA violations with results, chips and the filters open, at 360 and 1280 px', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The page's Content-Security-Policy forbids inline scripts, axe's injection included.
    const page = await browser.newPage({ viewport: PHONE, bypassCSP: true });
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('một cửa')}&nam=2020`);
    await read(page);
    await page.click('[data-search-filter-box] > summary');
    await page.click('[data-search-help-toggle]');
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    await page.addScriptTag({ content: axe });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const violations = await page.evaluate(async () => {
        const run = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
        const r = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, `${width}px`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${width}px`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});
