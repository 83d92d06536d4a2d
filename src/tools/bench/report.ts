/**
 * The benchmark's Markdown: one dated block per run, with the goals of
 * issue #25 judged for each corpus, then each corpus's builds and searches.
 * report-doc.ts puts the block into docs/performance.md.
 */
import { cpus } from 'node:os';
import { PHASE_LABELS, type Phase } from '../../integrations/build-phases.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { RESULTS_PER_PAGE } from '../../lib/search/engine.ts';
import { EAGER_FILTER_BYTES } from '../../lib/search/index-format.ts';
import { ratio, seconds, size, vi } from './format.ts';
import { goalsFor, mark, runsOf, total } from './goals.ts';
import { BYTE_KINDS, searchPath, summarise, type ByteKind, type QueryResult, type QueryRun } from './queries.ts';
import { CORPUS_LABELS, type BenchReport, type BuildReport, type CorpusReport } from './types.ts';

const PHASES: Phase[] = ['validate', 'astro', 'pagefind', 'extras'];

function phaseOf(b: BuildReport | undefined, p: Phase) {
  const all = b?.steps ?? (b?.measured ? [b.measured] : []);
  const stats = all.flatMap((m) => m.phases.filter((s) => s.phase === p));
  if (stats.length === 0) return undefined;
  return { ms: stats.reduce((n, s) => n + s.ms, 0), peakRss: Math.max(...stats.map((s) => s.peakRss)) };
}

/** The phase a failed build stopped in, if any. */
function stoppedIn(b: BuildReport | undefined): Phase | undefined {
  if (!b?.error) return undefined;
  const last = (b.steps ?? (b.measured ? [b.measured] : [])).at(-1);
  return last?.outOfMemory ?? last?.phases.at(-1)?.phase;
}

function buildTable(c: CorpusReport): string[] {
  // Figures of a build that was stopped are lower bounds, and a ratio with one is meaningless.
  const comparable = !c.ours?.error && !!c.bare && !c.bare.error;
  const ratioIf = (a?: number, b?: number) => (comparable ? ratio(a, b) : '–');
  const time = (b: BuildReport | undefined, p: Phase | undefined, ms: number) => (p && stoppedIn(b) === p ? `≥ ${seconds(ms)} (dừng)` : seconds(ms));
  const rows = [
    '| Giai đoạn | Của ta: thời gian | Của ta: RSS đỉnh | Tham chiếu: thời gian | Tham chiếu: RSS đỉnh | Tỷ lệ thời gian | Tỷ lệ RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const p of PHASES) {
    const o = phaseOf(c.ours, p);
    const b = phaseOf(c.bare, p);
    if (!o && !b) continue;
    rows.push(`| ${PHASE_LABELS[p]} | ${o ? time(c.ours, p, o.ms) : '–'} | ${o ? size(o.peakRss) : '–'} | ${b ? time(c.bare, p, b.ms) : '–'} | ${b ? size(b.peakRss) : '–'} | ${ratioIf(o?.ms, b?.ms)} | ${ratioIf(o?.peakRss, b?.peakRss)} |`);
  }
  const o = total(c.ours);
  const b = total(c.bare);
  const cells = [o ? time(c.ours, stoppedIn(c.ours), o.ms) : '–', o ? size(o.peakRss) : '–', b ? time(c.bare, stoppedIn(c.bare), b.ms) : '–', b ? size(b.peakRss) : '–', ratioIf(o?.ms, b?.ms), ratioIf(o?.peakRss, b?.peakRss)];
  rows.push(`| **Tổng** | ${cells.map((x) => `**${x}**`).join(' | ')} |`);
  return rows;
}

function outputTable(c: CorpusReport): string[] {
  const o = c.ours?.output;
  const b = c.bare?.output;
  const cell = (n: number | undefined, f: (n: number) => string) => (n === undefined ? '–' : f(n));
  const part = (bytes?: number, files?: number) => (files ? `${size(bytes!)} (${vi(files)} tệp)` : files === 0 ? 'không có' : '–');
  return [
    '| Đầu ra | Của ta | Tham chiếu |',
    '| --- | ---: | ---: |',
    `| Số tệp | ${cell(o?.files, vi)} | ${cell(b?.files, vi)} |`,
    `| Dung lượng | ${cell(o?.bytes, size)} | ${cell(b?.bytes, size)} |`,
    `| Bó Pagefind (pagefind/) | ${part(o?.pagefindBytes, o?.pagefindFiles)} | ${part(b?.pagefindBytes, b?.pagefindFiles)} |`,
    `| Chỉ mục của kho (chi-muc/) | ${part(o?.indexBytes, o?.indexFiles)} | ${part(b?.indexBytes, b?.indexFiles)} |`,
    `| Tệp bộ lọc (loc.json.gz; đếm bộ lọc, tải khi người đọc với tới bộ lọc nếu lớn hơn ${size(EAGER_FILTER_BYTES)}) | ${cell(o?.filterBytes, size)} | – |`,
  ];
}

/** Median and worst of one measure over some runs, as two table cells. */
function stat(rs: QueryRun[], pick: (r: QueryRun) => number, show: (n: number) => string): string[] {
  const s = summarise(rs.map(pick));
  return [s ? show(s.median) : '–', s ? show(s.worst) : '–'];
}

function searchTable(c: CorpusReport): string[] {
  const rows = [
    `| Tìm kiếm (${c.gzip?.length ?? 0} truy vấn) | Nén gzip: trung vị | Nén gzip: tệ nhất | Không nén: trung vị | Không nén: tệ nhất |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const [key, label] of [['cold', 'Lạnh'], ['warm', 'Ấm']] as const) {
    const measures: [string, (r: QueryRun) => number, (n: number) => string][] = [
      ['ms đến khi có kết quả', (r) => r.ms, (n) => vi(n)],
      ['dữ liệu truyền', (r) => r.bytes, size],
      ['số yêu cầu', (r) => r.requests, (n) => vi(n)],
    ];
    for (const [name, pick, show] of measures) {
      rows.push(`| ${label}: ${name} | ${[...stat(runsOf(c.gzip, key), pick, show), ...stat(runsOf(c.plain, key), pick, show)].join(' | ')} |`);
    }
  }
  return rows;
}

const KIND_LABELS: Record<ByteKind, string> = {
  page: 'Trang: HTML, CSS, phông chữ, ảnh',
  code: 'Mã JavaScript của trang',
  manifest: 'Danh mục chỉ mục (chi-muc.json)',
  terms: 'Khối từ (tu-*.json.gz)',
  filters: 'Bộ lọc (loc.json.gz)',
  fragments: 'Nội dung các kết quả hiện ra (.pf_fragment)',
  pagefind: 'Tệp khác của Pagefind (pagefind/)',
};

/** Where the bytes of a first query go: the floor every query pays, and what grows with the words. */
function kindTable(c: CorpusReport): string[] {
  const gzip = runsOf(c.gzip, 'cold');
  const plain = runsOf(c.plain, 'cold');
  if (gzip.length + plain.length === 0) return [];
  const rows = [
    'Dữ liệu truyền của lần lạnh theo loại tệp (trung vị và tệ nhất tính riêng cho từng loại, nên không cộng lại thành dòng tổng ở trên):',
    '',
    '| Loại tệp | Nén gzip: trung vị | Nén gzip: tệ nhất | Không nén: trung vị | Không nén: tệ nhất |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const kind of BYTE_KINDS) {
    if (![...gzip, ...plain].some((r) => r.kinds[kind] > 0)) continue;
    rows.push(`| ${[KIND_LABELS[kind], ...stat(gzip, (r) => r.kinds[kind], size), ...stat(plain, (r) => r.kinds[kind], size)].join(' | ')} |`);
  }
  return rows;
}

function perQuery(c: CorpusReport): string[] {
  const rows = [
    '| # | Loại | Truy vấn | Kết quả (tỷ lệ kho) | Lạnh: ms | Lạnh: nén gzip | Lạnh: không nén | Ấm: ms | Ấm: nén gzip | Ghi chú |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const [i, r] of (c.gzip ?? []).entries()) {
    const p = c.plain?.find((x) => x.query === r.query);
    const q = decodeURIComponent(searchPath(r.query).replace('tim-kiem/?', '').replace(/\+/g, ' ')).replace(/\|/g, '\\|');
    const found = r.cold?.found ?? p?.cold?.found;
    const notes = [r.error, p?.error && `không nén: ${p.error}`].filter(Boolean).join('; ');
    const share = found !== undefined && c.plans ? ` (${vi((100 * found) / c.plans)}%)` : '';
    const cells = [i + 1, r.query.label, `\`${q}\``, found === undefined ? '–' : `${vi(found)}${share}`, r.cold ? vi(r.cold.ms) : '–', r.cold ? size(r.cold.bytes) : '–', p?.cold ? size(p.cold.bytes) : '–', r.warm ? vi(r.warm.ms) : '–', r.warm ? size(r.warm.bytes) : '–', notes];
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows;
}

function goalTable(r: BenchReport): string[] {
  const n = r.count ?? r.corpora[0]?.plans ?? 0;
  const { scale, goals } = goalsFor(n);
  const shown = goals.filter((g) => !g.build || r.corpora.some((c) => c.ours));
  const scaleText = vi(scale);
  const queries = r.corpora.find((c) => c.gzip)?.gzip?.length ?? 0;
  return [
    n === scale ? `Mục tiêu của issue #25 cho N = ${scaleText}:` : `Mục tiêu của issue #25 cho N = ${scaleText} (lần chạy này N = ${vi(n)}: chỉ để tham khảo):`,
    '',
    `| Mục tiêu | Giới hạn | ${r.corpora.map((c) => CORPUS_LABELS[c.corpus]).join(' | ')} |`,
    `| --- | --- | ${r.corpora.map(() => '---').join(' | ')} |`,
    ...shown.map((g) => `| ${g.label} | ${g.limit ?? '(không đặt)'} | ${r.corpora.map((c) => mark(g.judge(c))).join(' | ')} |`),
    '',
    `"Truy vấn đầu tiên": dữ liệu truyền của truy vấn lạnh tệ nhất trong ${vi(queries)} truy vấn, vì truy vấn nào cũng có thể là truy vấn đầu tiên của người đọc. Thời gian của lần phục vụ nén gzip. ✓ đạt, ✗ không đạt.`,
  ];
}

function corpusSection(r: BenchReport, c: CorpusReport): string[] {
  const lines = [`#### ${CORPUS_LABELS[c.corpus]}`, ''];
  if (r.count !== undefined) {
    const gen = `npm run gen -- --count ${r.count}${r.seed !== 1 ? ` --seed ${r.seed}` : ''}${c.corpus === 'van-mau' ? ' --van-mau' : ''}`;
    lines.push(`- ${vi(r.count)} kế hoạch của \`${gen}\` cộng ${vi(r.realCount ?? 0)} kế hoạch thật; sinh mất ${seconds(c.genMs ?? 0)}.`);
  } else {
    lines.push(`- ${c.plans === undefined ? 'Không rõ số' : vi(c.plans)} kế hoạch trong chỉ mục của \`${r.site}\`.`);
  }
  if (c.ours?.error) lines.push(`- **Bản dựng của ta thất bại:** ${c.ours.error}`);
  if (c.bare?.error) lines.push(`- **Bản dựng tham chiếu thất bại:** ${c.bare.error}`);
  if (c.ours) {
    const o = total(c.ours);
    const b = total(c.bare);
    lines.push(`- RSS lớn nhất của một tiến trình (\`/usr/bin/time\`): của ta ${o?.maxProcessRss ? size(o.maxProcessRss) : '–'}, tham chiếu ${b?.maxProcessRss ? size(b.maxProcessRss) : '–'}.`);
    lines.push('', ...buildTable(c), '', ...outputTable(c));
  }
  lines.push('');
  if (!c.gzip) return [...lines, `Tìm kiếm: không đo (${c.searchError ?? 'bỏ qua'}).`, ''];
  if (c.searchError) lines.push(`Tìm kiếm: ${c.searchError}`, '');
  lines.push(...searchTable(c), '', ...kindTable(c), '');
  lines.push('<details><summary>Từng truy vấn</summary>', '', ...perQuery(c), '', '</details>', '');
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

function method(r: BenchReport): string {
  const builds = r.count === undefined ? '' : `"Của ta" là \`astro build\` của kho với mọi tính năng; "tham chiếu" là cùng các tệp qua một trang Astro + MDX tối giản rồi Pagefind CLI, chỉ để so thời gian dựng và bộ nhớ${r.noBare ? ' (lần này bỏ qua: --khong-tham-chieu)' : ''}. RSS là tổng bộ nhớ thường trú của cả cây tiến trình, lấy mẫu mỗi 100 ms từ /proc. `;
  return (
    `- Cách đo: ${builds}Tìm kiếm: Chromium không giao diện, máy chủ tĩnh của kho phục vụ bản dựng theo hai cách: "nén gzip" như một CDN (HTML, CSS, JavaScript, JSON nén gzip; tệp .json.gz và .pf_fragment vốn đã nén thì gửi nguyên) và "không nén" như nginx, Apache mặc định (mọi tệp gửi nguyên). Dữ liệu truyền là số byte trình duyệt nhận, không phải cỡ tệp: lần lạnh đếm qua sự kiện Network của DevTools, lần ấm đọc Resource Timing của chính trang (transferSize). Lần ấm chạy trong một Chromium riêng mà bench chỉ gọi lệnh qua ống DevTools, không bật miền nào (không Playwright), để trang đang được bấm giờ không gửi sự kiện nào cho công cụ mà trình duyệt của người đọc không có (quyết định 016). ` +
    `"Lạnh": trình duyệt mới, bộ nhớ đệm trống, từ lúc mở \`/tim-kiem/?q=…\` đến khi ${vi(RESULTS_PER_PAGE)} kết quả đầu (một trang kết quả, quyết định 017) hiện xong, kể cả tải trang. "Ấm": trên trang đã trả lời truy vấn trước, đổi URL như nút Quay lại; các lần ấm chạy sau mọi lần lạnh, để không trang nào khác đang đóng cùng lúc. ` +
    `Nén gzip: danh sách truy vấn chạy ${vi(r.runs)} lần, mỗi truy vấn lấy lần có thời gian trung vị (cả byte và số yêu cầu của chính lần ấy); không nén: một lần, chỉ lạnh.`
  );
}

export function renderBlock(r: BenchReport): string {
  const when = `${formatDateTime(r.startedAt)} (giờ Việt Nam)`;
  const heading =
    r.count !== undefined
      ? `### N = ${vi(r.count)} kế hoạch sinh (+ ${vi(r.realCount ?? 0)} kế hoạch thật), ${when}`
      : `### Chỉ tìm kiếm: ${r.site}, ${when}`;
  const lines = [
    heading,
    '',
    `- Máy: ${r.machine}${r.load ? `; tải trung bình 1 phút lúc bắt đầu ${vi(r.load[0], 1)}, lúc kết thúc ${vi(r.load[1], 1)}${busyNote(r.load)}` : ''}`,
    `- Mã nguồn: ${r.commit}.`,
    `- Lệnh: \`${r.command}\`${r.seed !== undefined ? ` (hạt giống ${r.seed})` : ''}.`,
    method(r),
    '',
    ...goalTable(r),
    '',
  ];
  for (const c of r.corpora) lines.push(...corpusSection(r, c));
  return lines.join('\n');
}
