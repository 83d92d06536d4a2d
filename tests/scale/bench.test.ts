/**
 * `npm run bench`: a tiny run builds the archive and the bare reference,
 * measures them, and writes a well-formed report where it is told (never
 * into docs/ when --report is given), removing its temporary site even when
 * it is stopped halfway.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRssOption } from '../../src/tools/bench/cli.ts';
import { busyNote, updateDoc } from '../../src/tools/bench/report.ts';
import { ROOT, TEST_TMP } from '../helpers/paths.ts';

const DIR = resolve(TEST_TMP, 'scale-bench');
const DOC = join(ROOT, 'docs/performance.md');

function docState(): string {
  return existsSync(DOC) ? `${statSync(DOC).mtimeMs}:${readFileSync(DOC, 'utf8').length}` : 'absent';
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function bench(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/bench.ts', ...args], { cwd: ROOT, env: { ...process.env, CI: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function tempDirOf(stderr: string, which = 'Thư mục tạm'): string {
  const m = new RegExp(`${which}: (\\S+)`).exec(stderr);
  expect(m, stderr.slice(0, 2000)).toBeTruthy();
  return m![1];
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('a tiny bench run (N = 50)', () => {
  let run: Run;
  let report: string;
  const docBefore = docState();

  beforeAll(async () => {
    const path = join(DIR, 'perf.md');
    // Another tool's section of the same file must survive the update.
    writeFileSync(path, '# Hiệu năng\n\n## Tìm kiếm\n\nBảng của người khác.\n');
    // Four of the queries, one run: the test is of the run and its report; `npm run bench` measures them all.
    run = await bench(['--count', '50', '--seed', '5', '--lan', '1', '--so-truy-van', '4', '--report', path]);
    report = readFileSync(path, 'utf8');
  }, 300_000);

  it('completes and removes its temporary site', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(existsSync(tempDirOf(run.stderr))).toBe(false);
    expect(existsSync(tempDirOf(run.stderr, 'Thư mục tạm của bản tham chiếu'))).toBe(false);
  });

  it("passes on what the archive's own integrations say while building", () => {
    expect(run.stderr).toMatch(/\[bench\] Của ta: \[kho-content-guard\] \d+ kế hoạch hợp lệ/);
    expect(run.stderr).toMatch(/\[bench\] Của ta: \[kho-pagefind\] Đã lập chỉ mục \d+ kế hoạch/);
  });

  it('writes the report to the given path and leaves docs/ alone', () => {
    expect(docState()).toBe(docBefore);
    expect(report).toContain('## Tìm kiếm\n\nBảng của người khác.');
    expect(report).toContain('## Quy mô');
    expect(report).toMatch(/^### N = 50 kế hoạch sinh \(\+ \d+ kế hoạch thật\), \d{2}\/\d{2}\/\d{4}/m);
    expect(report).toMatch(/- Máy: .+\d+ nhân, [\d,]+ GB RAM/);
    expect(run.stdout).toContain('### N = 50');
    expect(report).toContain('`npm run bench -- --count 50 --seed 5 --lan 1 --so-truy-van 4`');
  });

  it('reports time and peak memory for every phase, ours and the reference, and their ratios', () => {
    const row = (label: string) => report.split('\n').find((l) => l.startsWith(`| ${label} |`) || l.startsWith(`| **${label}** |`));
    for (const label of ['Kiểm tra nội dung', 'Astro build', 'Pagefind', 'Tổng']) {
      const cells = row(label)?.split('|').map((c) => c.trim().replace(/\*/g, '')).filter(Boolean);
      expect(cells, label).toBeDefined();
      expect(cells![1], `${label}: our time`).toMatch(/^[\d,]+ s$/);
      expect(cells![2], `${label}: our memory`).toMatch(/^[\d,]+ (KB|MB|GB)$/);
    }
    const total = row('Tổng')!.split('|').map((c) => c.trim().replace(/\*/g, '')).filter(Boolean);
    expect(total[3]).toMatch(/^[\d,]+ s$/);
    expect(total[4]).toMatch(/^[\d,]+ (MB|GB)$/);
    expect(total[5]).toMatch(/^[\d,]+ ×$/);
    expect(total[6]).toMatch(/^[\d,]+ ×$/);
  });

  it('reports output size, the Pagefind index and the search figures', () => {
    expect(report).toMatch(/\| Số tệp \| [\d.]+ \| [\d.]+ \|/);
    expect(report).toMatch(/\| Chỉ mục Pagefind \| [\d,]+ (KB|MB) \([\d.]+ tệp\) \| [\d,]+ (KB|MB) \([\d.]+ tệp\) \|/);
    expect(report).toMatch(/\| Lạnh: ms đến khi có kết quả \| [\d.]+ \| [\d.]+ \| 4 \|/);
    expect(report).toMatch(/\| Ấm: dữ liệu truyền \| [\d,]+ (KB|MB) \| [\d,]+ (KB|MB) \| 4 \|/);
    expect(report).toContain('<summary>Từng truy vấn</summary>');
    // Every first query downloads the page, Pagefind and its index metadata,
    // on our site and on the reference's (the last two columns).
    const kb = '[\\d,]+ (KB|MB)';
    for (const kind of ['Trang: HTML, CSS, phông chữ', 'Thư viện Pagefind', 'Siêu dữ liệu chỉ mục', 'Chỉ mục từ']) {
      expect(report).toMatch(new RegExp(`^\\| ${kind}[^|]* \\| ${kb} \\| ${kb} \\| ${kb} \\| ${kb} \\|$`, 'm'));
    }
    expect(report.match(/^\| \d+ \| /gm)?.length).toBe(4);
  });

  it("measures the same queries on the bare reference's stock Pagefind page, all but the filter queries", () => {
    // Ours over the 4 queries, the reference over the 3 without filters (the last is a filter query).
    expect(report).toMatch(/\| Lạnh: dữ liệu truyền \| [\d,]+ (KB|MB) \| [\d,]+ (KB|MB) \| 4 \| [\d,]+ (KB|MB) \| [\d,]+ (KB|MB) \| 3 \|/);
    expect(report).toMatch(/\| Ấm: ms đến khi có kết quả \| [\d.]+ \| [\d.]+ \| 4 \| [\d.]+ \| [\d.]+ \| 3 \|/);
    const rows = report.split('\n').filter((l) => /^\| \d+ \| /.test(l)).map((l) => l.split(' | '));
    for (const cells of rows) {
      const filtered = cells[2].includes('&');
      // Columns 8 and 9: the reference's cold bytes and warm time.
      expect(cells[8], cells.join(' | ')).toMatch(filtered ? /^–$/ : /^[\d,]+ (KB|MB)$/);
      expect(cells[9], cells.join(' | ')).toMatch(filtered ? /^–$/ : /^[\d.]+$/);
      if (filtered) expect(cells[10]).toContain('tham chiếu: không đo: trang không có bộ lọc');
    }
    // The reference's Pagefind downloads are counted, not lost in a worker.
    const library = report.split('\n').find((l) => l.startsWith('| Thư viện Pagefind'))!.split(' | ');
    expect(library[3]).not.toBe('0,0 KB');
    expect(report).toMatch(/^- Truy vấn đầu tiên tối đa 300 KB: .*; tham chiếu: [\d,]+ KB, trung vị/m);
  });
});

describe('bench safety and messages', () => {
  it('removes its temporary site when stopped with SIGTERM', async () => {
    const child = spawn(process.execPath, ['scripts/bench.ts', '--count', '50', '--report', join(DIR, 'stopped.md')], { cwd: ROOT });
    let stderr = '';
    const started = new Promise<void>((ready) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('Dựng kho')) ready();
      }),
    );
    const closed = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await started;
    const dir = tempDirOf(stderr);
    expect(existsSync(dir)).toBe(true);
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(tempDirOf(stderr, 'Thư mục tạm của bản tham chiếu'))).toBe(false);
    expect(existsSync(join(DIR, 'stopped.md'))).toBe(false);
  }, 120_000);

  it.each([
    [[], 'thiếu --count'],
    [['--count', 'nhiều'], '--count phải là số nguyên từ 1'],
    [['--count', '10', '--reprot', 'x.md'], 'không có tham số "--reprot"; có phải "--report"?'],
    [['--count', '10', '--report'], 'tham số "--report" thiếu giá trị'],
    [['--count', '10', '--lan', '0'], '--lan phải là số nguyên từ 1 đến 20 (số lần chạy danh sách truy vấn), ví dụ 3; đang là "0".'],
    [['--count', '10', '--so-truy-van', '21'], '--so-truy-van phải là số nguyên từ 1 đến 20, ví dụ 4; đang là "21".'],
  ])('explains %j in Vietnamese without a stack trace', (args, message) => {
    const r = spawnSync(process.execPath, ['scripts/bench.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Lỗi: ${message}`);
    expect(r.stderr).toContain('Cách dùng: npm run bench');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bench settings from the environment', () => {
  it.each([
    ['KHO_BENCH_MAX_RSS_GB', '16GB', 'KHO_BENCH_MAX_RSS_GB phải là số GB lớn hơn 0, ví dụ 16 hoặc 0.5; đang là "16GB".'],
    ['KHO_BENCH_MAX_RSS_GB', '-1', 'KHO_BENCH_MAX_RSS_GB phải là số GB lớn hơn 0, ví dụ 16 hoặc 0.5; đang là "-1".'],
    ['KHO_MAX_HEAP_MB', 'nhiều', 'KHO_MAX_HEAP_MB phải là số MB nguyên, ít nhất 16, ví dụ 12288; đang là "nhiều".'],
  ])('rejects %s=%s before building anything, in Vietnamese', (name, value, message) => {
    const r = spawnSync(process.execPath, ['scripts/bench.ts', '--count', '10'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, [name]: value } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Lỗi: ${message}`);
    expect(r.stderr).not.toContain('[bench] Thư mục tạm');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('caps the memory limit at 80% of the machine, whatever is asked', () => {
    const machine = 10 * 1024 ** 3;
    expect(maxRssOption({}, machine)).toBe(0.8 * machine);
    expect(maxRssOption({ KHO_BENCH_MAX_RSS_GB: '0.5' }, machine)).toBe(0.5 * 1024 ** 3);
    expect(maxRssOption({ KHO_BENCH_MAX_RSS_GB: '' }, 64 * 1024 ** 3)).toBe(16 * 1024 ** 3);
  });
});

describe('the report section', () => {
  it("says the machine was busy only from the load before the run, not from the bench's own browser", () => {
    expect(busyNote([3.5, 1.0], 2)).toContain('máy đang bận việc khác khi bắt đầu');
    expect(busyNote([1.1, 2.9], 2)).toBe('');
  });

  const block = (n: string, text: string) => `### N = ${n} kế hoạch sinh (+ 5 kế hoạch thật), 01/01/2026\n\n${text}\n`;

  it('replaces the block of the same size, keeps the others in size order, and leaves other sections alone', () => {
    let doc = updateDoc('# Hiệu năng\n\n## Tìm kiếm\n\nA\n\n## Khác\n\nB\n', block('10.000', 'cũ'));
    doc = updateDoc(doc, block('1.000', 'nhỏ'));
    doc = updateDoc(doc, block('10.000', 'mới'));
    expect(doc).toContain('## Tìm kiếm\n\nA\n');
    expect(doc).toContain('## Khác\n\nB\n');
    expect(doc).not.toContain('cũ');
    const section = doc.slice(doc.indexOf('## Quy mô'));
    expect(section.indexOf('N = 1.000')).toBeLessThan(section.indexOf('N = 10.000'));
    expect(section.match(/^### /gm)).toHaveLength(2);
  });

  it('creates the file and the section when neither exists', () => {
    const doc = updateDoc(undefined, block('50', 'x'));
    expect(doc.startsWith('# Hiệu năng\n')).toBe(true);
    expect(doc).toContain('## Quy mô\n');
    expect(doc).toContain('### N = 50');
  });
});

describe('a build that outgrows its memory', () => {
  it('is stopped and reported with the phase it was in, not left to hang or to the kernel', async () => {
    const path = join(DIR, 'limited.md');
    const child = spawn(process.execPath, ['scripts/bench.ts', '--count', '50', '--khong-tham-chieu', '--report', path], {
      cwd: ROOT,
      env: { ...process.env, KHO_BENCH_MAX_RSS_GB: '0.15' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    const report = readFileSync(path, 'utf8');
    expect(report).toMatch(/\*\*Bản dựng của ta thất bại:\*\* vượt giới hạn [\d,]+ MB RSS trong giai đoạn "(Astro build|Kiểm tra nội dung)"/);
    expect(report).toContain('Tìm kiếm: không đo (bản dựng của ta thất bại)');
    expect(existsSync(tempDirOf(stderr))).toBe(false);
  }, 120_000);
});
