/**
 * The benchmark's Markdown: one dated block per archive size, kept in the
 * "## Quy mô" section of docs/performance.md (other sections of that file
 * belong to other tools and are left as they are).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { PHASE_LABELS, type Phase } from '../../integrations/build-phases.ts';
import type { Measured } from './measure.ts';
import { BYTE_KINDS, QUERIES, searchPath, summarise, type ByteKind, type QueryResult, type QueryRun } from './queries.ts';
import { formatDateTime } from '../../lib/dates.ts';

export const SECTION = '## Quy mô';

export interface OutputStats {
  files: number;
  bytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
}

export interface BuildReport {
  measured?: Measured;
  /** Runs in order (the bare reference has two: Astro, then the Pagefind CLI). */
  steps?: Measured[];
  output?: OutputStats;
  error?: string;
}

export interface BenchReport {
  count: number;
  realCount: number;
  seed: number;
  command: string;
  startedAt: Date;
  machine: string;
  genMs: number;
  ours: BuildReport;
  bare?: BuildReport;
  queries?: QueryResult[];
  queriesError?: string;
  /** The same queries on the bare reference's stock search page (filter queries skipped). */
  bareQueries?: QueryResult[];
  bareQueriesError?: string;
  /** The machine's 1-minute load average at the start and the end of the run. */
  load?: [number, number];
  /** Runs of the query list; each query's figures are those of its run of median time. */
  runs?: number;
}

const vi = (n: number, digits = 0) => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const seconds = (ms: number) => `${vi(ms / 1000, 1)} s`;
export const size = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${vi(bytes / 1024 ** 3, 2)} GB` : bytes >= 1024 ** 2 ? `${vi(bytes / 1024 ** 2, 1)} MB` : `${vi(bytes / 1024, 1)} KB`;
const ratio = (a?: number, b?: number) => (a && b ? `${vi(a / b, 2)} ×` : '–');

const PHASES: Phase[] = ['validate', 'astro', 'pagefind', 'extras'];

function phaseOf(b: BuildReport | undefined, p: Phase) {
  const all = b?.steps ?? (b?.measured ? [b.measured] : []);
  const stats = all.flatMap((m) => m.phases.filter((s) => s.phase === p));
  if (stats.length === 0) return undefined;
  return { ms: stats.reduce((n, s) => n + s.ms, 0), peakRss: Math.max(...stats.map((s) => s.peakRss)) };
}

function total(b: BuildReport | undefined) {
  const all = b?.steps ?? (b?.measured ? [b.measured] : []);
  if (all.length === 0) return undefined;
  return {
    ms: all.reduce((n, m) => n + m.wallMs, 0),
    peakRss: Math.max(...all.map((m) => m.peakRss)),
    maxProcessRss: Math.max(0, ...all.map((m) => m.maxProcessRss ?? 0)) || undefined,
  };
}

/** The phase a failed build stopped in, if any. */
function stoppedIn(b: BuildReport | undefined): Phase | undefined {
  if (!b?.error) return undefined;
  const all = b.steps ?? (b.measured ? [b.measured] : []);
  const last = all.at(-1);
  return last?.outOfMemory ?? last?.phases.at(-1)?.phase;
}

function buildTable(r: BenchReport): string[] {
  // Figures of a build that was stopped are lower bounds, and a ratio with one is meaningless.
  const comparable = !r.ours.error && !!r.bare && !r.bare.error;
  const ratioIf = (a?: number, b?: number) => (comparable ? ratio(a, b) : '–');
  const time = (b: BuildReport | undefined, p: Phase | undefined, ms: number) => (p && stoppedIn(b) === p ? `≥ ${seconds(ms)} (dừng)` : seconds(ms));
  const rows = [
    '| Giai đoạn | Của ta: thời gian | Của ta: RSS đỉnh | Tham chiếu: thời gian | Tham chiếu: RSS đỉnh | Tỷ lệ thời gian | Tỷ lệ RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const p of PHASES) {
    const o = phaseOf(r.ours, p);
    const b = phaseOf(r.bare, p);
    if (!o && !b) continue;
    rows.push(
      `| ${PHASE_LABELS[p]} | ${o ? time(r.ours, p, o.ms) : '–'} | ${o ? size(o.peakRss) : '–'} | ${b ? time(r.bare, p, b.ms) : '–'} | ${b ? size(b.peakRss) : '–'} | ${ratioIf(o?.ms, b?.ms)} | ${ratioIf(o?.peakRss, b?.peakRss)} |`,
    );
  }
  const o = total(r.ours);
  const b = total(r.bare);
  rows.push(
    `| **Tổng** | **${o ? time(r.ours, stoppedIn(r.ours), o.ms) : '–'}** | **${o ? size(o.peakRss) : '–'}** | **${b ? time(r.bare, stoppedIn(r.bare), b.ms) : '–'}** | **${b ? size(b.peakRss) : '–'}** | **${ratioIf(o?.ms, b?.ms)}** | **${ratioIf(o?.peakRss, b?.peakRss)}** |`,
  );
  return rows;
}

function outputTable(r: BenchReport): string[] {
  const o = r.ours.output;
  const b = r.bare?.output;
  const cell = (s: OutputStats | undefined, f: (s: OutputStats) => string) => (s ? f(s) : '–');
  return [
    '| Đầu ra | Của ta | Tham chiếu |',
    '| --- | ---: | ---: |',
    `| Số tệp | ${cell(o, (s) => vi(s.files))} | ${cell(b, (s) => vi(s.files))} |`,
    `| Dung lượng | ${cell(o, (s) => size(s.bytes))} | ${cell(b, (s) => size(s.bytes))} |`,
    `| Chỉ mục Pagefind | ${cell(o, (s) => (s.pagefindFiles ? `${size(s.pagefindBytes)} (${vi(s.pagefindFiles)} tệp)` : 'không có'))} | ${cell(b, (s) => (s.pagefindFiles ? `${size(s.pagefindBytes)} (${vi(s.pagefindFiles)} tệp)` : 'không có'))} |`,
  ];
}

function runs(results: QueryResult[], key: 'cold' | 'warm'): QueryRun[] {
  return results.flatMap((q) => (q[key] ? [q[key]!] : []));
}

/** Median, worst and count of one measure over some runs, as table cells. */
function stat(rs: QueryRun[], pick: (r: QueryRun) => number, show: (n: number) => string): string[] {
  const s = summarise(rs.map(pick));
  return [s ? show(s.median) : '–', s ? show(s.worst) : '–', String(rs.length)];
}

function queryTable(results: QueryResult[], bare?: QueryResult[]): string[] {
  const head = bare
    ? [`| Tìm kiếm (${results.length} truy vấn) | Trung vị | Tệ nhất | Số lần đo | Tham chiếu: trung vị | Tham chiếu: tệ nhất | Tham chiếu: số lần đo |`, '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
    : [`| Tìm kiếm (${results.length} truy vấn) | Trung vị | Tệ nhất | Số lần đo |`, '| --- | ---: | ---: | ---: |'];
  const rows = [...head];
  for (const [key, label] of [['cold', 'Lạnh'], ['warm', 'Ấm']] as const) {
    const measures: [string, (r: QueryRun) => number, (n: number) => string][] = [
      ['ms đến khi có kết quả', (r) => r.ms, (n) => vi(n)],
      ['dữ liệu truyền', (r) => r.bytes, size],
      ['số yêu cầu', (r) => r.requests, (n) => vi(n)],
    ];
    for (const [name, pick, show] of measures) {
      const cells = [...stat(runs(results, key), pick, show), ...(bare ? stat(runs(bare, key), pick, show) : [])];
      rows.push(`| ${label}: ${name} | ${cells.join(' | ')} |`);
    }
  }
  return rows;
}

const KIND_LABELS: Record<ByteKind, string> = {
  page: 'Trang: HTML, CSS, phông chữ, mã của trang',
  library: 'Thư viện Pagefind: pagefind.js, WebAssembly, pagefind-entry.json',
  meta: 'Siêu dữ liệu chỉ mục (trang.json và ma*.json của kho, hoặc .pf_meta; mỗi mảnh)',
  words: 'Chỉ mục từ (.pf_index)',
  written: 'Tệp đếm, tệp cụm từ của kho (kho-dem/, kho-cum/)',
  filters: 'Bộ lọc (.pf_filter)',
  fragments: 'Nội dung các kết quả hiện ra (.pf_fragment)',
  counts: 'Bảng đếm bộ lọc (kho-facets.json)',
};

/** Where the bytes of a first query go: the floor every query pays, and what grows with the words. */
function kindTable(results: QueryResult[], bare?: QueryResult[]): string[] {
  const cold = runs(results, 'cold');
  if (cold.length === 0) return [];
  const bareCold = bare ? runs(bare, 'cold') : [];
  const withBare = bareCold.length > 0;
  const rows = [
    `Dữ liệu truyền của lần lạnh theo loại tệp (${cold.length} truy vấn${withBare ? `, tham chiếu ${bareCold.length}` : ''}; trung vị và tệ nhất tính riêng cho từng loại, nên không cộng lại thành dòng tổng ở trên):`,
    '',
    withBare ? '| Loại tệp | Trung vị | Tệ nhất | Tham chiếu: trung vị | Tham chiếu: tệ nhất |' : '| Loại tệp | Trung vị | Tệ nhất |',
    withBare ? '| --- | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: |',
  ];
  // Median and worst; the count is in the heading.
  const cells = (rs: QueryRun[], kind: ByteKind) => stat(rs, (r) => r.kinds[kind], size).slice(0, 2);
  for (const kind of BYTE_KINDS) {
    const worst = Math.max(0, ...cold.map((r) => r.kinds[kind]), ...bareCold.map((r) => r.kinds[kind]));
    if (worst === 0) continue;
    rows.push(`| ${[KIND_LABELS[kind], ...cells(cold, kind), ...(withBare ? cells(bareCold, kind) : [])].join(' | ')} |`);
  }
  return rows;
}

function perQuery(results: QueryResult[], bare?: QueryResult[]): string[] {
  const rows = bare
    ? [
        '| # | Loại | Truy vấn | Lạnh: ms | Lạnh: dữ liệu | Lạnh: yêu cầu | Ấm: ms | Ấm: dữ liệu | Tham chiếu: lạnh, dữ liệu | Tham chiếu: ấm, ms | Ghi chú |',
        '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ]
    : [
        '| # | Loại | Truy vấn | Lạnh: ms | Lạnh: dữ liệu | Lạnh: yêu cầu | Ấm: ms | Ấm: dữ liệu | Ghi chú |',
        '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ];
  for (const [i, r] of results.entries()) {
    const c = r.cold;
    const w = r.warm;
    const q = searchPath(r.query).replace('tim-kiem/?', '').replace(/\|/g, '\\|');
    const ref = bare?.find((b) => b.query === r.query);
    const refCells = bare ? [ref?.cold ? size(ref.cold.bytes) : '–', ref?.warm ? vi(ref.warm.ms) : '–'] : [];
    const notes = [r.error, ref?.error && `tham chiếu: ${ref.error}`].filter(Boolean).join('; ');
    rows.push(
      `| ${[i + 1, r.query.label, `\`${decodeURIComponent(q.replace(/\+/g, ' '))}\``, c ? vi(c.ms) : '–', c ? size(c.bytes) : '–', c ? vi(c.requests) : '–', w ? vi(w.ms) : '–', w ? size(w.bytes) : '–', ...refCells, notes].join(' | ')} |`,
    );
  }
  return rows;
}

function targets(r: BenchReport): string[] {
  const o = total(r.ours);
  const b = total(r.bare);
  const cold = r.queries ? summarise(runs(r.queries, 'cold').map((x) => x.bytes)) : undefined;
  const warm = r.queries ? summarise(runs(r.queries, 'warm').map((x) => x.ms)) : undefined;
  const first = r.queries?.[0]?.cold?.bytes;
  const mark = (ok: boolean | undefined) => (ok === undefined ? 'chưa đo' : ok ? 'đạt' : '**không đạt**');
  const big = r.count >= 100_000;
  const factor = big ? 2 : 1;
  const scale = big ? '100.000' : '10.000';
  const lines = [
    r.count === (big ? 100_000 : 10_000)
      ? `Mục tiêu của issue 6 cho N = ${scale}:`
      : `Mục tiêu của issue 6 (đặt cho N = ${scale}; lần chạy này N = ${vi(r.count)}, chỉ để tham khảo):`,
    '',
  ];
  if (big) {
    lines.push(
      `- Bản dựng xong trong 45 phút: ${mark(o ? !r.ours.error && o.ms <= 45 * 60_000 : undefined)} (${o ? (r.ours.error ? `dừng sau ${seconds(o.ms)}, không xong` : seconds(o.ms)) : '–'}).`,
    );
    const stopped = r.ours.measured?.overLimit;
    lines.push(`- RSS đỉnh tối đa 16 GB: ${mark(o ? !stopped && o.peakRss <= 16 * 1024 ** 3 : undefined)} (${o ? `${size(o.peakRss)}${stopped ? ', bị dừng ở giới hạn' : ''}` : '–'}).`);
  } else {
    const comparable = !r.ours.error && !!r.bare && !r.bare.error;
    lines.push(`- Thời gian dựng tối đa 1,3 × tham chiếu: ${mark(o && b && comparable ? o.ms <= 1.3 * b.ms : r.ours.error ? false : undefined)} (${comparable ? ratio(o?.ms, b?.ms) : 'không so được: một bản dựng thất bại'}).`);
    lines.push(`- RSS đỉnh tối đa 4 GB: ${mark(o ? o.peakRss <= 4 * 1024 ** 3 : undefined)} (${o ? size(o.peakRss) : '–'}).`);
  }
  // The bare reference's stock search on the same entries: whether the goal is within Pagefind's own reach.
  const refCold = r.bareQueries ? summarise(runs(r.bareQueries, 'cold').map((x) => x.bytes)) : undefined;
  const refWarm = r.bareQueries ? summarise(runs(r.bareQueries, 'warm').map((x) => x.ms)) : undefined;
  const refFirst = r.bareQueries?.[0]?.cold?.bytes;
  const refBytes = refCold ? `; tham chiếu: ${refFirst !== undefined ? size(refFirst) : '–'}, trung vị ${size(refCold.median)}, tệ nhất ${size(refCold.worst)}` : '';
  const refMs = refWarm ? `; tham chiếu: trung vị ${vi(refWarm.median)} ms, tệ nhất ${vi(refWarm.worst)} ms` : '';
  lines.push(`- Truy vấn đầu tiên tối đa ${300 * factor} KB: ${mark(first !== undefined ? first <= 300 * factor * 1024 : undefined)} (${first !== undefined ? size(first) : '–'}; trung vị lạnh ${cold ? size(cold.median) : '–'}, tệ nhất ${cold ? size(cold.worst) : '–'}${refBytes}).`);
  lines.push(`- Truy vấn ấm tối đa ${100 * factor} ms: ${mark(warm ? warm.worst <= 100 * factor : undefined)} (trung vị ${warm ? vi(warm.median) : '–'} ms, tệ nhất ${warm ? vi(warm.worst) : '–'} ms${refMs}).`);
  return lines;
}

/**
 * Whether other work was stretching the figures. Only the load at the start
 * says so: at the end it is the bench's own browser, which has just run the
 * queries on both cores.
 */
export function busyNote(load: [number, number], cores = cpus().length): string {
  return load[0] > cores ? ' (máy đang bận việc khác khi bắt đầu: các con số thời gian bị kéo dài)' : '';
}

export function renderBlock(r: BenchReport): string {
  const o = total(r.ours);
  const b = total(r.bare);
  const lines = [
    `### N = ${vi(r.count)} kế hoạch sinh (+ ${vi(r.realCount)} kế hoạch thật), ${formatDateTime(r.startedAt)} (giờ Việt Nam)`,
    '',
    `- Máy: ${r.machine}${r.load ? `; tải trung bình 1 phút lúc bắt đầu ${vi(r.load[0], 1)}, lúc kết thúc ${vi(r.load[1], 1)}${busyNote(r.load)}` : ''}`,
    `- Lệnh: \`${r.command}\` (hạt giống ${r.seed}); sinh dữ liệu mất ${seconds(r.genMs)}.`,
    `- "Của ta" là \`astro build\` của kho với mọi tính năng; "tham chiếu" là cùng các tệp qua một trang Astro + MDX tối giản rồi Pagefind CLI. RSS là tổng bộ nhớ thường trú của cả cây tiến trình (lấy mẫu mỗi 100 ms từ /proc); RSS lớn nhất của một tiến trình (\`/usr/bin/time\`): của ta ${o?.maxProcessRss ? size(o.maxProcessRss) : '–'}, tham chiếu ${b?.maxProcessRss ? size(b.maxProcessRss) : '–'}.`,
  ];
  if (r.queries) {
    lines.push(
      '- Tìm kiếm: Chromium không giao diện, máy chủ tĩnh trên máy này nén gzip HTML, CSS, JavaScript và JSON như các dịch vụ lưu trữ tĩnh (tệp của Pagefind vốn đã nén). "Lạnh": trình duyệt mới, bộ nhớ đệm trống, từ lúc mở `/tim-kiem/?q=…` đến khi kết quả hiện xong, kể cả tải trang. "Ấm": trên trang đã trả lời một truy vấn khác, đổi URL như nút Quay lại.' +
        (r.runs && r.runs > 1
          ? ` Danh sách truy vấn chạy ${vi(r.runs)} lần, mỗi lần trong ngữ cảnh trình duyệt mới; với mỗi truy vấn, lạnh và ấm mỗi thứ lấy lần có thời gian trung vị (cả byte và số yêu cầu của chính lần ấy).`
          : ''),
    );
  }
  if (r.bareQueries) {
    lines.push(
      '- Tìm kiếm của tham chiếu: cùng các truy vấn trên một trang `/tim-kiem/` tối thiểu của bản tham chiếu, gọi `pagefind.search` một lần với tùy chọn mặc định (trừ `noWorker`, như trang của ta, để các tệp Pagefind tải được đếm) và hiện mười kết quả đầu với đoạn trích của Pagefind; bỏ qua các truy vấn có bộ lọc (trang tham chiếu không có bộ lọc). Đây là cái giá của chính Pagefind cho cùng các kế hoạch.',
    );
  } else if (r.bareQueriesError) {
    lines.push(`- Không đo được tìm kiếm trên bản tham chiếu: ${r.bareQueriesError}`);
  }
  if (r.ours.error) lines.push(`- **Bản dựng của ta thất bại:** ${r.ours.error}`);
  if (r.bare?.error) lines.push(`- **Bản dựng tham chiếu thất bại:** ${r.bare.error}`);
  if (!r.bare) lines.push('- Bỏ qua bản dựng tham chiếu (--khong-tham-chieu).');
  lines.push('', ...buildTable(r), '', ...outputTable(r), '');
  if (r.queries) {
    lines.push(...queryTable(r.queries, r.bareQueries), '', ...kindTable(r.queries, r.bareQueries), '');
  } else {
    lines.push(`Tìm kiếm: không đo (${r.queriesError ?? 'bỏ qua'}).`, '');
  }
  lines.push(...targets(r), '');
  if (r.queries) {
    lines.push('<details><summary>Từng truy vấn</summary>', '', ...perQuery(r.queries, r.bareQueries), '', '</details>', '');
  }
  return lines.join('\n');
}

const INTRO = `Phần này do \`npm run bench\` viết, mỗi cỡ N một khối; chạy lại với cùng N thì khối đó được thay. Mọi con số lấy từ lần chạy, không gõ tay. Cách đọc và thiết kế: xem docs/architecture.md.`;

/** Puts `block` into the "## Quy mô" section, replacing the block for the same N. */
export function updateDoc(existing: string | undefined, block: string): string {
  const text = existing ?? '# Hiệu năng\n';
  const lines = text.split('\n');
  let start = lines.findIndex((l) => l.trim() === SECTION);
  if (start < 0) {
    const base = text.endsWith('\n') ? text : `${text}\n`;
    return `${base}\n${SECTION}\n\n${INTRO}\n\n${block}`;
  }
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const section = lines.slice(start + 1, end);
  const heading = block.split('\n')[0];
  const key = /^### (N = [\d.]+ )/.exec(heading)?.[1];
  const blocks: string[][] = [];
  const preamble: string[] = [];
  for (const l of section) {
    if (l.startsWith('### ')) blocks.push([l]);
    else if (blocks.length) blocks[blocks.length - 1].push(l);
    else preamble.push(l);
  }
  const kept = blocks.filter((b) => !key || !b[0].startsWith(`### ${key}`));
  const bySize = (b: string[]) => Number(/^### N = ([\d.]+)/.exec(b[0])?.[1].replace(/\./g, '') ?? 0);
  const all = [...kept, block.trimEnd().split('\n').concat('')].sort((a, b) => bySize(a) - bySize(b));
  const pre = preamble.join('\n').trim() ? preamble : ['', INTRO, ''];
  const body = [...pre, ...all.flat()];
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n');
}

export function writeReport(path: string, block: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, updateDoc(existing, block));
}

export { QUERIES };
