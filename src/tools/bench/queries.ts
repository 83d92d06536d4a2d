/**
 * The fixed query list and its measurement in headless Chromium against
 * `/tim-kiem/`, waiting for the docs/interfaces.md §3 markup to say `done`.
 *
 * Cold: a fresh browser context (empty cache) loads `/tim-kiem/?q=…`; the
 * time runs from navigation to rendered results. Warm, once every query has
 * had its cold run: in a search page that has already answered the query
 * before, the URL changes (pushState, then popstate, as the Back button does)
 * and the time runs to the new `done`.
 * Bytes are the encoded bytes Chromium received, gzipped or not as the server
 * sent it, by kind of file; requests its request count. A cold run counts them
 * through DevTools' Network events. A warm run reads the page's own Resource
 * Timing entries instead (transferSize: headers and body as received), in a
 * Chromium that nothing instruments (bare-chromium.ts), so that no DevTools
 * work, which a reader's browser does not do, slows the page whose answer is
 * timed (decision records 015 and 016).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { BareChromium, GONE, type BarePage } from './bare-chromium.ts';
import { FILTER_FILE, INDEX_DIR, MANIFEST_FILE } from '../../lib/search/index-format.ts';

export interface Query {
  label: string;
  /** The search page's URL parameters, docs/interfaces.md §2. */
  params: Record<string, string>;
}

export const QUERIES: readonly Query[] = [
  { label: 'từ thường', params: { q: 'cải cách hành chính' } },
  { label: 'từ thường', params: { q: 'thủ tục hành chính' } },
  { label: 'từ thường', params: { q: 'ứng dụng công nghệ thông tin' } },
  { label: 'không dấu', params: { q: 'cai cach hanh chinh' } },
  { label: 'không dấu', params: { q: 'thu tuc hanh chinh' } },
  { label: 'chữ đ', params: { q: 'đào tạo' } },
  { label: 'chữ đ, không dấu', params: { q: 'dao tao boi duong' } },
  { label: 'chữ đ', params: { q: 'đội ngũ cán bộ' } },
  { label: 'chữ đ, không dấu', params: { q: 'dieu hanh' } },
  { label: 'cụm từ', params: { q: '"một cửa liên thông"' } },
  { label: 'cụm từ', params: { q: 'tinh giản biên chế' } },
  { label: 'số ký hiệu', params: { q: '4003/QĐ-UBND' } },
  { label: 'số ký hiệu', params: { q: '252 kh ubnd' } },
  { label: 'viết tắt', params: { q: 'CCHC' } },
  { label: 'viết tắt', params: { q: 'TTHC' } },
  { label: 'viết tắt', params: { q: 'PAR Index' } },
  { label: 'viết tắt', params: { q: 'SIPAS' } },
  { label: 'kiểu bỏ dấu mới', params: { q: 'uỷ ban nhân dân' } },
  { label: 'kiểu bỏ dấu mới', params: { q: 'hiện đại hoá hành chính' } },
  { label: 'bộ lọc', params: { q: 'kế hoạch', tinh: 'dong-thap' } },
  { label: 'bộ lọc', params: { q: 'chuyển đổi số', nam: '2024', cap: 'xa' } },
];

/**
 * `n` of the queries, spread over the list and ending with its last one (a
 * filter query), so that a short run still meets each kind; all of them for
 * n ≥ the list's length.
 */
export function spreadQueries(n: number): readonly Query[] {
  if (n >= QUERIES.length) return QUERIES;
  return Array.from({ length: n }, (_, i) => QUERIES[Math.round(((i + 1) * QUERIES.length) / n) - 1]);
}

/** What a downloaded file is for, so that a report can say where a query's bytes go. */
export const BYTE_KINDS = ['page', 'code', 'manifest', 'terms', 'filters', 'fragments', 'pagefind'] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

/** The kind of a file the search page downloads, from its URL (index-format.ts names the index's files). */
export function byteKind(url: string): ByteKind {
  const path = new URL(url, 'http://x/').pathname;
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.includes(`/${INDEX_DIR}/`)) {
    if (path.endsWith(`/${MANIFEST_FILE}`)) return 'manifest';
    return path.endsWith(`/${FILTER_FILE}`) ? 'filters' : 'terms';
  }
  // The search page reads none of Pagefind's own files: a byte here is one to look into.
  if (/\/pagefind\//.test(path)) return 'pagefind';
  return /\.(m?js|wasm)$/.test(path) ? 'code' : 'page';
}

export interface QueryRun {
  ms: number;
  bytes: number;
  requests: number;
  /** `bytes`, by kind of file. */
  kinds: Record<ByteKind, number>;
  /** The number of plans found, as the page's `data-search-count` says. */
  found?: number;
}

export interface QueryResult {
  query: Query;
  cold?: QueryRun;
  warm?: QueryRun;
  /** Why a figure is missing. */
  error?: string;
}

const ANSWERED = '[data-search-results][data-search-state="done"], [data-search-results][data-search-state="error"]';
/** How many queries may fail in a row before the rest are skipped. */
const GIVE_UP_AFTER = 3;

export function searchPath(q: Query): string {
  return `tim-kiem/?${new URLSearchParams(q.params).toString()}`;
}

/** `bytes`, `requests` and `kinds` of some downloads, each a URL and its bytes. */
function tally(downloads: [url: string, bytes: number][]): Omit<QueryRun, 'ms'> {
  const kinds = Object.fromEntries(BYTE_KINDS.map((k) => [k, 0])) as Record<ByteKind, number>;
  for (const [url, bytes] of downloads) kinds[byteKind(url)] += bytes;
  return { bytes: downloads.reduce((n, [, b]) => n + b, 0), requests: downloads.length, kinds };
}

/** What the page downloaded since it last forgot its Resource Timing entries, which it now forgets. */
function downloaded(page: BarePage): Promise<Omit<QueryRun, 'ms'>> {
  return page
    .evaluate(() => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      performance.clearResourceTimings();
      return entries.map((e): [string, number] => [e.name, e.transferSize]);
    }, null)
    .then(tally);
}

/** Counts what the network delivers to one page, through the DevTools protocol. */
async function meter(page: Page): Promise<{ read(): Omit<QueryRun, 'ms'> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const finished: [url: string, bytes: number][] = [];
  let requests = 0;
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
    requests++;
    urls.set(e.requestId, e.request.url);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    finished.push([urls.get(e.requestId) ?? '', e.encodedDataLength]);
    urls.delete(e.requestId);
  });
  return { read: () => ({ ...tally(finished), requests }) };
}

/** Lets in-flight responses land in the counters before they are read. */
const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});

/** The same for a bare page, from inside it: until no download has ended for 500 ms, at most 5 s. */
const settleBare = (page: BarePage) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        const ended = () => performance.getEntriesByType('resource').length;
        const check = (before: number) => (ended() === before || performance.now() - started > 5000 ? resolve() : setTimeout(check, 500, ended()));
        setTimeout(check, 500, ended());
      }),
    null,
  );

export interface RunOptions {
  timeoutMs?: number;
  /**
   * How many times the whole list is run, each time in a fresh browser
   * context; each query's figures are those of its run of median time
   * (`medianRuns`). One run's time swings with whatever else the machine
   * does at that instant, and the targets are judged on the worst query.
   */
  runs?: number;
  /** The queries to run: all of QUERIES unless given. */
  queries?: readonly Query[];
  /** Also time each query in a page that has answered another (default true). */
  warm?: boolean;
}

export async function runQueries(browser: Browser, baseUrl: string, options: RunOptions = {}): Promise<QueryResult[]> {
  const runs: QueryResult[][] = [];
  for (let r = 0; r < Math.max(1, options.runs ?? 1); r++) runs.push(await runOnce(browser, baseUrl, options));
  return medianRuns(runs);
}

/** The run of median time among `runs` (the lower of the two middle ones for an even count); undefined for none. */
function medianRun(runs: (QueryRun | undefined)[]): QueryRun | undefined {
  const done = runs.filter((r): r is QueryRun => r !== undefined).sort((a, b) => a.ms - b.ms);
  return done.length === 0 ? undefined : done[Math.floor((done.length - 1) / 2)];
}

/**
 * Each query's results over several runs of the list: its cold and warm run
 * of median time, each whole (bytes and requests of that same run), and an
 * error only when no run gave a figure.
 */
export function medianRuns(runs: QueryResult[][]): QueryResult[] {
  return runs[0].map((first, i) => {
    const all = runs.map((run) => run[i]);
    const result: QueryResult = { query: first.query };
    const cold = medianRun(all.map((r) => r.cold));
    const warm = medianRun(all.map((r) => r.warm));
    if (cold) result.cold = cold;
    if (warm) result.warm = warm;
    // A reason only when some figure is missing.
    const error = all.find((r) => r.error)?.error;
    if (error && (!cold || !warm)) result.error = error;
    return result;
  });
}

async function runOnce(browser: Browser, baseUrl: string, { timeoutMs = 30_000, queries = QUERIES, warm = true }: RunOptions): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const query of queries) results.push(await coldRun(browser, baseUrl, query, timeoutMs, results));
  // After every cold run: a cold run's context, closing, would share the CPU with the warm query beside it.
  if (warm) await warmRuns(baseUrl, results, timeoutMs);
  return results;
}

/** When the first queries all fail, the rest would too: say so instead of spending another 20 timeouts on them. */
const givenUp = (before: QueryResult[], key: 'cold' | 'warm') => before.length >= GIVE_UP_AFTER && before.every((r) => !r[key]);
const GIVEN_UP = `bỏ qua: ${GIVE_UP_AFTER} truy vấn đầu đều không có kết quả`;

/** The query in a fresh context: from navigation to results. */
async function coldRun(browser: Browser, baseUrl: string, query: Query, timeoutMs: number, before: QueryResult[]): Promise<QueryResult> {
  if (givenUp(before, 'cold')) return { query, error: GIVEN_UP };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const m = await meter(page);
    const started = Date.now();
    const response = await page.goto(new URL(searchPath(query), baseUrl).href);
    if (!response || response.status() >= 400) throw new Error(`trang tìm kiếm trả về ${response?.status() ?? 'không phản hồi'}`);
    await answered(page, timeoutMs);
    const ms = Date.now() - started;
    await settle(page);
    return { query, cold: { ms, ...m.read(), found: await found(page) } };
  } catch (error) {
    return { query, error: shortError(error) };
  } finally {
    await context.close();
  }
}

/** Each query again, in order, in one page that has answered the one before (the first, "kế hoạch"), in a bare Chromium. */
async function warmRuns(baseUrl: string, results: QueryResult[], timeoutMs: number): Promise<void> {
  const chromium = BareChromium.launch();
  try {
    let page: BarePage;
    try {
      page = await chromium.newPage();
      await page.goto(new URL(searchPath({ label: '', params: { q: 'kế hoạch' } }), baseUrl).href);
      await answeredBare(page, timeoutMs);
      await settleBare(page);
      // Room for every download of a query: the default buffer holds 250 entries.
      await page.evaluate(() => performance.setResourceTimingBufferSize(10_000), null);
    } catch {
      for (const result of results) result.error ??= 'trang tìm kiếm không tải được';
      return;
    }
    for (const [i, result] of results.entries()) {
      if (givenUp(results.slice(0, i), 'warm')) {
        result.error ??= GIVEN_UP;
        continue;
      }
      try {
        await downloaded(page);
        const ms = await changeQuery(page, searchPath(result.query), timeoutMs);
        await settleBare(page);
        result.warm = { ms, ...(await downloaded(page)) };
      } catch (error) {
        result.error ??= `lần ấm: ${shortError(error)}`;
      }
    }
  } finally {
    await chromium.close();
  }
}

/** Until a bare page's list has answered, asking every 50 ms: a page still loading has no list yet. */
async function answeredBare(page: BarePage, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // An evaluation may land in the document being replaced, which answers nothing; a Chromium that has exited never will.
    const state = await page
      .evaluate((selector) => document.querySelector(selector)?.getAttribute('data-search-state') ?? null, ANSWERED)
      .catch((error: Error) => (error.message === GONE ? Promise.reject(error) : null));
    if (state === 'done') return;
    if (state === 'error' || Date.now() > until) throw new Error(state ?? 'không xong trong thời hạn');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits for the page to answer; an answer in the error state (docs/interfaces.md §3)
 * throws with what the page says, instead of running out of time.
 */
async function answered(page: Page, timeoutMs: number): Promise<void> {
  // Attached, not visible: an empty list (no plan found, or an error) has no size.
  const list = await page.waitForSelector(ANSWERED, { state: 'attached', timeout: timeoutMs });
  if ((await list.getAttribute('data-search-state')) === 'error') {
    const said = await page.evaluate(() => document.querySelector('[data-search-count]')?.textContent?.trim());
    throw new Error(`trang tìm kiếm báo lỗi: ${said || 'không rõ'}`);
  }
}

/** The number in the page's `data-search-count` (docs/interfaces.md §3), digits grouped as Vietnamese writes them. */
function found(page: Page): Promise<number | undefined> {
  return page.evaluate(() => {
    const digits = /\d[\d.]*/.exec(document.querySelector('[data-search-count]')?.textContent ?? '')?.[0];
    return digits === undefined ? undefined : Number(digits.replace(/\./g, ''));
  });
}

/** Changes the URL as Back/Forward would and times the search page's answer. */
function changeQuery(page: BarePage, path: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ path, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const list = document.querySelector('[data-search-results]');
        if (!list) return reject(new Error('không có [data-search-results]'));
        const target = new URL(path, document.baseURI);
        const started = performance.now();
        let changed = false;
        const observer = new MutationObserver(() => {
          changed = true;
          const state = list.getAttribute('data-search-state');
          if (state === 'error') {
            observer.disconnect();
            clearTimeout(timer);
            reject(new Error(`trang tìm kiếm báo lỗi: ${document.querySelector('[data-search-count]')?.textContent?.trim() || 'không rõ'}`));
          } else if (state === 'done') {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(changed ? 'không xong trong thời hạn' : 'trang không phản hồi khi URL đổi (popstate)'));
        }, timeoutMs);
        observer.observe(list, { attributes: true, attributeFilter: ['data-search-state'], childList: true, subtree: true });
        history.pushState(null, '', target.href);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
      }),
    { path, timeoutMs },
  ).then((ms) => Math.round(ms));
}

function shortError(error: unknown): string {
  return ((error as Error)?.message ?? String(error)).split('\n')[0].slice(0, 160);
}

export interface Summary {
  median: number;
  worst: number;
}

export function summarise(values: number[]): Summary | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, worst: sorted[sorted.length - 1] };
}
