/**
 * The bench's report (src/tools/bench/report.ts, report-doc.ts): both
 * corpora, both ways of serving, the goals of issue #25 judged from the
 * figures, and the block's place in docs/performance.md.
 */
import { describe, expect, it } from 'vitest';
import type { Measured } from '../../src/tools/bench/measure.ts';
import { BYTE_KINDS, QUERIES, type QueryResult, type QueryRun } from '../../src/tools/bench/queries.ts';
import { busyNote, renderBlock } from '../../src/tools/bench/report.ts';
import { updateDoc } from '../../src/tools/bench/report-doc.ts';
import type { BenchReport, CorpusReport } from '../../src/tools/bench/types.ts';

const KB = 1024;
const GB = 1024 ** 3;

const run = (ms: number, bytes: number, found?: number): QueryRun => ({
  ms,
  bytes,
  requests: 9,
  kinds: Object.fromEntries(BYTE_KINDS.map((k) => [k, k === 'terms' ? bytes / 2 : k === 'page' ? bytes / 2 : 0])) as QueryRun['kinds'],
  found,
});

const built = (wallMs: number, peakRss: number): Measured => ({
  code: 0,
  signal: null,
  wallMs,
  peakRss,
  phases: [
    { phase: 'astro', ms: wallMs * 0.7, peakRss },
    { phase: 'pagefind', ms: wallMs * 0.3, peakRss: peakRss / 2 },
  ],
  tail: [],
});

/** Two queries; the second cold query is the heavier one. */
function corpus(name: 'sinh' | 'van-mau', kb: [gzip: number, plain: number], warmMs: [number, number], oursMs: number): CorpusReport {
  const [a, b] = QUERIES;
  const gzip: QueryResult[] = [
    { query: a, cold: run(700, (kb[0] / 2) * KB, 180), warm: run(warmMs[0], 20 * KB) },
    { query: b, cold: run(900, kb[0] * KB, 150), warm: run(warmMs[1], 30 * KB) },
  ];
  const plain: QueryResult[] = [
    { query: a, cold: run(720, (kb[1] / 2) * KB, 180) },
    { query: b, cold: run(950, kb[1] * KB, 150) },
  ];
  return {
    corpus: name,
    genMs: 200,
    plans: 265,
    ours: { measured: built(oursMs, 1.5 * GB), output: { files: 900, bytes: 40e6, pagefindBytes: 5e6, pagefindFiles: 300, indexBytes: 2e6, indexFiles: 240 } },
    bare: { steps: [built(10_000, 1 * GB)], output: { files: 600, bytes: 10e6, pagefindBytes: 4e6, pagefindFiles: 280, indexBytes: 0, indexFiles: 0 } },
    gzip,
    plain,
  };
}

function report(count: number, corpora: CorpusReport[]): BenchReport {
  return {
    count,
    realCount: 65,
    seed: 1,
    command: `npm run bench -- --count ${count}`,
    startedAt: new Date('2026-12-07T13:36:00Z'),
    machine: 'AMD EPYC, 2 nhân, 23,54 GB RAM; Debian GNU/Linux 12 (bookworm); Node 24.21.0, Chromium 156',
    commit: 'commit 1a2b3c4',
    corpora,
    runs: 3,
    load: [0.4, 1.9],
  };
}

const row = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`| ${label} |`))?.split(' | ');

describe('the report of a run on both corpora', () => {
  const text = renderBlock(report(10_000, [corpus('sinh', [100, 250], [30, 80], 12_000), corpus('van-mau', [200, 400], [70, 130], 16_000)]));

  it('is dated, and names the machine, the commit and the command', () => {
    expect(text.split('\n')[0]).toBe('### N = 10.000 kế hoạch sinh (+ 65 kế hoạch thật), 07/12/2026 20:36 (giờ Việt Nam)');
    expect(text).toContain('- Máy: AMD EPYC, 2 nhân');
    expect(text).toContain('- Mã nguồn: commit 1a2b3c4.');
    expect(text).toContain('- Lệnh: `npm run bench -- --count 10000` (hạt giống 1).');
  });

  it('judges each goal for each corpus from its figures', () => {
    expect(text).toContain('Mục tiêu của issue #25 cho N = 10.000:');
    expect(text).toContain('| Mục tiêu | Giới hạn | Kho sinh | Kho văn mẫu |');
    // The first query is the worst cold one of the list, in each way of serving.
    expect(row(text, 'Truy vấn đầu tiên, nén gzip')?.slice(2)).toEqual(['✓ 100,0 KB (trung vị 75,0 KB)', '✗ 200,0 KB (trung vị 150,0 KB) |']);
    expect(row(text, 'Truy vấn đầu tiên, không nén')?.slice(1)).toEqual(['≤ 300 KB', '✓ 250,0 KB (trung vị 187,5 KB)', '✗ 400,0 KB (trung vị 300,0 KB) |']);
    expect(row(text, 'Truy vấn ấm, trung vị')?.slice(2)).toEqual(['✓ 55 ms', '✗ 100 ms |']);
    expect(row(text, 'Truy vấn ấm, tệ nhất')?.slice(2)).toEqual(['✓ 80 ms', '✗ 130 ms |']);
    expect(row(text, 'Truy vấn lạnh, thời gian')?.slice(1, 3)).toEqual(['(không đặt)', 'trung vị 800 ms, tệ nhất 900 ms']);
    expect(row(text, 'Thời gian dựng')?.slice(2)).toEqual(['✓ 1,20 × (12,0 s so với 10,0 s)', '✗ 1,60 × (16,0 s so với 10,0 s) |']);
    expect(row(text, 'RSS đỉnh của bản dựng')?.slice(2)).toEqual(['✓ 1,50 GB', '✓ 1,50 GB |']);
  });

  it('gives each corpus its builds, its output and its searches served gzipped and plain', () => {
    const [sinh, vanMau] = text.split(/^#### /m).slice(1);
    expect(sinh.startsWith('Kho sinh\n')).toBe(true);
    expect(vanMau.startsWith('Kho văn mẫu\n')).toBe(true);
    expect(sinh).toContain('`npm run gen -- --count 10000` cộng 65 kế hoạch thật');
    expect(vanMau).toContain('`npm run gen -- --count 10000 --van-mau` cộng 65 kế hoạch thật');
    for (const part of [sinh, vanMau]) {
      expect(row(part, '**Tổng**')?.length).toBe(7);
      expect(part).toContain('| Chỉ mục của kho (chi-muc/) | 1,9 MB (240 tệp) | không có |');
      expect(part).toContain('| Tìm kiếm (2 truy vấn) | Nén gzip: trung vị | Nén gzip: tệ nhất | Không nén: trung vị | Không nén: tệ nhất |');
      // Warm queries are timed on the gzip run only.
      expect(row(part, 'Ấm: ms đến khi có kết quả')?.slice(3)).toEqual(['–', '– |']);
      expect(row(part, 'Khối từ (tu-*.json.gz)')).toBeDefined();
    }
    expect(row(sinh, 'Lạnh: dữ liệu truyền')).toEqual(['| Lạnh: dữ liệu truyền', '75,0 KB', '100,0 KB', '187,5 KB', '250,0 KB |']);
    // Each query with the plans it found, and its bytes both ways.
    expect(sinh).toMatch(/^\| 2 \| từ thường \| `q=thủ tục hành chính` \| 150 \(57%\) \| 900 \| 100,0 KB \| 250,0 KB \| 80 \| 30,0 KB \|/m);
  });

  it('says the goals of 10,000 plans are for reference at another size, and uses those of 100,000 from there on', () => {
    expect(renderBlock(report(200, [corpus('sinh', [100, 250], [40, 90], 12_000)]))).toContain('cho N = 10.000 (lần chạy này N = 200: chỉ để tham khảo)');
    const big = renderBlock(report(100_000, [corpus('sinh', [250, 600], [120, 190], 30 * 60_000)]));
    expect(row(big, 'Truy vấn đầu tiên, nén gzip')?.slice(1)).toEqual(['≤ 300 KB', '✓ 250,0 KB (trung vị 187,5 KB) |']);
    expect(row(big, 'Truy vấn ấm, tệ nhất')?.slice(1)).toEqual(['≤ 200 ms', '✓ 190 ms |']);
    expect(row(big, 'Thời gian dựng')?.slice(1)).toEqual(['≤ 45 phút', '✓ 1.800,0 s |']);
    expect(row(big, 'RSS đỉnh của bản dựng')?.slice(1)).toEqual(['≤ 16 GB', '✓ 1,50 GB |']);
  });

  it('marks a failed build and a search that was not measured', () => {
    const failed = corpus('van-mau', [100, 250], [40, 90], 12_000);
    failed.ours!.error = 'hết bộ nhớ trong giai đoạn "Pagefind" (mã thoát 134).';
    delete failed.gzip;
    delete failed.plain;
    failed.searchError = 'bản dựng của ta thất bại';
    const out = renderBlock(report(10_000, [failed]));
    expect(out).toContain('**Bản dựng của ta thất bại:** hết bộ nhớ');
    expect(out).toContain('Tìm kiếm: không đo (bản dựng của ta thất bại).');
    expect(row(out, 'Thời gian dựng')?.[2]).toBe('✗ bản dựng thất bại |');
    expect(row(out, 'Truy vấn đầu tiên, nén gzip')?.[2]).toBe('chưa đo |');
  });

  it('measures only the search of a site built before with --chi-tim-kiem', () => {
    const only = corpus('sinh', [100, 250], [40, 90], 0);
    const out = renderBlock({ ...report(0, [{ corpus: 'co-san', plans: 65, gzip: only.gzip, plain: only.plain }]), count: undefined, seed: undefined, site: 'dist' });
    expect(out.split('\n')[0]).toBe('### Chỉ tìm kiếm: dist, 07/12/2026 20:36 (giờ Việt Nam)');
    expect(out).toContain('| Mục tiêu | Giới hạn | Bản dựng có sẵn |');
    expect(out).toContain('65 kế hoạch trong chỉ mục của `dist`');
    expect(row(out, 'Thời gian dựng')).toBeUndefined();
    expect(row(out, 'Truy vấn đầu tiên, nén gzip')?.[2]).toBe('✓ 100,0 KB (trung vị 75,0 KB) |');
  });

  it("says the machine was busy only from the load before the run, not from the bench's own browser", () => {
    expect(busyNote([3.5, 1.0], 2)).toContain('máy đang bận việc khác khi bắt đầu');
    expect(busyNote([1.1, 2.9], 2)).toBe('');
  });
});

describe('the report section of docs/performance.md', () => {
  const block = (heading: string, text: string) => `### ${heading}, 01/01/2026 10:00 (giờ Việt Nam)\n\n${text}\n`;

  it('replaces the block of the same N, keeps the others in size order, and leaves other sections alone', () => {
    let doc = updateDoc('# Hiệu năng\n\n## Quy mô\n\nLời cũ.\n\n### N = 10.000 kế hoạch sinh (+ 5 kế hoạch thật), 02/02/2025\n\ncũ\n\n## Khác\n\nB\n', block('N = 1.000 kế hoạch sinh (+ 65 kế hoạch thật)', 'nhỏ'));
    doc = updateDoc(doc, block('N = 10.000 kế hoạch sinh (+ 65 kế hoạch thật)', 'mới'));
    doc = updateDoc(doc, block('Chỉ tìm kiếm: dist', 'chỉ tìm'));
    doc = updateDoc(doc, block('Chỉ tìm kiếm: dist', 'chỉ tìm lại'));
    expect(doc).toContain('## Khác\n\nB\n');
    expect(doc).not.toContain('cũ');
    expect(doc).toContain('Phần này do `npm run bench` viết');
    const section = doc.slice(doc.indexOf('## Quy mô'), doc.indexOf('## Khác'));
    expect(section.match(/^### .*/gm)?.map((h) => h.slice(4, 20))).toEqual(['N = 1.000 kế hoạ', 'N = 10.000 kế ho', 'Chỉ tìm kiếm: di']);
    expect(section).toContain('chỉ tìm lại');
  });

  it('creates the file and the section when neither exists', () => {
    const doc = updateDoc(undefined, block('N = 50 kế hoạch sinh (+ 5 kế hoạch thật)', 'x'));
    expect(doc.startsWith('# Hiệu năng\n')).toBe(true);
    expect(doc).toContain('## Quy mô\n');
    expect(doc).toContain('### N = 50');
  });
});
