/**
 * npm run new with flags, run as a separate process in a temporary copy of
 * the shipped plans: the file it writes builds, missing and invalid flags are
 * explained, nothing is overwritten, and a second entry for the same document
 * is stopped.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDir } from '../../src/tools/checks/index.ts';
import { parseEntry, validateEntry } from '../../src/lib/entries.ts';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { ROOT, SHIPPED_PLANS } from '../helpers/paths.ts';
import { runScript, STACK_TRACE, tempDir, ZOD_DUMP, type RunResult } from './helpers/run.ts';

/** The issue's own example, with a summary and URL filled in. */
const ISSUE_EXAMPLE = [
  '--title', 'Kế hoạch thực hiện nhiệm vụ cải cách hành chính năm 2020 của Sở Khoa học và Công nghệ',
  '--number', '44/KH-SKH&CN',
  '--type', 'ke-hoach',
  '--date', '22/01/2020',
  '--issuer', 'Sở Khoa học và Công nghệ tỉnh Tiền Giang',
  '--level', 'so-nganh',
  '--province', 'Tien Giang',
  '--from', '2020',
  '--to', '2020',
  '--area', 'the-che',
  '--area', 'thu-tuc-hanh-chinh',
  '--summary', 'Kế hoạch CCHC năm 2020 của Sở KH&CN Tiền Giang: 7 nhiệm vụ trọng tâm, từ chỉ đạo điều hành đến hiện đại hóa hành chính.',
  '--source-url', 'http://skhcn.tiengiang.gov.vn/',
  '--publisher', 'Cổng thông tin điện tử Sở KH&CN Tiền Giang',
];
const SLUG = '2020-tien-giang-skhcn-44-kh-skhcn';

/** A copy of the shipped plans without the entry the example recreates. */
function plansWithoutExample(name: string): string {
  const dir = tempDir(name);
  for (const f of readdirSync(SHIPPED_PLANS)) if (!f.startsWith(SLUG)) cpSync(join(SHIPPED_PLANS, f), join(dir, f));
  return dir;
}

describe('npm run new with every field as a flag', () => {
  let dir: string;
  let run: RunResult;
  let build: BuildResult;
  let file: string;

  beforeAll(async () => {
    dir = plansWithoutExample('new-flags');
    run = await runScript('new', [...ISSUE_EXAMPLE, '--dir', dir]);
    file = join(dir, `${SLUG}.mdx`);
    build = await buildSite({ plansDir: dir, outDir: join(dir, '..', 'new-flags-site') });
  }, 300_000);

  it('creates the file named by the slug rule and prints its path and the next steps', () => {
    expect(run.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(run.stdout).toContain(`Đã tạo ${relative(ROOT, file)}`);
    expect(run.stdout).toContain('Bước tiếp theo');
    expect(run.stdout).toContain('npm run check');
    expect(run.stdout).toContain(`/ke-hoach/${SLUG}/`);
  });

  it('writes frontmatter that validates, with the names normalised', () => {
    const text = readFileSync(file, 'utf8');
    const { plan, findings } = validateEntry(parseEntry(file, text));
    expect(findings).toEqual([]);
    expect(plan).toMatchObject({
      documentNumber: '44/KH-SKH&CN',
      issuedOn: '2020-01-22',
      province: 'Tiền Giang',
      issuer: { level: 'so-nganh' },
      reformAreas: ['the-che', 'thu-tuc-hanh-chinh'],
      source: { url: 'http://skhcn.tiengiang.gov.vn/' },
    });
    expect(text).toContain('issuedOn: "22/01/2020"');
  });

  it('writes a body skeleton under the usual headings', () => {
    const text = readFileSync(file, 'utf8');
    for (const heading of ['## Mục tiêu', '## Yêu cầu', '## Nhiệm vụ trọng tâm', '## Tổ chức thực hiện']) expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain('Ngày 22/01/2020, Sở Khoa học và Công nghệ tỉnh Tiền Giang ban hành Kế hoạch số 44/KH-SKH&CN.');
    // The empty sections are what npm run check then asks the editor to write.
    const unwritten = checkDir(dir).findings.filter((f) => f.file.endsWith(`${SLUG}.mdx`));
    expect(unwritten.map((f) => f.rule)).toEqual(['body', 'body', 'body', 'body']);
  });

  it('builds, and the page shows the plan without the skeleton\'s instructions', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const html = readFileSync(join(dir, '..', 'new-flags-site', 'ke-hoach', SLUG, 'index.html'), 'utf8');
    expect(html).toContain('44/KH-SKH&amp;CN');
    expect(html).toContain('Mục tiêu');
    expect(html).not.toContain('Viết bằng lời của bạn');
  });

  it('refuses to overwrite an existing file, even with --force', async () => {
    const before = readFileSync(file, 'utf8');
    // Another document, given the taken name.
    const other = ISSUE_EXAMPLE.map((a) => (a === '44/KH-SKH&CN' ? '45/KH-SKH&CN' : a));
    const again = await runScript('new', [...other, '--slug', SLUG, '--dir', dir, '--force']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`đã có tệp ${relative(ROOT, file)}; lệnh này không bao giờ ghi đè`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('npm run new refuses what it cannot write', () => {
  it('lists every missing required flag with its meaning and an example, and writes nothing', async () => {
    const dir = tempDir('new-missing');
    const r = await runScript('new', ['--dir', dir, '--title', 'Kế hoạch cải cách hành chính năm 2021', '--type', 'ke-hoach']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('thiếu 6 thông tin bắt buộc');
    for (const flag of ['--issuer', '--level', '--from', '--to', '--area', '--summary']) expect(r.stderr).toMatch(new RegExp(`^  ${flag}  `, 'm'));
    expect(r.stderr).toContain('Ví dụ: --level so-nganh');
    expect(r.stderr).toContain('Chọn một trong: trung-uong, tinh, so-nganh, huyen, xa.');
    expect(r.stderr).not.toMatch(/--title  /);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.output).not.toMatch(STACK_TRACE);
  });

  it('explains invalid values field by field, with a right value', async () => {
    const dir = tempDir('new-invalid');
    const args = ISSUE_EXAMPLE.map((a) => (a === '22/01/2020' ? '31/02/2020' : a === 'so-nganh' ? 'so nganh x' : a === 'Tien Giang' ? 'Tien Giag' : a));
    const r = await runScript('new', [...args, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 thông tin chưa hợp lệ');
    expect(r.stderr).toMatch(/--date \(Ngày ban hành\): ngày "31\/02\/2020" không có thật trên lịch\. Ví dụ đúng: --date 22\/01\/2020/);
    expect(r.stderr).toMatch(/--level \(Cấp ban hành\): giá trị "so nganh x" không hợp lệ; có phải "so-nganh"\?/);
    expect(r.stderr).toMatch(/--province \(Tỉnh\): không có tỉnh nào tên "Tien Giag"; có phải "Tiền Giang"/);
    expect(r.output).not.toMatch(ZOD_DUMP);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explains an unknown flag and a missing value without a stack trace', async () => {
    const unknown = await runScript('new', ['--titel', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('không có tham số "--titel"; có phải "--title"?');
    const empty = await runScript('new', ['--title']);
    expect(empty.stderr).toContain('tham số "--title" thiếu giá trị');
    for (const r of [unknown, empty]) expect(r.output).not.toMatch(STACK_TRACE);
  });

  it('without flags and without a terminal, says how to run it instead of waiting', async () => {
    const r = await runScript('new', ['--dir', tempDir('new-no-tty')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không có cửa sổ dòng lệnh để hỏi từng mục');
    expect(r.stderr).toContain('thiếu 8 thông tin bắt buộc');
  });
});

describe('npm run new and an entry for the same document', () => {
  const sameDocument = (date: string) => ISSUE_EXAMPLE.map((a) => (a === '22/01/2020' ? date : a)).concat(['--slug', `ban-sao-${date.replace(/\//g, '-')}`]);

  it('warns and stops when the number and issuer exist, however they are spelt', async () => {
    const dir = tempDir('new-duplicate');
    cpSync(join(SHIPPED_PLANS, `${SLUG}.mdx`), join(dir, `${SLUG}.mdx`));
    const respelt = sameDocument('23/01/2020').map((a) =>
      a === 'Sở Khoa học và Công nghệ tỉnh Tiền Giang' ? 'Sở Khoa Học Và Công Nghệ Tỉnh Tiền Giang' : a === '44/KH-SKH&CN' ? '44/kh-skh&cn' : a,
    );
    const r = await runScript('new', [...respelt, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã có kế hoạch cùng số ký hiệu và cơ quan ban hành');
    expect(r.stderr).toContain(`${SLUG}.mdx:3`);
    expect(r.stderr).toContain('chạy lại với --force');
    expect(readdirSync(dir)).toEqual([`${SLUG}.mdx`]);
  });

  it('goes on with --force when the date differs, warning again', async () => {
    const dir = tempDir('new-force');
    cpSync(join(SHIPPED_PLANS, `${SLUG}.mdx`), join(dir, `${SLUG}.mdx`));
    const r = await runScript('new', [...sameDocument('23/01/2020'), '--dir', dir, '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Cảnh báo (--force)');
    expect(readdirSync(dir).sort()).toEqual([`${SLUG}.mdx`, 'ban-sao-23-01-2020.mdx']);
  });

  it('refuses even with --force when the date is the same too, since the build would reject the pair', async () => {
    const dir = tempDir('new-same-date');
    cpSync(join(SHIPPED_PLANS, `${SLUG}.mdx`), join(dir, `${SLUG}.mdx`));
    const r = await runScript('new', [...sameDocument('22/01/2020'), '--dir', dir, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cùng số ký hiệu, cơ quan ban hành và ngày ban hành');
    expect(readdirSync(dir)).toEqual([`${SLUG}.mdx`]);
  });

  it('uses KHO_PLANS_DIR when --dir is not given', async () => {
    const dir = tempDir('new-env');
    writeFileSync(join(dir, 'README.txt'), 'not an entry');
    const r = await runScript('new', ISSUE_EXAMPLE, { KHO_PLANS_DIR: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, `${SLUG}.mdx`))).toBe(true);
  });
});
