/**
 * `npm run bench:search`: a one-run measurement of the release fixture writes
 * its table where it is told, and bad arguments get a Vietnamese message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SITE_ROOT, TEST_TMP } from '../helpers/paths.ts';

const DIR = resolve(TEST_TMP, 'bench-search');
const DOC = join(ROOT, 'docs/performance.md');
const SCRIPT = 'scripts/bench-search.ts';

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('bench:search on the fixture archive', () => {
  // One query, once: the test is of the report the bench writes; `npm run bench:search` measures them all.
  it('measures the queries asked for once and writes its table into the given file, leaving the rest of it and docs/ alone', async () => {
    const docBefore = statSync(DOC).mtimeMs;
    const report = join(DIR, 'perf.md');
    writeFileSync(report, '# Hiệu năng\n\n## Quy mô\n\nBảng của bench.\n');
    const run = await new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, [SCRIPT, '--dir', SITE_ROOT, '--runs', '1', '--queries', '1', '--report', report], { cwd: ROOT });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (code) => done({ code, out }));
    });
    expect(run.code, run.out.slice(-2000)).toBe(0);
    const text = readFileSync(report, 'utf8');
    expect(text).toContain('## Quy mô\n\nBảng của bench.');
    const section = text.slice(text.indexOf('## Tìm kiếm'));
    expect(section).toMatch(/^### [\d.]+ kế hoạch$/m);
    // One row per query: the query, then ours and stock Pagefind's figures.
    const rows = section.split('\n').filter((l) => /^\| `/.test(l));
    expect(rows).toHaveLength(1);
    for (const row of rows) expect(row).toMatch(/\| [\d,.]+ (KB|MB) \(\d+\) \|/);
    expect(section).toMatch(/Truy vấn đầu tiên tốn nhiều nhất [\d.,]+ KB/);
    expect(statSync(DOC).mtimeMs).toBe(docBefore);
  });
});

describe('bench:search arguments', () => {
  it.each([
    [['--runs', 'nhiều'], '--runs phải là số nguyên từ 1 đến 50, ví dụ --runs 3; đang là "nhiều".'],
    [['--runs', '0'], '--runs phải là số nguyên từ 1 đến 50'],
    [['--queries', '99'], '--queries phải là số nguyên từ 1 đến 12'],
    [['--dri', 'dist'], 'không có tham số "--dri"; có phải "--dir"?'],
    [['--report', ' '], '--report cần một đường dẫn.'],
  ])('explains %j in Vietnamese, with the usage and no stack trace', (args, message) => {
    const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Lỗi: ${message}`);
    expect(r.stderr).toContain('Cách dùng: npm run bench:search');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says so when the folder holds no built site with an index', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--dir', join(DIR, 'khong-co')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không có trang đã build kèm chỉ mục tìm kiếm');
    expect(existsSync(join(DIR, 'khong-co'))).toBe(false);
  });
});
