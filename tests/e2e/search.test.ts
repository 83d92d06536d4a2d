/**
 * Search in headless Chromium against the fixture archive the global setup
 * built: every query rule of issue 3 as the order of result links on
 * /tim-kiem/, then the page itself (URL state, filters, sorting, "Xem thêm",
 * empty results, hostile input, sub-path, highlighting on the plan page,
 * no JavaScript, accessibility). Expectations come from the fixture data,
 * never from a count of the whole set.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedPageIds } from '../../src/integrations/stored-pages.ts';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { planFacts, type PlanFacts } from '../../src/lib/plan-facts.ts';
import { FACET_FILE, FILTERS, INDEX_LANGUAGE, META_WEIGHTS, SHARD_FILTER, SORT_BY_DATE, fromIndexText, pageIdLanguage, toIndexText } from '../../src/lib/search/index-fields.ts';
import { countTerms, lookUpPages, readChunk, readFilter, readMeta } from '../../src/lib/search/pagefind-index.ts';
import {
  COUNT_DIR,
  PHRASE_WORDS,
  begunFile,
  countFile,
  countReader,
  countSet,
  countTermsCounted,
  lookUpCounted,
  manifestFile,
  phraseFile,
  readBegunFile,
  readCountFile,
  readManifest,
  readPhraseFile,
} from '../../src/lib/search/count-files.ts';
import { facetColumnFile, readFacetColumn } from '../../src/lib/search/facet-columns.ts';
import { ID_BLOCK, idFile, pageFile, pageFragment, pageInfo, readIdFile, readPageFile } from '../../src/lib/search/page-files.ts';
import { PHRASE_DIR, bundlePages, phraseFiles } from '../../src/lib/search/phrase-files.ts';
import { exactKey, wordKeys, words } from '../../src/lib/search/text.ts';
import { readEntries, validateAll } from '../../src/tools/entries.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_PLANS } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

let browser: Browser;
let root: StaticServer;
let sub: StaticServer;
let plans: Array<PlanFacts & { text: string }>;

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
  await browser?.close();
  await Promise.all([root?.close(), sub?.close()]);
});

interface SearchPage {
  page: Page;
  slugs: string[];
  count: string;
  notices: string[];
}

const DONE = '[data-search-results][data-search-state="done"]';

/** The plan slugs the result links point to, in order. */
async function resultSlugs(page: Page, base = '/'): Promise<string[]> {
  const hrefs = await page.$$eval('[data-search-results] > li', (items) => items.map((li) => li.querySelector('a')?.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(`${base}ke-hoach/`, '').replace(/\/$/, ''));
}

async function read(page: Page, base = '/'): Promise<SearchPage> {
  await page.waitForSelector(DONE, { state: 'attached' });
  return {
    page,
    slugs: await resultSlugs(page, base),
    count: (await page.textContent('[data-search-count]')) ?? '',
    notices: await page.$$eval('[data-search-notices] li', (items) => items.map((li) => li.textContent ?? '')),
  };
}

/** Waits for the results, pressing "Xem thêm" until all are shown. */
async function readAll(page: Page, base = '/'): Promise<SearchPage> {
  let result = await read(page, base);
  while (await page.isVisible('[data-search-more]')) {
    await page.click('[data-search-more]');
    result = await read(page, base);
  }
  return result;
}

/** Opens /tim-kiem/ with the given parameters and waits for all its results. */
async function open(params: Record<string, string>, server = root, base = '/'): Promise<SearchPage> {
  const page = await browser.newPage();
  await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
  return readAll(page, base);
}

/** The text of every filter option, counts and all, once the counts are in. */
async function facetCounts(page: Page): Promise<string[]> {
  await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
  return page.$$eval('select[data-facet] option', (options) => options.map((o) => `${(o.parentElement as HTMLSelectElement).id} ${o.textContent ?? ''}`));
}

/** The index shards a build's search page lists: the sub-path build is sharded (tests/global-setup.ts), the root build is not. */
const shardsOf = (dir: string) =>
  JSON.parse(/data-search-shards="([^"]*)"/.exec(readFileSync(join(dir, 'tim-kiem/index.html'), 'utf8'))![1].replace(/&quot;/g, '"')) as { name: string; path: string; language: string }[];

async function search(q: string, extra: Record<string, string> = {}): Promise<string[]> {
  const { page, slugs } = await open({ q, ...extra });
  await page.close();
  return slugs;
}

const folded = (text: string) => ` ${wordKeys(text).join(' ')} `;
const contains = (text: string, phrase: string) => folded(text).includes(folded(phrase));
const slugsWhere = (test: (p: PlanFacts & { text: string }) => boolean) => plans.filter(test).map((p) => p.slug);
const cited = (p: PlanFacts) => (p.plan.legalBases ?? []).map((b) => docNumberKey(typeof b === 'string' ? b : b.number));

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

  it("keeps them apart in the index's exact-diacritics search, in both directions", async () => {
    const page = await browser.newPage();
    await page.goto(`${root.url}tim-kiem/`);
    const exactSearch = async (word: string) =>
      (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.options({ exactDiacritics: true });
        const { results } = await pagefind.search(${JSON.stringify(`"${toIndexText(word)}"`)});
        return (await Promise.all(results.map((r) => r.data()))).map((d) => d.url);
      })()`)) as string[];
    const slugsOf = (urls: string[]) => urls.map((u) => u.split('/').filter(Boolean).pop()).sort();
    expect(slugsOf(await exactSearch('dầu'))).toEqual(slugsWhere((p) => hasWord(p.text, 'dầu')).sort());
    expect(slugsOf(await exactSearch('đầu'))).toEqual(slugsWhere((p) => hasWord(p.text, 'đầu')).sort());
    await page.close();
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

describe('reading the results\' text', () => {
  it('decodes Pagefind\'s stored text itself, giving what Pagefind\'s data() gives', async () => {
    const { page, slugs } = await open({ q: 'dong thap' });
    expect(slugs.length).toBeGreaterThan(0);
    const shown = await page.$$eval('[data-search-results] > li a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    // A string, so that the test runner leaves its dynamic import alone.
    const viaPagefind = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const { results } = await pagefind.search('dong thap');
      const data = await Promise.all(results.map((r) => r.data()));
      return data.map((d) => [d.url, d.meta.title]);
    })()`)) as string[][];
    // Pagefind's text is the indexed text, đ written with a stroke; the page writes it back.
    expect(viaPagefind.map(([url, title]) => [url, fromIndexText(title)])).toEqual(expect.arrayContaining(shown));
    expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length)).toBe(0);
    await page.close();
  });

  it('reads each result of a sharded index from its own shard, under its page number, with no id', async () => {
    // Newest first across shards of six plans: the first page of results spans several shards.
    const { page, slugs } = await open({ q: 'kế hoạch', 'sap-xep': 'moi-nhat' }, sub, SUB_BASE);
    expect(slugs.length).toBeGreaterThan(6);
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    const fetched = requested.filter((p) => p.endsWith('.pf_fragment'));
    expect(fetched.length).toBeGreaterThanOrEqual(slugs.length);
    // Each file sits in a shard's own page fragments: the shard its plan is in.
    const shards = shardsOf(SITE_SUB);
    const shardOf = (p: string) => shards.find((s) => p.startsWith(`${SUB_BASE}pagefind/${s.path}${COUNT_DIR}/`));
    for (const p of fetched) expect(p).toMatch(new RegExp(`/${COUNT_DIR}/[^/]+/trang/\\d+\\.pf_fragment$`));
    expect(new Set(fetched.map((p) => shardOf(p)?.name)).size).toBeGreaterThan(1);
    expect(fetched.every((p) => shardOf(p) !== undefined)).toBe(true);
    // Showing a result asked for no id, nor for a fragment by id.
    expect(requested.filter((p) => /\/ma\d+\.json$/.test(p) || /\/fragment\/[^/]+\.pf_fragment$/.test(p))).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('kho-search:page-fragment-fallback').length)).toBe(0);
    await page.close();
  });

  it('shows the same results by id when the page fragments are missing (an older build)', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'đội ngũ cán bộ' };
      const normal = await open(params, server, base);
      const expected = await readAll(normal.page, base);
      await normal.page.close();
      const page = await browser.newPage();
      await page.route(
        (url) => /\/trang\/\d+\.pf_fragment$/.test(url.pathname),
        (route) => route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      const got = await readAll(page, base);
      expect(got.slugs.length, base).toBeGreaterThan(0);
      expect({ slugs: got.slugs, count: got.count }, base).toEqual({ slugs: expected.slugs, count: expected.count });
      const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(requested.some((p) => /\/fragment\/[^/]+\.pf_fragment$/.test(p)), base).toBe(true);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:page-fragment-fallback').length), base).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length), base).toBe(0);
      await page.close();
    }
  });
});

describe('whole words and phrases read from the index files', () => {
  /** The metadata of the bundle in `folder`, found through its entry file as the search page finds it. */
  function bundleMeta(folder: string, language: string) {
    return readMeta(gunzipSync(readFileSync(join(folder, `pagefind.${indexHash(folder, language)}.pf_meta`))));
  }

  /** The hash of the index of the bundle in `folder`, as its entry file names it. */
  const indexHash = (folder: string, language: string): string => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).languages[language].hash;

  /** Each bundle of a build, with its metadata and a chunk loader, as the search page reads them. */
  function bundlesOf(dir: string) {
    const shards = shardsOf(dir);
    return (shards.length ? shards : [{ path: '', language: INDEX_LANGUAGE }]).map((b) => {
      const folder = join(dir, 'pagefind', b.path);
      const load = (hash: string, count: number) => readChunk(gunzipSync(readFileSync(join(folder, 'index', `${hash}.pf_index`))), count);
      const meta = bundleMeta(folder, b.language);
      return { folder, language: b.language, meta, load, words: () => meta.chunks.flatMap((c) => [...load(c.hash, meta.pages.length).keys()]) };
    });
  }

  /** The search page's reading of a build's index files, run in Node: the ids of the pages holding the words, over every bundle. */
  async function fromFiles(dir: string, keys: string[], exact?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of await lookUpPages(meta, keys, exact, load)) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /** The pages a ranked search of the keys reads from the index files, over every bundle. */
  async function rankedFromFiles(dir: string, keys: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of (await countTerms(meta, keys, [], load)).pages) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /**
   * Runs `body`, a function body with `pagefind` in scope (every bundle
   * merged), on the search page of a build, and returns what it returns. A
   * string, so that the test runner leaves its dynamic import alone.
   */
  async function inPagefind<T>(server: StaticServer, dir: string, base: string, body: string): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}tim-kiem/`);
      return (await page.evaluate(`(async () => {
        const base = ${JSON.stringify(base)};
        const pagefind = await import(base + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: base, noWorker: true });
        for (const s of ${JSON.stringify(shardsOf(dir).slice(1))}) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        ${body}
      })()`)) as T;
    } finally {
      await page.close();
    }
  }

  /**
   * Every word of the fixture plans, folded, every spelling with diacritics,
   * as the index writes them, and runs of two to four words from each plan.
   */
  const vocabulary = () => {
    const keys = new Set<string>();
    const spellings = new Map<string, string>();
    const phrases = new Set<string>();
    for (const p of plans) {
      const ks = wordKeys(p.text);
      for (let at = 0; at + 4 < ks.length; at += 11) phrases.add(ks.slice(at, at + 2 + (at % 3)).join(' '));
      for (const w of words(p.text)) {
        const key = wordKeys(w)[0];
        keys.add(key);
        // As exactKey spells it, "&" dropped, but with the tone placement written.
        const spelled = toIndexText(w.toLowerCase().replace(/&/g, ''));
        if (spelled !== key) spellings.set(spelled, key);
      }
    }
    // Words no plan has side by side, and across a sentence or a field.
    for (const extra of ['ke hoach cai cach hanh chinh', 'chi so cai cach hanh chinh', 'hanh chinh ke', 'so 4003', 'cai cach xyzzy']) phrases.add(extra);
    return { keys: [...keys], spellings: [...spellings], phrases: [...phrases] };
  };

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])('give, for every word of the plans and runs of their words, the pages Pagefind finds for them (%s index)', async (_, which) => {
    const [server, dir, base] = which();
    const { keys, spellings, phrases } = vocabulary();
    expect(keys.length).toBeGreaterThan(200);
    expect(spellings.length).toBeGreaterThan(100);
    expect(phrases.length).toBeGreaterThan(50);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    const shards = shardsOf(dir);
    // A string, so that the test runner leaves its dynamic import alone.
    const pagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const exact = pagefind.createInstance({ baseUrl: base, noWorker: true, exactDiacritics: true });
      for (const s of shards.slice(1)) {
        await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        await exact.mergeIndex(base + 'pagefind/' + s.path, { exactDiacritics: true, language: s.language });
      }
      const ids = async (instance, term) => ((await instance.search('"' + term + '"'))?.results ?? []).map((r) => r.id).sort();
      const out = { keys: {}, spellings: {}, phrases: {} };
      for (const k of ${JSON.stringify(keys)}) out.keys[k] = await ids(pagefind, k);
      for (const [s] of ${JSON.stringify(spellings)}) out.spellings[s] = await ids(exact, s);
      for (const p of ${JSON.stringify(phrases)}) out.phrases[p] = await ids(pagefind, p);
      return out;
    })()`)) as Record<'keys' | 'spellings' | 'phrases', Record<string, string[]>>;
    for (const key of keys) expect(await fromFiles(dir, [key]), key).toEqual(pagefind.keys[key]);
    for (const [spelled, key] of spellings) expect(await fromFiles(dir, [key], spelled), spelled).toEqual(pagefind.spellings[spelled]);
    for (const phrase of phrases) expect(await fromFiles(dir, phrase.split(' ')), phrase).toEqual(pagefind.phrases[phrase]);
    // Some runs are found only as runs: the test is not only of single words.
    expect(phrases.filter((p) => pagefind.phrases[p].length > 0).length).toBeGreaterThan(phrases.length / 2);
    await page.close();
  }, 120_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for ranked searches the pages of Pagefind's own search, held to whole words but the last (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const { keys, phrases } = vocabulary();
    // Half of each word, as one being typed; every word; runs of words, the last whole or half typed.
    const queries = [
      ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]),
      ...keys.map((k) => [k]),
      ...phrases.flatMap((p) => {
        const ks = p.split(' ');
        const last = ks[ks.length - 1];
        return [ks, [...ks.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))]];
      }),
    ];
    // Pagefind stands a last word that begins no word of an index for the longest start of it that is a word,
    // but only among the words it has loaded so far, which depends on earlier searches: the unit tests cover
    // that. So each query is compared in the bundles having a word it begins.
    const bundleWords = bundlesOf(dir).map((b) => ({ language: b.language, words: b.words() }));
    const comparedIn = (q: string[]) => new Set(bundleWords.filter((b) => b.words.some((w) => w.startsWith(q[q.length - 1]))).map((b) => b.language));
    const wholeWords = [...new Set(queries.flatMap((q) => q.slice(0, -1)))];
    const pagefind = await inPagefind<{ ranked: Record<string, string[]>; whole: Record<string, string[]> }>(
      server,
      dir,
      base,
      `const ids = async (term) => ((await pagefind.search(term))?.results ?? []).map((r) => r.id);
      const out = { ranked: {}, whole: {} };
      for (const q of ${JSON.stringify(queries)}) out.ranked[q.join(' ')] = await ids(q.join(' '));
      for (const w of ${JSON.stringify(wholeWords)}) out.whole[w] = await ids('"' + w + '"');
      return out;`,
    );
    let found = 0;
    let compared = 0;
    for (const q of queries) {
      const held = q.slice(0, -1).map((w) => new Set(pagefind.whole[w]));
      const bundles = comparedIn(q);
      const inBundles = (id: string) => bundles.has(pageIdLanguage(id) ?? '');
      const expected = pagefind.ranked[q.join(' ')].filter((id) => inBundles(id) && held.every((s) => s.has(id))).sort();
      expect((await rankedFromFiles(dir, q)).filter(inBundles), q.join(' ')).toEqual(expected);
      if (expected.length) found++;
      compared += bundles.size;
    }
    expect(found).toBeGreaterThan(queries.length / 2);
    expect(compared).toBeGreaterThan(queries.length * bundleWords.length * 0.6);
  }, 180_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for every filter value the pages of Pagefind's filtered search (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    // Every value of every filter, as the index files have them.
    const fromFiles = new Map<string, string[]>();
    for (const { folder, meta } of bundlesOf(dir)) {
      for (const name of FILTERS) {
        const hash = meta.filters.get(name);
        if (!hash) continue;
        for (const [value, pages] of readFilter(gunzipSync(readFileSync(join(folder, 'filter', `${hash}.pf_filter`))), meta.pages.length)) {
          const key = `${name}=${value}`;
          fromFiles.set(key, [...(fromFiles.get(key) ?? []), ...Array.from(pages, (p) => meta.pages[p])]);
        }
      }
    }
    expect(new Set([...fromFiles.keys()].map((k) => k.split('=')[0]))).toEqual(new Set(FILTERS));
    const viaPagefind = await inPagefind<Record<string, string[]>>(
      server,
      dir,
      base,
      `const out = {};
      for (const key of ${JSON.stringify([...fromFiles.keys()])}) {
        const [name, value] = key.split('=');
        out[key] = ((await pagefind.search(null, { filters: { [name]: value } }))?.results ?? []).map((r) => r.id).sort();
      }
      return out;`,
    );
    for (const [key, ids] of fromFiles) expect(ids.sort(), key).toEqual(viaPagefind[key]);
    // The same from the facet columns, a file per filter, which the page reads first.
    const bundles = bundlesOf(dir);
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    for (const name of FILTERS) {
      const text = readFileSync(join(dir, 'pagefind', facetColumnFile(set, name)), 'utf8');
      const column = readFacetColumn(text, name, hashes, bundles.map((b) => b.meta.pages.length));
      expect([...column.all].sort(), name).toEqual([...fromFiles.keys()].filter((k) => k.startsWith(`${name}=`)).map((k) => k.slice(name.length + 1)).sort());
      for (const value of column.all) {
        const ids = bundles.flatMap((b, i) => Array.from(column.pagesWith(i, value), (page) => b.meta.pages[page]));
        expect(ids.sort(), `${name}=${value}`).toEqual(viaPagefind[`${name}=${value}`]);
      }
    }
  });

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give every plan in the order of Pagefind's sorted search, newest or oldest first (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const shards = shardsOf(dir);
    const bundles = shards.length ? shards : [{ name: '', path: '', language: INDEX_LANGUAGE }];
    // Each bundle's ascending order from its metadata, as the search page reads it.
    const ascending = bundles.map((b) => {
      const meta = bundleMeta(join(dir, 'pagefind', b.path), b.language);
      return Array.from(meta.sorts.get(SORT_BY_DATE)!, (p) => meta.pages[p]);
    });
    expect(ascending.flat()).toHaveLength(plans.length);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    // Pagefind's own sorted search, one bundle at a time (merged bundles interleave).
    const viaPagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const sorted = async (d, filters) => ((await pagefind.search(null, { sort: { ${JSON.stringify(SORT_BY_DATE)}: d }, filters }))?.results ?? []).map((r) => r.id);
      if (shards.length === 0) return [{ desc: await sorted('desc', {}), asc: await sorted('asc', {}) }];
      const tag = (s) => ({ ${JSON.stringify(SHARD_FILTER)}: s.name });
      await pagefind.options({ mergeFilter: tag(shards[0]) });
      for (const s of shards.slice(1)) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language, mergeFilter: tag(s) });
      const out = [];
      for (const s of shards) out.push({ desc: await sorted('desc', tag(s)), asc: await sorted('asc', tag(s)) });
      return out;
    })()`)) as { desc: string[]; asc: string[] }[];
    ascending.forEach((ids, i) => {
      expect(viaPagefind[i].asc).toEqual(ids);
      expect(viaPagefind[i].desc).toEqual([...ids].reverse());
    });
    await page.close();
  });

  it('answer the search page without falling back to Pagefind, or loading it, sharded or not', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams({ q: 'hoà giải cơ sở "một cửa" 4003/QĐ-UBND' })}`);
      const { slugs } = await read(page, base);
      // A half-typed last word, a filter alone, a filter with words, the date order, and a phrase longer than the count files hold.
      for (const params of <Record<string, string>[]>[
        { q: 'đội ngũ cán b' },
        { nam: '2022' },
        { q: 'kế hoạch', tinh: 'dong-thap' },
        { q: 'kế hoạch', 'sap-xep': 'cu-nhat' },
        { q: '"cải cách hành chính năm 2020"' },
      ]) {
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
        expect((await read(page, base)).slugs.length, JSON.stringify(params)).toBeGreaterThan(0);
      }
      expect(slugs.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
      // Pagefind's script and WebAssembly are the fallback only.
      expect(requested.filter((p) => /pagefind\.js$|\.pagefind$|wasm/.test(p)), base).toEqual([]);
      // Read from the count files, and the index chunks for what they leave (a phrase of more than four words).
      expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`))).toBe(true);
      expect(requested.some((p) => p.endsWith('.pf_index'))).toBe(true);
      await page.close();
    }
  });

  it('fall back to Pagefind when they cannot be read, with the same plans', async () => {
    for (const q of ['đội ngũ cán bộ', 'hoà giải', 'CCHC', '4003/QĐ-UBND']) {
      const expected = await search(q);
      const page = await browser.newPage();
      // Pagefind asks for pagefind-entry.json with a cache-busting query; the
      // search page's reader asks for the plain file, which here names no
      // index it can read.
      await page.route(
        (url) => url.pathname.endsWith('/pagefind-entry.json') && url.search === '',
        (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ version: '1.6.0', languages: {} }) }),
      );
      await page.goto(`${root.url}tim-kiem/?${new URLSearchParams({ q })}`);
      // The same plans; within a tier Pagefind's relevance may order them otherwise than the index's.
      expect((await readAll(page)).slugs.sort(), q).toEqual([...expected].sort());
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length), q).toBeGreaterThan(0);
      await page.close();
    }
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the files the build writes the pages each rewording phrase reads from the index (%s index)', async (_, dir) => {
    let found = 0;
    // One file per phrase for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const set = countSet(bundles.map(({ folder, language }) => indexHash(folder, language)));
    for (const [keys, file] of phraseFiles(set)) {
      const lists: unknown = JSON.parse(readFileSync(join(dir(), 'pagefind', file), 'utf8'));
      for (const [b, { folder, meta, load }] of bundles.entries()) {
        const written = Array.from(bundlePages(lists, b, bundles.length, meta.pages.length));
        const read = await lookUpPages(meta, keys, undefined, load);
        expect(written, `${folder} ${keys.join(' ')}`).toEqual(read.sort((a, b) => a - b));
        if (written.length) found++;
      }
    }
    expect(found).toBeGreaterThan(1);
  });

  it('read a rewording phrase from its file, and from the index when the file is missing', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'CCHC' };
      const normal = await open(params, server, base);
      const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      // One file for every bundle, however many shards.
      expect(requested.filter((p) => p.includes(`/${PHRASE_DIR}/`) && p.endsWith('/cai-cach-hanh-chinh.json')), base).toEqual([
        expect.stringMatching(new RegExp(`^${base}pagefind/${PHRASE_DIR}/chung_[0-9a-f]+/cai-cach-hanh-chinh\\.json$`)),
      ]);
      await normal.page.close();
      const page = await browser.newPage();
      await page.route(
        (url) => url.pathname.includes(`/${PHRASE_DIR}/`),
        (route) => route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      expect((await readAll(page, base)).slugs, base).toEqual(normal.slugs);
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
      await page.close();
    }
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the count files the answers the index gives, for every word, spelling, phrase and ranked search of the plans (%s index)', async (_, dir) => {
    const { keys, spellings, phrases } = vocabulary();
    const queries = [...keys.map((k) => [k]), ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]), ...phrases.map((p) => p.split(' '))];
    let phrasesAnswered = 0;
    // One set of files for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    const file = (name: string) => readFileSync(join(dir(), 'pagefind', name), 'utf8');
    const manifest = readManifest(file(manifestFile(set)), hashes);
    for (const [b, { meta, load }] of bundles.entries()) {
      const reader = countReader(manifest, b, meta.pages.length, {
        counts: async (i) => readCountFile(file(countFile(set, i))),
        phrases: async (i) => readPhraseFile(file(phraseFile(set, i))),
        begun: async (i) => readBegunFile(file(begunFile(set, i))),
      });
      const sorted = (pages: ArrayLike<number>) => Array.from(pages).sort((a, b) => a - b);
      for (const key of keys) expect(sorted((await lookUpCounted(reader, [key], undefined))!), key).toEqual(sorted(await lookUpPages(meta, [key], undefined, load)));
      for (const [spelled, key] of spellings) {
        expect(sorted((await lookUpCounted(reader, [key], spelled))!), spelled).toEqual(sorted(await lookUpPages(meta, [key], spelled, load)));
      }
      for (const phrase of phrases) {
        const ks = phrase.split(' ');
        const counted = await lookUpCounted(reader, ks, undefined);
        // Undefined only for what the files leave to the index: a phrase longer than their runs.
        if (counted === undefined) {
          expect(ks.length, phrase).toBeGreaterThan(PHRASE_WORDS);
          continue;
        }
        if (ks.length <= PHRASE_WORDS) phrasesAnswered++;
        expect(sorted(counted), phrase).toEqual(sorted(await lookUpPages(meta, ks, undefined, load)));
      }
      const weights = meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);
      for (const q of queries) {
        const counted = await countTermsCounted(reader, q, meta.pages.length);
        const read = await countTerms(meta, q, weights, load);
        expect({ ...counted, counts: counted.counts.map((c) => [...c]) }, q.join(' ')).toEqual({ ...read, counts: read.counts.map((c) => [...c]) });
      }
    }
    expect(phrasesAnswered).toBeGreaterThan(phrases.length / 2);
    expect(phrasesAnswered).toBe(phrases.filter((p) => p.split(' ').length <= PHRASE_WORDS).length * bundlesOf(dir()).length);
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])("give in the page files what each bundle's .pf_meta gives: word counts, sort orders, filters, fields, ids and each page's fragment (%s index)", (_, dir) => {
    for (const { folder, language, meta } of bundlesOf(dir())) {
      const hash = indexHash(folder, language);
      const info = readPageFile(readFileSync(join(folder, pageFile(hash)), 'utf8'));
      expect(info, folder).toEqual({ ...pageInfo(meta), idBlock: ID_BLOCK });
      const ids: string[] = [];
      for (let block = 0; block * ID_BLOCK < meta.pages.length; block++) ids.push(...readIdFile(readFileSync(join(folder, idFile(hash, block)), 'utf8'), block, info));
      expect(ids, folder).toEqual(meta.pages);
      // Each page's fragment under its number is Pagefind's fragment of that page's id.
      meta.pages.forEach((id, page) => {
        expect(readFileSync(join(folder, pageFragment(hash, page))).equals(readFileSync(join(folder, 'fragment', `${id}.pf_fragment`))), `${folder} ${page}`).toBe(true);
      });
    }
  });

  it('show and count the same plans when the page files, the facet columns or the id files are missing, reading .pf_meta, the filter files and the facet table instead', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'kế hoạch', nam: '2022' };
      const normal = await open(params, server, base);
      const expected = await readAll(normal.page, base);
      expect(expected.slugs.length, base).toBeGreaterThan(0);
      const counts = await facetCounts(normal.page);
      // Filtered and counted by page number, a column per filter: no id of any plan, no filter file, nor the facet table by id.
      const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      expect(requested.filter((p) => /\/loc-[a-z-]+\.json$/.test(p)).map((p) => p.replace(/^.*\/loc-/, '')).sort(), base).toEqual(FILTERS.map((f) => `${f}.json`).sort());
      expect(requested.filter((p) => /\/ma\d+\.json$/.test(p) || p.endsWith('.pf_meta') || p.endsWith('.pf_filter') || p.endsWith(`/${FACET_FILE}`)), base).toEqual([]);
      await normal.page.close();
      for (const missing of [/\/trang\.json$/, /\/loc-nam\.json$/, /\/loc-cap\.json$/, /\/(loc-[a-z-]+|ma\d+)\.json$/]) {
        const page = await browser.newPage();
        await page.route(
          (url) => url.pathname.includes(`/${COUNT_DIR}/`) && missing.test(url.pathname),
          (route) => route.fulfill({ status: 404, body: '' }),
        );
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
        const got = await readAll(page, base);
        expect({ slugs: got.slugs, count: got.count }, `${base} ${missing}`).toEqual({ slugs: expected.slugs, count: expected.count });
        expect(await facetCounts(page), `${base} ${missing}`).toEqual(counts);
        expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
        await page.close();
      }
    }
  });

  it('answer words, spellings, phrases and rankings from the count files, and from the index when they are missing', async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      // Whole words, a half-typed one, a quoted phrase, an abbreviation, and more words than the phrase files' runs (searches.ts, `phraseSearches`).
      for (const q of ['đội ngũ cán bộ', 'hoà giải', 'kế hoạch cải c', '"một cửa" liên thông', 'CCHC', 'kế hoạch cải cách hành chính']) {
        const normal = await open({ q }, server, base);
        const expected = (await readAll(normal.page, base)).slugs;
        const requested = await normal.page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
        expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`)), `${base} ${q}`).toBe(true);
        // One set of count and phrase files for every bundle, in the primary's folder: a word is one file, however many shards.
        const countFiles = requested.filter((p) => /\/[dc]\d+\.json$/.test(p));
        expect(countFiles.length, `${base} ${q}`).toBeGreaterThan(0);
        for (const p of countFiles) expect(p, `${base} ${q}`).toMatch(new RegExp(`^${base}pagefind/${COUNT_DIR}/chung_[0-9a-f]+/[dc]\\d+\\.json$`));
        expect(new Set(countFiles).size, `${base} ${q}`).toBe(countFiles.length);
        // Nothing left for the index chunks, nor for Pagefind's metadata: the page files stand in for it.
        expect(requested.filter((p) => p.endsWith('.pf_index')), `${base} ${q}`).toEqual([]);
        expect(requested.filter((p) => p.endsWith('.pf_meta')), `${base} ${q}`).toEqual([]);
        await normal.page.close();
        const page = await browser.newPage();
        await page.route(
          (url) => url.pathname.includes(`/${COUNT_DIR}/`),
          (route) => route.fulfill({ status: 404, body: '' }),
        );
        await page.goto(`${server.url}tim-kiem/?${new URLSearchParams({ q })}`);
        expect(expected.length, `${base} ${q}`).toBeGreaterThan(0);
        expect((await readAll(page, base)).slugs, `${base} ${q}`).toEqual(expected);
        expect(await page.evaluate(() => performance.getEntriesByName('kho-search:word-index-fallback').length)).toBe(0);
        await page.close();
      }
    }
  });

  it('ask for the count files again on the next query when a download of them failed', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    let failed = 0;
    // The first ask for the list of count files fails as a dropped connection does; later ones go through.
    await page.route(
      (url) => url.pathname.includes(`/${COUNT_DIR}/`) && url.pathname.endsWith('/index.json'),
      (route) => (failed++ === 0 ? route.abort('connectionreset') : route.continue()),
    );
    await page.goto(`${root.url}tim-kiem/?${new URLSearchParams({ q: 'đội ngũ cán bộ' })}`);
    const first = await read(page);
    // The same plans, whether each question read the chunks or asked for the list again and got it.
    expect(first.slugs).toEqual((await search('đội ngũ cán bộ')).slice(0, first.slugs.length));
    requested.length = 0;
    await page.fill('#q', 'hoà giải');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'hoà giải');
    const second = await read(page);
    expect(second.slugs).toEqual((await search('hoà giải')).slice(0, second.slugs.length));
    // The list was asked for again (once it came, never more), and this query read the count files, not the chunks.
    expect(failed).toBe(2);
    expect(requested.some((p) => p.includes(`/${COUNT_DIR}/`) && /\/d\d+\.json$/.test(p))).toBe(true);
    expect(requested.filter((p) => p.endsWith('.pf_index'))).toEqual([]);
    await page.close();
  });

  it("show a plan read from the index files through Pagefind's own result when its file cannot be read", async () => {
    for (const [server, base] of [[root, '/'], [sub, SUB_BASE]] as const) {
      const params = { q: 'đội ngũ cán bộ' };
      const normal = await open(params, server, base);
      await normal.page.close();
      const page = await browser.newPage();
      // The page's own read of each plan's file comes first, and gets bytes
      // that are neither gzip nor Pagefind's; Pagefind, asked after, gets the file.
      const served = new Set<string>();
      await page.route(
        (url) => url.pathname.endsWith('.pf_fragment'),
        (route) => {
          const url = route.request().url();
          if (served.has(url)) return route.continue();
          served.add(url);
          return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'not a fragment' });
        },
      );
      await page.goto(`${server.url}tim-kiem/?${new URLSearchParams(params)}`);
      const { slugs } = await read(page, base);
      expect(slugs.length).toBeGreaterThan(0);
      expect(slugs, base).toEqual(normal.slugs.slice(0, slugs.length));
      expect(await page.evaluate(() => performance.getEntriesByName('kho-search:fragment-fallback').length)).toBeGreaterThan(0);
      // The titles shown are Pagefind's text with đ written back.
      const titles = await page.$$eval('[data-search-results] > li a', (as) => as.map((a) => a.textContent ?? ''));
      expect(titles.join(' ')).not.toMatch(/[\u1E0E\u1E0F]/);
      expect(titles.every((t) => t.trim().length > 0)).toBe(true);
      await page.close();
    }
  });
});

describe('đ in the index and on the page', () => {
  it.each([
    ['one bundle', () => root, '/', SITE_ROOT],
    ['shards', () => sub, SUB_BASE, SITE_SUB],
  ] as const)('finds đ words typed without it, and shows them with đ, never as the index writes them (%s)', async (_, server, base, dir) => {
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

  it('fetches the filter counts only once the reader turns to the filters', async () => {
    const { page, slugs } = await open({ q: 'kế hoạch' });
    const facetFiles: string[] = [];
    // The facet columns by page number (facet-columns.ts), or the facet table by id without them.
    page.on('request', (r) => (r.url().includes(FACET_FILE) || /\/loc-[a-z-]+\.json$/.test(r.url())) && facetFiles.push(r.url()));
    await page.waitForLoadState('networkidle');
    expect(slugs.length).toBeGreaterThan(0);
    expect(facetFiles).toEqual([]);
    expect(await page.getAttribute('[data-search-facets]', 'data-search-facets')).toBe('idle');
    // The sort order shows no counts: reaching for it fetches nothing.
    await page.hover('#sap-xep');
    await page.focus('#sap-xep');
    await page.waitForLoadState('networkidle');
    expect(facetFiles).toEqual([]);

    await page.focus('#loc-cap');
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(facetFiles.map((url) => url.replace(/^.*\/loc-/, '')).sort()).toEqual(FILTERS.map((f) => `${f}.json`).sort());
    const all = await search('kế hoạch');
    const narrower = await search('kế hoạch cải cách');
    const levelCount = (slugs: string[], level: string) => slugs.filter((s) => plans.find((p) => p.slug === s)!.plan.issuer.level === level).length;
    // A level whose count the narrower search changes, so that following it shows.
    const level = [...new Set(all.map((s) => plans.find((p) => p.slug === s)!.plan.issuer.level))].find((l) => levelCount(all, l) !== levelCount(narrower, l));
    expect(level).toBeDefined();
    const expected = levelCount(all, level!);
    expect(await page.textContent(`#loc-cap option[value="${level}"]`)).toContain(`(${expected})`);

    // From then on, the counts follow each search without being asked again.
    const narrowerCount = levelCount(narrower, level!);
    await page.fill('#q', 'kế hoạch cải cách');
    await page.waitForSelector(DONE, { state: 'attached' });
    await page.waitForSelector('[data-search-facets="done"]', { state: 'attached' });
    expect(await page.textContent(`#loc-cap option[value="${level}"]`)).toContain(`(${narrowerCount})`);
    expect(facetFiles).toHaveLength(FILTERS.length);
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
    expect(first.slugs.length).toBe(10);
    await page.click('[data-search-more]');
    const second = await read(page);
    expect(second.slugs.slice(0, 10)).toEqual(first.slugs);
    expect(second.slugs.length).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toContain(second.slugs[10]);
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
    expect(slugs).toEqual(await search('dòng'));
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
    expect(await page.$$eval('.search-noscript a', (a) => a.map((x) => x.getAttribute('href')))).toContain('/tinh/');
    await context.close();
  });

  it('has no WCAG 2.2 AA violations with results, and fits 360px', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${root.url}tim-kiem/?q=${encodeURIComponent('một cửa')}&nam=2020`);
    await read(page);
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run;
      const r = await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('announces the count to screen readers', async () => {
    const { page } = await open({ q: 'dòng' });
    expect(await page.getAttribute('[data-search-count]', 'aria-live')).toBe('polite');
    await page.close();
  });
});

describe('the index', () => {
  it('holds the plan pages and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(SITE_ROOT, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(plans.length);
  });

  it.each([
    ['whole', SITE_ROOT],
    ['sharded', SITE_SUB],
  ])('has a facet table (%s) with every plan and its filter values', (_, site) => {
    const table = JSON.parse(readFileSync(join(site, 'pagefind/kho-facets.json'), 'utf8')) as { values: string[]; plans: Record<string, number[]> };
    expect(Object.keys(table.plans)).toHaveLength(plans.length);
    // Every plan has one value per year it covers, and the values name real filters.
    const years = Object.values(table.plans).map((ix) => ix.filter((i) => table.values[i].startsWith('nam=')).length);
    expect(years.reduce((a, b) => a + b, 0)).toBe(plans.reduce((n, p) => n + p.years.length, 0));
    for (const v of table.values) expect(v).toMatch(/^(tinh|nam|loai|cap|linh-vuc|chi-so)=[a-z0-9-]+$/);
  });
});
