/**
 * Verifiable builds: two builds of the same source give byte-identical trees
 * (a rebuild on a warm cache too), SHA256SUMS lists every file, search index
 * included, and `npm run verify` reports a deployed copy's missing, extra and
 * changed files with a clear exit status.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSums } from '../../src/lib/checksums.ts';
import { buildSite } from '../helpers/build.ts';
import { listFiles } from '../helpers/dist.ts';
import { ROOT, SUB_BASE, TEST_PLANS, TEST_SITE_URL, TEST_TMP } from '../helpers/paths.ts';

let work: string;
let first: string;
let second: string;
let warm: string;

/** Files that differ between two trees, or exist in one only. */
function differences(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const onlyA = fa.filter((f) => !fb.includes(f)).map((f) => `chỉ có trong lần 1: ${f}`);
  const onlyB = fb.filter((f) => !fa.includes(f)).map((f) => `chỉ có trong lần 2: ${f}`);
  const changed = fa.filter((f) => fb.includes(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).map((f) => `khác: ${f}`);
  return [...onlyA, ...onlyB, ...changed];
}

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'scripts/verify.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

beforeAll(async () => {
  work = mkdtempSync(join(TEST_TMP, 'repro-'));
  [first, second, warm] = ['a', 'b', 'a-warm'].map((n) => join(work, n));
  const options = { plansDir: TEST_PLANS, base: SUB_BASE, siteUrl: TEST_SITE_URL };
  const builds = await Promise.all([buildSite({ ...options, outDir: first }), buildSite({ ...options, outDir: second })]);
  // The same source again, on the first build's cache.
  builds.push(await buildSite({ ...options, outDir: warm, env: { KHO_CACHE_DIR: `${first}.cache` } }));
  for (const b of builds) if (b.code !== 0) throw new Error(`A build failed:\n${b.output.slice(-3000)}`);
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('two builds of one source', () => {
  it('are byte-identical, search index included', () => {
    expect(listFiles(first).some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(listFiles(first).some((f) => /^chi-muc\/\w+\/tu-0\.json\.gz$/.test(f))).toBe(true);
    expect(differences(first, second)).toEqual([]);
  });

  it('are byte-identical when the second reuses the first one\'s cache', () => {
    expect(differences(first, warm)).toEqual([]);
  });
});

describe('SHA256SUMS', () => {
  it('lists every file of the build but itself', () => {
    const { sums, badLines } = parseSums(readFileSync(join(first, 'SHA256SUMS'), 'utf8'));
    expect(badLines).toEqual([]);
    expect([...sums.keys()].sort()).toEqual(listFiles(first).filter((f) => f !== 'SHA256SUMS'));
  });

  it('is checked by GNU sha256sum', () => {
    const r = spawnSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: first, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('npm run verify', () => {
  it('passes an exact copy', () => {
    const { code, out } = verify(first);
    expect(out).toContain('KHỚP: cả');
    expect(code).toBe(0);
  });

  it('is wired as an npm script', () => {
    const r = spawnSync('npm', ['run', '-s', 'verify', '--', first], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: `${resolve(process.execPath, '..')}:${process.env.PATH}` } });
    expect(r.stdout).toContain('KHỚP');
    expect(r.status).toBe(0);
  });

  it('reports missing, extra and changed files and fails', () => {
    const copy = join(work, 'deployed');
    cpSync(first, copy, { recursive: true });
    const files = listFiles(copy).filter((f) => f !== 'SHA256SUMS');
    const removed = files.find((f) => f.startsWith('van-ban/'))!;
    const edited = files.find((f) => f.startsWith('ke-hoach/'))!;
    unlinkSync(join(copy, removed));
    writeFileSync(join(copy, edited), `${readFileSync(join(copy, edited), 'utf8')}<!-- sửa -->`);
    writeFileSync(join(copy, 'them.html'), 'thêm');
    const { code, out } = verify(copy);
    expect(out).toContain(`Thiếu: có trong SHA256SUMS nhưng không có trong ${copy} (1 tệp):\n  - ${removed}`);
    expect(out).toContain(`Thừa: có trong ${copy} nhưng không có trong SHA256SUMS (1 tệp):\n  + them.html`);
    expect(out).toContain(`Khác: nội dung không khớp mã băm (1 tệp):\n  ~ ${edited}`);
    expect(out).toContain('KHÔNG KHỚP: 1 thiếu, 1 thừa, 1 khác;');
    expect(code).toBe(1);
  });

  it('cannot check without SHA256SUMS, a folder or with a damaged list, and says why', () => {
    const bare = join(work, 'bare');
    cpSync(join(first, 'du-lieu'), bare, { recursive: true });
    expect(verify(bare)).toMatchObject({ code: 2, out: expect.stringContaining('không có tệp SHA256SUMS') });
    expect(verify(join(work, 'khong-co'))).toMatchObject({ code: 2, out: expect.stringContaining('không có thư mục') });
    expect(verify()).toMatchObject({ code: 2, out: expect.stringContaining('Cách dùng: npm run verify -- <thư mục>') });
    writeFileSync(join(bare, 'SHA256SUMS'), 'hỏng\n');
    expect(verify(bare)).toMatchObject({ code: 2, out: expect.stringContaining('dòng 1') });
  });
});
