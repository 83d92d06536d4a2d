/**
 * Search in headless Chromium against the fixture archive the global setup
 * built: every query rule of issue 3 as the order of result links on
 * /tim-kiem/, then the page itself (URL state, filters, sorting, "Xem thêm",
 * empty results, hostile input, sub-path, highlighting on the plan page,
 * no JavaScript). Expectations come from the fixture data, never from a
 * count of the whole set. The index files and what the page does when one
 * cannot be read are in search-errors.test.ts; the page on a phone, its
 * chips, counts and accessibility in search-reader.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { RESULTS_PER_PAGE } from '../../src/lib/search/engine.ts';
import { fileLoad } from '../../src/integrations/search-index/verify.ts';
import { INDEX_DIR } from '../../src/lib/search/index-format.ts';
import { SearchIndex } from '../../src/lib/search/index-reader.ts';
import { FILTERS } from '../../src/lib/search/index-fields.ts';
import { exactKey, words } from '../../src/lib/search/text.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { browser, cited, contains, manifestOf, open, plans, read, readAll, resultSlugs, root, search, slugsWhere, sub, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

describe('1. đ and d, with or without diacritics', () => {
  it.each([
    ['dong thap', 'search-2021-dong-thap-snv-dong-bo-du-lieu'],
    ['doi ngu can bo', 'search-2022-vinh-long-snv-dao-tao-doi-ngu'],
    ['dao tao', 'search-2022-vinh-long-snv-dao-tao-doi-ngu'],
    ['dieu hanh', 'search-2022-vinh-long-snv-dao-tao-doi-ngu'],
  ])('"%s" finds %s, written with đ', async (q, slug) => {
    const slugs = await search(q);
    expect(slugs).toContain(slug);
  });

  it.each(['doi ngu can bo', 'dao tao'])('"%s" puts the plan with the phrase in its title first', async (q) => {
    expect((await search(q))[0]).toBe('search-2022-vinh-long-snv-dao-tao-doi-ngu');
  });
});

describe('2. exact diacritics rank higher', () => {
  it('"dòng" lists the plans with "dòng" before those with only Đồng or đông', async () => {
    const slugs = await search('dòng');
    const exact = slugsWhere((p) => words(p.text).some((w) => exactKey(w) === exactKey('dòng')));
    expect(exact).toContain('search-2023-ben-tre-vpubnd-dong-ho-so');
    expect(new Set(slugs.slice(0, exact.length))).toEqual(new Set(exact));
    expect(slugs.indexOf('search-2021-dong-thap-snv-dong-bo-du-lieu')).toBeGreaterThanOrEqual(exact.length);
  });
});

describe('2b. đ is not d with diacritics', () => {
  const hasWord = (text: string, word: string) => words(text).some((w) => exactKey(w) === exactKey(word));

  it('"dầu" lists the plan with "dầu" before those with only "đầu"', async () => {
    const exact = slugsWhere((p) => hasWord(p.text, 'dầu'));
    const onlyD = slugsWhere((p) => hasWord(p.text, 'đầu') && !exact.includes(p.slug));
    expect(exact).toEqual(['search-2020-ca-mau-nam-can-thuy-loi']);
    expect(onlyD.length).toBeGreaterThan(0);
    const slugs = await search('dầu');
    expect(slugs[0]).toBe(exact[0]);
    // Folded, d and đ meet: the others follow.
    expect(slugs).toEqual(expect.arrayContaining(onlyD));
  });

  it('"đầu" lists the plans with "đầu" before the one with only "dầu"', async () => {
    const exact = slugsWhere((p) => hasWord(p.text, 'đầu'));
    const onlyD = slugsWhere((p) => hasWord(p.text, 'dầu') && !exact.includes(p.slug));
    expect(exact.length).toBeGreaterThan(0);
    expect(onlyD).toEqual(['search-2020-ca-mau-nam-can-thuy-loi']);
    const slugs = await search('đầu');
    expect(new Set(slugs.slice(0, exact.length))).toEqual(new Set(exact));
    expect(slugs.indexOf(onlyD[0])).toBeGreaterThanOrEqual(exact.length);
  });
});

describe('3. tone placement and decomposition do not matter', () => {
  it.each([
    ['hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['hoà', 'hòa'],
    ['uỷ ban', 'ủy ban'],
  ])('"%s" and "%s" give the same plans in the same order', async (a, b) => {
    const [ra, rb] = await Promise.all([search(a), search(b)]);
    expect(ra.length).toBeGreaterThan(0);
    expect(ra).toEqual(rb);
  });

  it('a query typed in NFD gives what its NFC form gives', async () => {
    const [nfd, nfc] = await Promise.all([search('thuỷ lợi hoà giải'.normalize('NFD')), search('thuỷ lợi hoà giải')]);
    expect(nfc).toContain('search-2020-ca-mau-nam-can-thuy-loi');
    expect(nfd).toEqual(nfc);
  });
});

describe('4. document numbers in any spelling', () => {
  it.each(['4003/QĐ-UBND', '4003/qd-ubnd', '4003 QD UBND', 'số 4003/QĐ-UBND'])('"%s": that plan first, then only plans citing it', async (q) => {
    const key = docNumberKey('4003/QĐ-UBND');
    const own = slugsWhere((p) => Boolean(p.plan.documentNumber) && docNumberKey(p.plan.documentNumber!) === key);
    const citing = slugsWhere((p) => cited(p).includes(key) && !own.includes(p.slug));
    const slugs = await search(q);
    expect(own).toEqual(['2020-ubnd-tinh-4003-qd-ubnd']);
    expect(slugs.slice(0, own.length)).toEqual(own);
    expect(new Set(slugs.slice(own.length))).toEqual(new Set(citing));
    expect(slugs).not.toContain('search-2022-long-an-ubnd-4003-kh');
  });
});

describe('5. abbreviations both ways', () => {
  const ABBREVIATED = 'search-2024-lao-cai-sa-pa-viet-tat';
  const SPELLED_OUT = 'search-2023-ha-giang-viet-day-du';

  it.each([
    ['CCHC', SPELLED_OUT],
    ['cải cách hành chính', ABBREVIATED],
    ['TTHC', SPELLED_OUT],
    ['thủ tục hành chính', ABBREVIATED],
    ['UBND', SPELLED_OUT],
    ['Ủy ban nhân dân', ABBREVIATED],
    ['HĐND', SPELLED_OUT],
    ['VBQPPL', SPELLED_OUT],
    ['CĐS', SPELLED_OUT],
    ['chính phủ điện tử', ABBREVIATED],
    ['khoa học và công nghệ', ABBREVIATED],
    ['chỉ số cải cách hành chính', ABBREVIATED],
  ])('"%s" also finds %s, which writes it the other way', async (q, slug) => {
    const plan = plans.find((p) => p.slug === slug)!;
    expect(contains(plan.text, q)).toBe(false);
    expect(await search(q)).toContain(slug);
  });

  it('"PAR Index" puts the plan that writes "PAR Index" above the one that spells it out', async () => {
    const slugs = await search('PAR Index');
    expect(slugs).toContain(SPELLED_OUT);
    expect(slugs.indexOf(ABBREVIATED)).toBeLessThan(slugs.indexOf(SPELLED_OUT));
  });
});

describe('6. phrases rank higher', () => {
  it.each(['một cửa liên thông', 'tinh giản biên chế'])('"%s": every plan with the phrase comes before the plan with its syllables scattered', async (q) => {
    const slugs = await search(q);
    const withPhrase = slugsWhere((p) => contains(p.text, q));
    const scattered = slugs.indexOf('search-2022-quang-tri-ubnd-tu-roi-rac');
    expect(withPhrase).toContain('search-2022-quang-ngai-snv-mot-cua');
    expect(scattered).toBeGreaterThanOrEqual(0);
    for (const slug of withPhrase) expect(slugs.indexOf(slug), slug).toBeLessThan(scattered);
  });

  it('a quoted query gives only the plans with the exact phrase', async () => {
    const slugs = await search('"tinh giản biên chế"');
    expect(new Set(slugs)).toEqual(new Set(slugsWhere((p) => contains(p.text, 'tinh giản biên chế'))));
  });
});

describe('7. provinces before and after 2025', () => {
  const nowInDongThap = () => plans.filter((p) => p.now?.slug === 'dong-thap');

  it('"Đồng Tháp" also finds the former Tiền Giang plans, labelled as such', async () => {
    const { page, slugs } = await open({ q: 'Đồng Tháp' });
    expect(slugs).toEqual(expect.arrayContaining(nowInDongThap().map((p) => p.slug)));
    const tienGiang = nowInDongThap().filter((p) => p.unit?.slug === 'tien-giang');
    expect(tienGiang.length).toBeGreaterThan(0);
    for (const p of tienGiang) {
      const item = page.locator('[data-search-results] > li', { has: page.locator(`a[href$="/${p.slug}/"]`) });
      expect(await item.textContent()).toContain('Tiền Giang (nay thuộc Đồng Tháp)');
    }
    await page.close();
  });

  it('the province filter tinh=dong-thap keeps plans of Đồng Tháp as issued and as today', async () => {
    const { page, slugs, count } = await open({ tinh: 'dong-thap' });
    const expected = plans.filter((p) => p.now?.slug === 'dong-thap' || p.unit?.slug === 'dong-thap').map((p) => p.slug);
    expect(new Set(slugs)).toEqual(new Set(expected));
    expect(count).toContain(String(expected.length));
    await page.close();
  });
});

describe('8. as you type', () => {
  it('searches while typing, matching the last word as a prefix, and keeps the URL in step without new history entries', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/`);
    const before = await page.evaluate(() => history.length);
    await page.click('#q');
    await page.keyboard.type('tinh giản biên ch', { delay: 20 });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'tinh giản biên ch');
    const { slugs } = await readAll(page);
    expect(slugs.indexOf('search-2022-quang-ngai-snv-mot-cua')).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf('search-2022-quang-ngai-snv-mot-cua')).toBeLessThan(slugs.indexOf('search-2022-quang-tri-ubnd-tu-roi-rac'));
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.close();
  });

  it('never answers nothing when each word is in some plan, though in none together', async () => {
    const q = 'san hô thổ cẩm';
    expect(slugsWhere((p) => contains(p.text, 'san hô') && contains(p.text, 'thổ cẩm'))).toEqual([]);
    const { page, slugs, notices } = await open({ q });
    expect(slugs.slice(0, 2).sort()).toEqual(['search-2021-khanh-hoa-ubnd-thuy-san', 'search-2024-lao-cai-sa-pa-viet-tat']);
    expect(notices.join(' ')).toContain('Không kế hoạch nào có đủ mọi từ');
    await page.close();
  });
});

describe('đ on the page', () => {
  it.each([
    ['one bundle', () => root, '/', SITE_ROOT],
    ['shards', () => sub, SUB_BASE, SITE_SUB],
  ] as const)('finds đ words typed without it, and marks them as the plan writes them, with đ (%s)', async (_, server, base, dir) => {
    const { page, slugs } = await open({ q: 'doi ngu can bo' }, server(), base);
    expect(slugs.length).toBeGreaterThan(0);
    // The words found are marked as the plan writes them.
    const marked = await page.$$eval('[data-search-results] mark', (ms) => ms.map((m) => m.textContent!.toLowerCase()));
    expect(marked).toContain('đội');
    const text = await page.textContent('[data-search-results]');
    expect(text).not.toMatch(/[\u1E0E\u1E0F]/);
    await page.close();
    // The pages readers get keep đ as it is.
    const plan = readFileSync(join(dir, 'ke-hoach', slugs[0], 'index.html'), 'utf8');
    expect(plan).toMatch(/đội/iu);
    expect(plan).not.toMatch(/[\u1E0E\u1E0F]/);
  });
});

describe('the search page', () => {
  it('filters by year, alone or with words, and counts the plans each year would give', async () => {
    const alone = await open({ nam: '2022' });
    expect(new Set(alone.slugs)).toEqual(new Set(slugsWhere((p) => p.years.includes(2022))));
    await alone.page.close();

    const all = await search('kế hoạch');
    const { page, slugs, count } = await open({ q: 'kế hoạch', nam: '2022' });
    const expected = all.filter((s) => plans.find((p) => p.slug === s)!.years.includes(2022));
    expect(expected.length).toBeGreaterThan(0);
    expect(slugs).toEqual(expected);
    expect(count).toContain(String(expected.length));
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(await page.textContent('#loc-nam option[value="2022"]')).toContain(`(${expected.length})`);
    await page.close();
  });

  it.each([
    ['moi-nhat', -1],
    ['cu-nhat', 1],
  ] as const)('sorts by issue date (%s)', async (order, sign) => {
    const slugs = await search('kế hoạch', { 'sap-xep': order });
    const keys = slugs.map((s) => plans.find((p) => p.slug === s)!.sortKey);
    expect(keys).toEqual([...keys].sort((a, b) => sign * a.localeCompare(b)));
  });

  it('"Xem thêm" loads the next results and moves focus to the first of them', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('kế hoạch')}`);
    const first = await read(page);
    expect(first.slugs.length).toBe(RESULTS_PER_PAGE);
    await page.click('[data-search-more]');
    const second = await read(page);
    expect(second.slugs.slice(0, RESULTS_PER_PAGE)).toEqual(first.slugs);
    expect(second.slugs.length).toBe(2 * RESULTS_PER_PAGE);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toContain(second.slugs[RESULTS_PER_PAGE]);
    await page.close();
  });

  it('restores an earlier search with Back', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/`);
    for (const q of ['dòng', 'thuỷ lợi']) {
      await page.fill('#q', q);
      await page.press('#q', 'Enter');
      await page.waitForFunction((v) => new URLSearchParams(location.search).get('q') === v, q);
      await read(page);
    }
    const later = await resultSlugs(page);
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'dòng');
    const { slugs } = await read(page);
    expect(await page.inputValue('#q')).toBe('dòng');
    expect(slugs).not.toEqual(later);
    expect(slugs).toEqual((await search('dòng')).slice(0, RESULTS_PER_PAGE));
    await page.close();
  });

  it('changing a filter adds a history entry and updates the URL', async () => {
    const all = await search('kế hoạch');
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('kế hoạch')}`);
    await read(page);
    await page.selectOption('#loc-cap', 'so-nganh');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('cap') === 'so-nganh');
    const { slugs } = await readAll(page);
    expect(slugs).toEqual(all.filter((s) => plans.find((p) => p.slug === s)!.plan.issuer.level === 'so-nganh'));
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('cap'));
    expect(await page.inputValue('#loc-cap')).toBe('');
    await page.close();
  });

  it('says clearly when nothing is found, with ways out', async () => {
    const { page, slugs, count } = await open({ q: 'zzqxw', cap: 'xa' });
    expect(slugs).toEqual([]);
    expect(count).toContain('0');
    expect(await page.isVisible('[data-search-empty]')).toBe(true);
    const suggestions = await page.textContent('[data-search-empty]');
    expect(suggestions).toContain('Không tìm thấy kế hoạch nào');
    expect(suggestions).toContain('Bỏ bộ lọc');
    expect(suggestions).toContain('Duyệt kho');
    await page.close();
  });

  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['"><script>alert(1)</script>'],
    ["'><svg onload=alert(1)>"],
  ])('shows %s as text and never runs it', async (q) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent(q)}`);
    const { count } = await read(page);
    expect(await page.inputValue('#q')).toBe(q);
    expect(count).toContain(q.trim());
    expect(await page.$$eval('main img, main svg, main script:not([type])', (n) => n.length)).toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each([
    ['"', 'Từ khóa chỉ có dấu câu'],
    ['!!! ...', 'Từ khóa chỉ có dấu câu'],
    ['"một cửa', 'Dấu ngoặc kép chưa được đóng'],
  ])('answers %j with a message, not an error', async (q, message) => {
    const { page, notices } = await open({ q });
    expect(notices.join(' ')).toContain(message);
    await page.close();
  });

  it('works under a sub-path: results link into it', async () => {
    const { page, slugs } = await open({ q: 'dong thap' }, sub, SUB_BASE);
    expect(slugs).toContain('search-2021-dong-thap-snv-dong-bo-du-lieu');
    const hrefs = await page.$$eval('[data-search-results] > li a', (a) => a.map((x) => x.getAttribute('href')));
    for (const href of hrefs) expect(href!.startsWith(`${SUB_BASE}ke-hoach/`)).toBe(true);
    const response = await page.goto(new URL(hrefs[0]!, sub.url).href);
    expect(response?.status()).toBe(200);
    await page.close();
  });

  it('marks the searched words on the plan page a result leads to', async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('dong thap')}`);
    await read(page);
    await page.click('[data-search-results] > li:first-child a');
    await page.waitForSelector('mark.search-hit');
    const marked = await page.$$eval('mark.search-hit', (m) => m.map((x) => x.textContent));
    expect(marked).toEqual(expect.arrayContaining(['Đồng', 'Tháp']));
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('explains without JavaScript that search needs it, and links the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${root.url}tim-kiem/?q=dong+thap`);
    expect(await page.textContent('main')).toContain('cần bật JavaScript');
    // Astro drops the spaces around inline links unless written as expressions.
    expect((await page.textContent('.search-noscript'))?.replace(/\s+/g, ' ')).toContain('duyệt kho: tất cả kế hoạch, theo tỉnh, theo năm, theo lĩnh vực, theo cấp.');
    expect(await page.$$eval('.search-noscript a', (a) => a.map((x) => x.getAttribute('href')))).toContain('/tinh/');
    await context.close();
  });

  it('announces the count to screen readers', async () => {
    const { page } = await open({ q: 'dòng' });
    expect(await page.getAttribute('[data-search-count]', 'aria-live')).toBe('polite');
    await page.close();
  });
});

describe('the index', () => {
  it.each([
    ['whole', SITE_ROOT],
    ['sharded', SITE_SUB],
  ])('numbers every plan (%s), and its filter file gives each plan its years', async (_, site) => {
    expect(manifestOf(site).plans).toBe(plans.length);
    const filters = await (await SearchIndex.open(fileLoad(join(site, INDEX_DIR)))).filters();
    expect([...filters.keys()].sort()).toEqual([...FILTERS].sort());
    const years = [...filters.get('nam')!.values()].reduce((n, list) => n + list.length, 0);
    expect(years).toBe(plans.reduce((n, p) => n + p.years.length, 0));
  });
});
