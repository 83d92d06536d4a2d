/**
 * `npm run bench`: a tiny run builds both corpora and the bare reference,
 * measures the search served gzipped and plain, and writes a well-formed
 * report where it is told (never into docs/ when --report is given),
 * removing its temporary sites even when it is stopped halfway. With
 * --chi-tim-kiem it measures the search of a site built before.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRssOption } from '../../src/tools/bench/cli.ts';
import { ROOT, SITE_ROOT, TEST_TMP } from '../helpers/paths.ts';

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

function bench(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/bench.ts', ...args], { cwd: ROOT, env: { ...process.env, CI: '', ...env } });
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

const cellsOf = (line: string | undefined) => line?.split('|').map((c) => c.trim().replace(/\*/g, '')).filter(Boolean);
const rowOf = (text: string, label: string) => cellsOf(text.split('\n').find((l) => l.startsWith(`| ${label} |`) || l.startsWith(`| **${label}** |`)));
// A Vietnamese number: '.' groups thousands, ',' marks decimals (1.009,4).
const NUM = String.raw`\d{1,3}(?:\.\d{3})*(?:,\d+)?`;
const KB = new RegExp(`^${NUM} (KB|MB)$`);

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('a tiny bench run on both corpora (N = 30)', () => {
  let run: Run;
  let report: string;
  const docBefore = docState();

  beforeAll(async () => {
    const path = join(DIR, 'perf.md');
    // Another tool's section of the same file must survive the update.
    writeFileSync(path, '# Hiệu năng\n\n## Nhập văn bản nguồn\n\nBảng của người khác.\n');
    // One query, one run: the test is of the run and its report; `npm run bench` measures them all.
    run = await bench(['--count', '30', '--seed', '5', '--lan', '1', '--so-truy-van', '1', '--report', path]);
    report = existsSync(path) ? readFileSync(path, 'utf8') : '';
  }, 300_000);

  it('completes and removes its temporary sites', () => {
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(existsSync(tempDirOf(run.stderr))).toBe(false);
    expect(existsSync(tempDirOf(run.stderr, 'Thư mục tạm của bản tham chiếu'))).toBe(false);
    expect(run.stderr).toMatch(/\[bench\] Kho văn mẫu: đã sinh 30 kế hoạch/);
  });

  it('writes one dated block to the given path, with the machine and the commit, and leaves docs/ alone', () => {
    expect(docState()).toBe(docBefore);
    expect(report).toContain('## Nhập văn bản nguồn\n\nBảng của người khác.');
    expect(report.match(/^### /gm)).toHaveLength(1);
    expect(report).toMatch(/^### N = 30 kế hoạch sinh \(\+ \d+ kế hoạch thật\), \d{2}\/\d{2}\/\d{4}/m);
    expect(report).toMatch(/- Máy: .+\d+ nhân, [\d,]+ GB RAM.*Chromium/);
    expect(report).toMatch(/^- Mã nguồn: commit [0-9a-f]{7,}/m);
    expect(report).toContain('`npm run bench -- --count 30 --seed 5 --lan 1 --so-truy-van 1`');
    expect(run.stdout).toContain('### N = 30');
  });

  it('judges the goals for both corpora from measured figures', () => {
    expect(report).toContain('| Mục tiêu | Giới hạn | Kho sinh | Kho văn mẫu |');
    for (const goal of ['Truy vấn đầu tiên, nén gzip', 'Truy vấn đầu tiên, không nén', 'Truy vấn ấm, trung vị', 'Truy vấn ấm, tệ nhất', 'Thời gian dựng', 'RSS đỉnh của bản dựng']) {
      const cells = rowOf(report, goal);
      expect(cells, goal).toHaveLength(4);
      for (const cell of cells!.slice(2)) expect(cell, goal).toMatch(/^[✓✗] [\d,.]+ /);
    }
  });

  it('reports for each corpus its builds against the reference, and its search served gzipped and plain', () => {
    const parts = report.split(/^#### /m).slice(1);
    expect(parts.map((p) => p.split('\n')[0])).toEqual(['Kho sinh', 'Kho văn mẫu']);
    for (const part of parts) {
      const total = rowOf(part, 'Tổng')!;
      expect(total.slice(1, 3)).toEqual([expect.stringMatching(new RegExp(`^${NUM} s$`)), expect.stringMatching(new RegExp(`^${NUM} (MB|GB)$`))]);
      expect(total.slice(5)).toEqual([expect.stringMatching(new RegExp(`^${NUM} ×$`)), expect.stringMatching(new RegExp(`^${NUM} ×$`))]);
      expect(rowOf(part, 'Chỉ mục của kho (chi-muc/)')?.[1]).toMatch(new RegExp(`^${NUM} (KB|MB) \\([\\d.]+ tệp\\)$`));
      const cold = rowOf(part, 'Lạnh: dữ liệu truyền')!;
      for (const cell of cold.slice(1)) expect(cell).toMatch(KB);
      expect(rowOf(part, 'Ấm: ms đến khi có kết quả')?.slice(1)).toEqual([expect.stringMatching(/^[\d.]+$/), expect.stringMatching(/^[\d.]+$/), '–', '–']);
      const queries = part.split('\n').filter((l) => /^\| \d+ \| /.test(l)).map(cellsOf);
      expect(queries).toHaveLength(1);
      for (const q of queries) {
        expect(q![3], q!.join(' | ')).toMatch(/^[\d.]+ \([\d,]+%\)$/);
        // Served plain, the page's text costs more than gzipped.
        const [gzip, plain] = [q![5], q![6]].map((s) => Number(s.replace(/ (KB|MB)$/, '').replace(/\./g, '').replace(',', '.')) * (s.endsWith('MB') ? 1024 : 1));
        expect(plain, q!.join(' | ')).toBeGreaterThan(gzip);
      }
    }
  });
});

describe('--chi-tim-kiem', () => {
  it("measures the search of a site built before and writes its own block, with no build figures", async () => {
    const path = join(DIR, 'search-only.md');
    const r = await bench(['--chi-tim-kiem', '--dir', SITE_ROOT, '--lan', '1', '--so-truy-van', '1', '--report', path]);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^### Chỉ tìm kiếm: tmp\/test\/site-root, \d{2}\/\d{2}\/\d{4}/m);
    expect(text).toContain('| Mục tiêu | Giới hạn | Bản dựng có sẵn |');
    expect(rowOf(text, 'Truy vấn đầu tiên, nén gzip')?.[2]).toMatch(new RegExp(`^[✓✗] ${NUM} KB`));
    expect(rowOf(text, 'Thời gian dựng')).toBeUndefined();
  }, 120_000);

  it('says so when the folder holds no built site with an index', () => {
    const r = spawnSync(process.execPath, ['scripts/bench.ts', '--chi-tim-kiem', '--dir', join(DIR, 'khong-co')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('không có bản dựng kèm chỉ mục tìm kiếm (thiếu chi-muc/chi-muc.json)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--chi-tim-kiem on a hand-made search page', () => {
  /** A site whose search page answers every query by `answer` (docs/interfaces.md §3 markup), and an index of 3 plans. */
  function site(name: string, answer: string): string {
    const dir = join(DIR, name);
    mkdirSync(join(dir, 'tim-kiem'), { recursive: true });
    mkdirSync(join(dir, 'chi-muc'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><form action="/tim-kiem/"></form></html>');
    writeFileSync(join(dir, 'chi-muc/chi-muc.json'), JSON.stringify({ format: 1, set: 'x', plans: 3, blocks: [''], bundles: [] }));
    const script = `const list = document.querySelector('[data-search-results]');
      const count = document.querySelector('[data-search-count]');
      const show = () => { list.dataset.searchState = 'loading'; setTimeout(() => { ${answer} }, 10); };
      addEventListener('popstate', show);
      show();`;
    writeFileSync(join(dir, 'tim-kiem/index.html'), `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tìm kiếm</title><p data-search-count></p><ol data-search-results data-search-state="idle"></ol><script>${script}</script></html>`);
    return dir;
  }
  const queryRows = (text: string) => text.split('\n').filter((l) => /^\| \d+ \| /.test(l)).map(cellsOf);

  it('measures a query that finds nothing: an empty list is an answer too', async () => {
    const dir = site('empty', "count.textContent = 'Tìm thấy 0 kế hoạch'; list.dataset.searchState = 'done';");
    const r = await bench(['--chi-tim-kiem', '--dir', dir, '--lan', '1', '--so-truy-van', '2', '--report', join(DIR, 'empty.md')]);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const rows = queryRows(readFileSync(join(DIR, 'empty.md'), 'utf8'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row!.slice(3, 9)).toEqual(['0 (0%)', expect.stringMatching(/^[\d.]+$/), expect.stringMatching(KB), expect.stringMatching(KB), expect.stringMatching(/^[\d.]+$/), expect.stringMatching(KB)]);
  });

  it("reports the page's own error message when the page answers with its error state", async () => {
    const dir = site('error', "count.textContent = 'Không tải được tệp chỉ mục chi-muc/x/tu-0.json.gz (HTTP 404).'; list.dataset.searchState = 'error';");
    const r = await bench(['--chi-tim-kiem', '--dir', dir, '--lan', '1', '--so-truy-van', '1', '--report', join(DIR, 'error.md')]);
    expect(r.code).toBe(1);
    const text = readFileSync(join(DIR, 'error.md'), 'utf8');
    expect(text).toContain('Tìm kiếm: trang tìm kiếm báo lỗi: Không tải được tệp chỉ mục chi-muc/x/tu-0.json.gz (HTTP 404).');
    expect(queryRows(text)[0]!.at(-1)).toContain('trang tìm kiếm báo lỗi: Không tải được tệp chỉ mục');
    expect(rowOf(text, 'Truy vấn đầu tiên, nén gzip')?.[2]).toBe('chưa đo');
  });
});

describe('bench safety and messages', () => {
  it('removes its temporary sites when stopped with SIGTERM', async () => {
    const child = spawn(process.execPath, ['scripts/bench.ts', '--count', '50', '--report', join(DIR, 'stopped.md')], { cwd: ROOT });
    let stderr = '';
    const started = new Promise<void>((ready) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes('dựng kho')) ready();
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
    [['--count', 'nhiều'], '--count phải là số nguyên từ 1 đến 1.000.000, ví dụ 1000; đang là "nhiều".'],
    [['--count', '10', '--reprot', 'x.md'], 'không có tham số "--reprot"; có phải "--report"?'],
    [['--count', '10', '--report'], 'tham số "--report" thiếu giá trị'],
    [['--count', '10', '--kho', 'that'], '--kho phải là sinh, van-mau hoặc ca-hai; đang là "that".'],
    [['--count', '10', '--lan', '0'], '--lan phải là số nguyên từ 1 đến 20 (số lần chạy danh sách truy vấn), ví dụ 3; đang là "0".'],
    [['--count', '10', '--so-truy-van', '99'], '--so-truy-van phải là số nguyên từ 1 đến 21, ví dụ 4; đang là "99".'],
    [['--count', '10', '--dir', 'dist'], '--dir chỉ dùng với --chi-tim-kiem'],
    [['--chi-tim-kiem', '--count', '10'], '--chi-tim-kiem đo một bản dựng có sẵn, không sinh và không dựng gì: bỏ --count.'],
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

describe('a build that outgrows its memory', () => {
  it('is stopped and reported with the phase it was in, not left to hang or to the kernel', async () => {
    const path = join(DIR, 'limited.md');
    const r = await bench(['--count', '50', '--kho', 'sinh', '--khong-tham-chieu', '--report', path], { KHO_BENCH_MAX_RSS_GB: '0.15' });
    expect(r.code).toBe(1);
    const report = readFileSync(path, 'utf8');
    expect(report).toMatch(/\*\*Bản dựng của ta thất bại:\*\* vượt giới hạn [\d,]+ MB RSS trong giai đoạn "(Astro build|Kiểm tra nội dung)"/);
    expect(report).toContain('Tìm kiếm: không đo (bản dựng của ta thất bại)');
    expect(rowOf(report, 'Thời gian dựng')?.[2]).toBe('✗ bản dựng thất bại');
    expect(existsSync(tempDirOf(r.stderr))).toBe(false);
  }, 120_000);
});
