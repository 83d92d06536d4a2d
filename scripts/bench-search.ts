/**
 * npm run bench:search [-- --dir DIST] [--report FILE] [--runs N] [--queries N] [--note TEXT]
 *
 * Measures the search page's query layer against stock Pagefind on the same
 * built site, in Debian's headless Chromium: for each query of a fixed list,
 * the bytes and requests the first query costs, and the milliseconds to the
 * first rendered results, cold (fresh browser context, empty cache) and warm
 * (a page that has already answered another query). Stock Pagefind is
 * `pagefind.search(query)` with default options, the query written as the
 * index writes it (đ as ḏ, index-fields.ts), run on the same search
 * page and rendering the same ten results. The server compresses text with
 * gzip, as static hosts do. The table goes into the "## Tìm kiếm"
 * section of docs/performance.md; other sections are left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../src/tools/browser.ts';
import { TEXT_TYPES } from '../src/tools/static-server.ts';
import { formatDateTime } from '../src/lib/dates.ts';
import { toIndexText } from '../src/lib/search/index-fields.ts';
import { CliError, parseCli, reportUsage, UsageError } from '../src/tools/cli.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SECTION = '## Tìm kiếm';

/** One query per rule of the query layer, typed the way readers type. */
const QUERIES = [
  'dong thap',
  'doi ngu can bo',
  'dòng',
  'hoá đơn',
  'thủy lợi',
  '4003/QĐ-UBND',
  '4003 QD UBND',
  'CCHC',
  'PAR Index',
  'một cửa liên thông',
  '"tinh giản biên chế"',
  'tinh gi',
];

const GOAL_BYTES = 150 * 1024;
const GOAL_RATIO = 1.3;
/** More runs than this only make the measurement long. */
const MAX_RUNS = 50;

interface Run {
  ms: number;
  /** Bytes of search code and index: scripts and /pagefind/, not the page's HTML, CSS and fonts. */
  searchBytes: number;
  bytes: number;
  requests: number;
  results: number;
}

interface Row {
  q: string;
  layer: { cold: Run; warm: Run };
  stock: { cold: Run; warm: Run };
}

const TYPES: Record<string, string> = { ...TEXT_TYPES, '.woff2': 'font/woff2', '.woff': 'font/woff' };

/**
 * Stock Pagefind on the search page itself, so that both answers render into
 * the same page with the same markup and styles: the page's own script stays
 * idle (no `q`), and this one, given `?goc=<query>`, runs the query (written
 * as the index writes đ, see `measure`) through `pagefind.search` with
 * default options and renders the first ten results as the result list
 * does, with Pagefind's own excerpt.
 */
function stockScript(base: string): string {
  return `(() => {
  const q = new URLSearchParams(location.search).get('goc');
  if (q === null) return;
  document.addEventListener('DOMContentLoaded', async () => {
    const list = document.querySelector('[data-search-results]');
    const count = document.querySelector('[data-search-count]');
    const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    await pagefind.options({ baseUrl: ${JSON.stringify(base)} });
    // A sharded archive: stock Pagefind merges the same shards the query layer does.
    const shards = JSON.parse(document.querySelector('[data-search-shards]')?.dataset.searchShards ?? '[]');
    await Promise.all(shards.slice(1).map((s) => pagefind.mergeIndex(${JSON.stringify(`${base}pagefind/`)} + s.path, { baseUrl: ${JSON.stringify(base)}, language: s.language })));
    const el = (tag, cls, text) => Object.assign(document.createElement(tag), cls ? { className: cls } : {}, text === undefined ? {} : { textContent: text });
    window.stockSearch = async (query) => {
      list.dataset.searchState = 'loading';
      const search = await pagefind.search(query);
      const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      list.replaceChildren(...data.map((d) => {
        const li = el('li');
        const card = el('article', 'plan-card');
        const h = el('h3', 'plan-card-title');
        const a = el('a', undefined, d.meta.title);
        a.href = d.url;
        h.append(a);
        const facts = el('p', 'plan-card-meta');
        facts.append(el('span', undefined, d.meta.so ?? ''), el('span', undefined, d.meta.coquan ?? ''), el('span', undefined, 'Ngày ' + (d.meta.ngay ?? '')), el('span', undefined, d.meta.tinh ?? ''));
        const p = el('p', 'search-excerpt');
        p.innerHTML = d.excerpt;
        card.append(h, facts, p);
        li.append(card);
        return li;
      }));
      count.textContent = 'Tìm thấy ' + search.results.length + ' kế hoạch';
      list.dataset.searchState = 'done';
    };
    await window.stockSearch(q);
  });
})();`;
}

interface Traffic {
  bytes: number;
  searchBytes: number;
  requests: number;
}

/**
 * The built site under its base, gzip-compressed like a static host. It
 * counts what it sends, which sees the requests of Pagefind's web worker too.
 */
async function serve(dist: string, base: string) {
  const cache = new Map<string, Buffer>();
  const traffic: Traffic = { bytes: 0, searchBytes: 0, requests: 0 };
  const send = (req: IncomingMessage, res: ServerResponse, path: string, body: Buffer, ext: string) => {
    res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('cache-control', 'no-cache');
    if (ext in TEXT_TYPES && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      res.setHeader('content-encoding', 'gzip');
      body = gzipSync(body);
    }
    traffic.requests++;
    traffic.bytes += body.length;
    if (path.startsWith(`${base}pagefind/`) || ext === '.js') traffic.searchBytes += body.length;
    res.end(body);
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(base)) return res.writeHead(404).end();
    let file = normalize(join(dist, path.slice(base.length)));
    if (file !== dist && !file.startsWith(dist + sep)) return res.writeHead(404).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    if (!cache.has(file)) cache.set(file, readFileSync(file));
    let body = cache.get(file)!;
    // Stock Pagefind's page is the search page without the query layer's
    // script and preloads, so neither side pays for the other's code.
    if (extname(file) === '.html' && /[?&]goc=/.test(req.url ?? '')) {
      body = Buffer.from(body.toString('utf8').replace(/<script type="module"[^>]*><\/script>|<link rel="(?:modulepreload|preload)"[^>]*>/g, ''));
    }
    send(req, res, path, body, extname(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    reset: () => Object.assign(traffic, { bytes: 0, searchBytes: 0, requests: 0 }),
    read: (): Traffic => ({ ...traffic }),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

type Server = Awaited<ReturnType<typeof serve>>;

/**
 * Installed before the page's own scripts: `firstDone` resolves with
 * performance.now() (milliseconds since navigation) when the result list
 * first says `done`; `nextDone()` with the time of the next change to `done`.
 */
const WATCH = () => {
  const w = window as unknown as { nextDone: () => Promise<number>; firstDone: Promise<number> };
  const isDone = () => document.querySelector('[data-search-results]')?.getAttribute('data-search-state') === 'done';
  w.nextDone = () =>
    new Promise((resolveDone) => {
      const observer = new MutationObserver(() => {
        if (!isDone()) return;
        observer.disconnect();
        resolveDone(performance.now());
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-search-state'] });
    });
  w.firstDone = w.nextDone();
};

const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);

const resultCount = (page: Page) =>
  page.evaluate(() => Number(/\d[\d.]*/.exec(document.querySelector('[data-search-count]')?.textContent ?? '')?.[0].replace(/\./g, '') ?? 0));

/**
 * Cold: the query's page in a fresh context. Warm: in another fresh context,
 * a page that has answered `other` first, so Pagefind, its WebAssembly and
 * the index are loaded, but nothing of this query's own answer is.
 */
async function measure(browser: Browser, server: Server, base: string, typed: string, typedOther: string, stock: boolean) {
  // Stock Pagefind gets the words as the index writes them (đ as ḏ,
  // index-fields.ts), as the query layer asks for them; typed as they are,
  // words with đ would find nothing.
  const [q, other] = [typed, typedOther].map((s) => (stock ? toIndexText(s) : s));
  const open = async (query: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    if (stock) await page.addInitScript(stockScript(base));
    server.reset();
    await page.goto(`${server.url}tim-kiem/?${stock ? 'goc' : 'q'}=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    const ms = await page.evaluate(() => (window as unknown as { firstDone: Promise<number> }).firstDone);
    await settle(page);
    return { context, page, ms };
  };

  const first = await open(q);
  const cold: Run = { ms: first.ms, ...server.read(), results: await resultCount(first.page) };
  await first.context.close();

  const second = await open(other);
  try {
    server.reset();
    const warmMs = await second.page.evaluate(
      async ([query, isStock]) => {
        const w = window as unknown as { nextDone: () => Promise<number>; stockSearch: (q: string) => Promise<void> };
        const started = performance.now();
        if (isStock) {
          // A search page keeps its query in the URL; the same history step as
          // the query layer's below, so that neither side pays for it alone.
          history.pushState(null, '', `?goc=${encodeURIComponent(query)}`);
          await w.stockSearch(query);
          return performance.now() - started;
        }
        // What the Back button does: the page reads the URL and searches.
        const done = w.nextDone();
        history.pushState(null, '', `?q=${encodeURIComponent(query)}`);
        dispatchEvent(new PopStateEvent('popstate'));
        return (await done) - started;
      },
      [q, stock] as const,
    );
    await settle(second.page);
    const warm: Run = { ms: warmMs, ...server.read(), results: await resultCount(second.page) };
    return { cold, warm };
  } finally {
    await second.context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medianRun(runs: Run[]): Run {
  return {
    ms: median(runs.map((r) => r.ms)),
    searchBytes: median(runs.map((r) => r.searchBytes)),
    bytes: median(runs.map((r) => r.bytes)),
    requests: median(runs.map((r) => r.requests)),
    results: runs[0].results,
  };
}

const vi = (n: number, digits = 0) => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${vi(bytes / 1024, 1)} KB`;

function machine(browser: Browser): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'CPU không rõ'}, ${cpu.length} nhân, ${vi(totalmem() / 1024 ** 3, 1)} GB RAM; Node ${process.version}; Chromium ${browser.version()}`;
}

function render(rows: Row[], meta: { heading: string; started: Date; machine: string; load: [number, number]; runs: number; site: string; command: string }): string {
  const firstQuery = Math.max(...rows.map((r) => r.layer.cold.searchBytes));
  const ratios = (key: 'cold' | 'warm') => rows.map((r) => r.layer[key].ms / r.stock[key].ms);
  const table = rows.map((r) => {
    const { layer: l, stock: s } = r;
    const cell = (run: Run) => `${vi(run.ms)}`;
    return `| \`${r.q.replace(/\|/g, '\\|')}\` | ${vi(l.cold.results)} / ${vi(s.cold.results)} | ${cell(l.cold)} | ${cell(l.warm)} | ${kb(l.cold.searchBytes)} (${vi(l.cold.requests)}) | ${cell(s.cold)} | ${cell(s.warm)} | ${kb(s.cold.searchBytes)} (${vi(s.cold.requests)}) | ${vi(l.cold.ms / s.cold.ms, 2)} × | ${vi(l.warm.ms / s.warm.ms, 2)} × |`;
  });
  const verdict = (ok: boolean) => (ok ? 'đạt' : '**chưa đạt**');
  return [
    `### ${meta.heading}`,
    '',
    `Đo ngày ${formatDateTime(meta.started)} (giờ Việt Nam) bằng \`${meta.command}\` trên ${meta.site}.`,
    `Máy: ${meta.machine}. Tải trung bình 1 phút lúc bắt đầu và kết thúc: ${vi(meta.load[0], 1)} và ${vi(meta.load[1], 1)}.`,
    `Mỗi số là trung vị của ${meta.runs} lần chạy. "Lạnh": ngữ cảnh trình duyệt mới, bộ nhớ đệm trống, tính từ lúc điều hướng đến khi danh sách kết quả đầu tiên hiện xong. "Ấm": trên một trang đã trả lời một truy vấn khác (Pagefind, WebAssembly và chỉ mục đã tải, nhưng chưa có gì của chính truy vấn này), tính từ lúc đổi truy vấn (ghi truy vấn mới vào địa chỉ trang bằng history.pushState, như nhau cho cả hai) đến khi kết quả hiện xong. Byte là byte máy chủ gửi, nén gzip như các dịch vụ lưu trữ tĩnh, chỉ tính mã tìm kiếm và chỉ mục (/pagefind/ và tệp .js), không tính HTML, CSS và phông chữ của trang. "Pagefind gốc" là \`pagefind.search(truy vấn)\` với tùy chọn mặc định, truy vấn viết như chỉ mục viết (chữ đ thành ḏ, xem docs/architecture.md), chạy ngay trên trang tìm kiếm và hiển thị mười kết quả đầu bằng cùng một khuôn như lớp truy vấn, với đoạn trích của Pagefind.`,
    '',
    '| Truy vấn | Số kết quả (lớp truy vấn / gốc) | Lớp truy vấn: lạnh (ms) | ấm (ms) | Lần đầu tải (yêu cầu) | Pagefind gốc: lạnh (ms) | ấm (ms) | Lần đầu tải (yêu cầu) | Tỉ lệ lạnh | Tỉ lệ ấm |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...table,
    '',
    `- Truy vấn đầu tiên tốn nhiều nhất ${kb(firstQuery)} (mục tiêu ≤ ${kb(GOAL_BYTES)}): ${verdict(firstQuery <= GOAL_BYTES)}.`,
    `- Thời gian so với Pagefind gốc, trung vị các truy vấn: lạnh ${vi(median(ratios('cold')), 2)} ×, ấm ${vi(median(ratios('warm')), 2)} × (mục tiêu ≤ ${vi(GOAL_RATIO, 1)} ×): ${verdict(median(ratios('cold')) <= GOAL_RATIO)} khi lạnh, ${verdict(median(ratios('warm')) <= GOAL_RATIO)} khi ấm; truy vấn chậm nhất: lạnh ${vi(Math.max(...ratios('cold')), 2)} ×, ấm ${vi(Math.max(...ratios('warm')), 2)} ×.`,
    '',
  ].join('\n');
}

const INTRO = [
  SECTION,
  '',
  'Ghi bởi `npm run bench:search` (scripts/bench-search.ts): lớp truy vấn của trang /tim-kiem/ so với Pagefind gốc trên cùng bản build, mỗi cỡ kho một bảng; chạy lại lệnh để cập nhật bảng của cỡ kho đó. Mục tiêu cho trang phát hành: truy vấn đầu tiên tốn tối đa 150 KB, và mỗi câu trả lời của lớp truy vấn tốn tối đa 1,3 lần thời gian của Pagefind gốc cho cùng các từ.',
  '',
  'Cách đọc: lớp truy vấn đặt nhiều câu hỏi cho một truy vấn (cả cụm, từng từ nguyên vẹn, đúng dấu, dạng viết tắt hoặc tên tỉnh cũ; xem src/lib/search/searches.ts) rồi gộp lại, và trả lời chúng bằng cách đọc thẳng các tệp chỉ mục Pagefind đã ghi (src/lib/search/pagefind-index.ts), không nạp thư viện Pagefind; Pagefind gốc hỏi một câu, bằng thư viện và WebAssembly của nó. Khi lạnh, thời gian chủ yếu là tải các khối chỉ mục, như nhau cho cả hai, cộng thư viện Pagefind cho Pagefind gốc. Khi ấm, Pagefind gốc chấm điểm mọi trang khớp và ghi ra JSON vị trí của mọi lần khớp, còn lớp truy vấn chỉ đếm chúng; nó thêm các khối cho những câu hỏi Pagefind gốc không đặt (chữ viết tắt, tên tỉnh cũ). Với kho lớn, mỗi từ phổ biến khớp hàng nghìn trang, nên cả byte lẫn thời gian tăng theo.',
  '',
  '',
].join('\n');

/**
 * Puts `block` (one "### N kế hoạch" table) into the "## Tìm kiếm" section:
 * in place of the table for the same archive size, or after the others.
 * Other sections of the file are left as they are.
 */
function writeSection(file: string, block: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Hiệu năng\n\n';
  let start = text.indexOf(`${SECTION}\n`);
  const withSection = start < 0 ? `${text.replace(/\n*$/, '\n\n')}${INTRO}` : text;
  start = withSection.indexOf(`${SECTION}\n`);
  const nextSection = withSection.indexOf('\n## ', start + SECTION.length);
  const end = nextSection < 0 ? withSection.length : nextSection + 1;
  let section = withSection.slice(start, end).replace(/\n*$/, '\n\n');
  // The introduction is this tool's text too: keep it current.
  const firstTable = section.indexOf('\n### ');
  section = INTRO + (firstTable < 0 ? '' : section.slice(firstTable + 1));
  block = block.replace(/\n*$/, '\n\n');
  const heading = block.slice(0, block.indexOf('\n'));
  const at = section.indexOf(`${heading}\n`);
  if (at < 0) section += block;
  else {
    const next = section.indexOf('\n### ', at + heading.length);
    section = section.slice(0, at) + block + (next < 0 ? '' : section.slice(next + 1));
  }
  writeFileSync(file, withSection.slice(0, start) + section.replace(/\n*$/, '\n') + (nextSection < 0 ? '' : '\n' + withSection.slice(end)));
}

function siteBase(dist: string): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return /action="([^"]*)tim-kiem\/"/.exec(html)?.[1] || '/';
}

const USAGE = `Cách dùng: npm run bench:search -- [--dir THƯ_MỤC] [--report TỆP] [--runs N] [--queries N] [--note "GHI CHÚ"]

  --dir THƯ_MỤC   trang đã build kèm chỉ mục (mặc định dist/, build trước nếu chưa có)
  --report TỆP    ghi bảng vào TỆP thay cho docs/performance.md
  --runs N        số lần đo mỗi truy vấn, lấy trung vị (1 đến ${MAX_RUNS}, mặc định 5)
  --queries N     chỉ đo N truy vấn đầu của danh sách (1 đến ${QUERIES.length}, mặc định cả ${QUERIES.length})
  --note "…"      ghi chú về bản build, in kèm trong báo cáo`;

interface Options {
  dir?: string;
  report?: string;
  runs: number;
  /** How many of QUERIES to measure, from the first. */
  queries: number;
  note?: string;
}

function parseOptions(argv: string[]): Options {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseCli(argv, {
      dir: { type: 'string' },
      report: { type: 'string' },
      runs: { type: 'string' },
      queries: { type: 'string' },
      note: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (error instanceof CliError) throw new UsageError(error.message);
    throw error;
  }
  if (values.help) throw new UsageError('');
  const runsText = typeof values.runs === 'string' ? values.runs.trim() : '5';
  const runs = Number(runsText);
  if (!/^\d+$/.test(runsText) || runs < 1 || runs > MAX_RUNS) {
    throw new UsageError(`--runs phải là số nguyên từ 1 đến ${MAX_RUNS}, ví dụ --runs 3; đang là "${String(values.runs)}".`);
  }
  const queriesText = typeof values.queries === 'string' ? values.queries.trim() : String(QUERIES.length);
  const queries = Number(queriesText);
  if (!/^\d+$/.test(queriesText) || queries < 1 || queries > QUERIES.length) {
    throw new UsageError(`--queries phải là số nguyên từ 1 đến ${QUERIES.length}, ví dụ --queries 2; đang là "${String(values.queries)}".`);
  }
  for (const name of ['dir', 'report'] as const) {
    if (values[name] !== undefined && !String(values[name]).trim()) throw new UsageError(`--${name} cần một đường dẫn.`);
  }
  return { dir: values.dir as string | undefined, report: values.report as string | undefined, runs, queries, note: values.note as string | undefined };
}

async function main(): Promise<number> {
  let values: Options;
  try {
    values = parseOptions(process.argv.slice(2));
  } catch (error) {
    const status = reportUsage(error, USAGE);
    if (status === undefined) throw error;
    return status;
  }
  const dist = resolve(values.dir ?? join(ROOT, 'dist'));
  const report = resolve(values.report ?? join(ROOT, 'docs/performance.md'));
  const runs = values.runs;
  if (!existsSync(join(dist, 'pagefind/pagefind.js'))) {
    if (values.dir) {
      console.error(`Không có trang đã build kèm chỉ mục tìm kiếm trong ${dist}. Hãy build trước.`);
      return 1;
    }
    console.log('Chưa có bản build: đang chạy npm run build…');
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return built.status ?? 1;
  }
  const base = siteBase(dist);
  const started = new Date();
  const load0 = loadavg()[0];
  const server = await serve(dist, base);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    const list = QUERIES.slice(0, values.queries);
    for (const [i, q] of list.entries()) {
      const other = QUERIES[(i + 1) % QUERIES.length];
      const collect = async (stock: boolean) => {
        const all = [];
        for (let r = 0; r < runs; r++) all.push(await measure(browser, server, base, q, other, stock));
        return { cold: medianRun(all.map((a) => a.cold)), warm: medianRun(all.map((a) => a.warm)) };
      };
      const layer = await collect(false);
      const stock = await collect(true);
      rows.push({ q, layer, stock });
      console.log(`${q}: lớp truy vấn ${vi(layer.cold.ms)}/${vi(layer.warm.ms)} ms, gốc ${vi(stock.cold.ms)}/${vi(stock.warm.ms)} ms`);
    }
    const plans = planCount(dist);
    const block = render(rows, {
      heading: `${vi(plans)} kế hoạch`,
      started,
      machine: machine(browser),
      load: [load0, loadavg()[0]],
      runs,
      site: (dist.startsWith(ROOT) ? dist.slice(ROOT.length + 1) : dist) + (values.note ? ` (${values.note})` : ''),
      command: `npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}` : ''}`,
    });
    writeSection(report, block);
    console.log(`\n${block}\nĐã ghi vào ${report}.`);
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Plans in the index: every bundle's pages, the primary's and each shard's (pagefind/<shard>/). */
function planCount(dist: string): number {
  const root = join(dist, 'pagefind');
  const bundles = [root, ...readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(root, d.name))];
  let count = 0;
  for (const dir of bundles) {
    const file = join(dir, 'pagefind-entry.json');
    if (!existsSync(file)) continue;
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { languages: Record<string, { page_count: number }> };
    count += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  }
  return count;
}

process.exitCode = await main();
