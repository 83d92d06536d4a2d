/**
 * npm run import as editors and outside checks use it: the --json object, the
 * draft (which passes `npm run check` once its summary and body are written),
 * refusals to overwrite or duplicate, each kind of bad input, and one run
 * through the terminal review, driven like tests/editor/new-interactive.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DRAFT_MARKER } from '../../src/tools/checks/draft.ts';
import { checkEntries } from '../../src/tools/checks/index.ts';
import { CliError } from '../../src/tools/cli.ts';
import { readEntries } from '../../src/lib/entries.ts';
import { runImport } from '../../src/tools/import/cli.ts';
import { ROOT } from '../helpers/paths.ts';
import { KEY, PromptDriver } from '../editor/helpers/prompts.ts';
import { STACK_TRACE, tempDir } from '../editor/helpers/run.ts';
import { DEPARTMENT_PLAN, NEWS_ITEM } from './fixtures.ts';

const run = promisify(execFile);
const URL = 'https://skhcn.tiengiang.gov.vn/tin/123';

/** Runs scripts/import.ts in its own process, as `npm run import` does. */
async function script(args: string[], input?: string) {
  const child = run(process.execPath, [resolve(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (input !== undefined) child.child.stdin!.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** runImport in this process, collecting what it prints. */
async function inProcess(argv: string[], stdin?: string) {
  let out = '';
  const code = await runImport(argv, { stdout: (t) => (out += t), interactive: false, stdin: () => Buffer.from(stdin ?? '') });
  return { code, out };
}

async function refusal(argv: string[], stdin?: string): Promise<string> {
  const error = await inProcess(argv, stdin).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return (error as CliError).message;
}

function source(name: string, text: string | Buffer): string {
  const dir = tempDir(`import-src-${name}`);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('npm run import --json', () => {
  it('prints one object in the entry shape, from standard input, and writes nothing', async () => {
    const dir = tempDir('import-json');
    const r = await script(['-', '--json', '--url', URL, '--dir', dir], NEWS_ITEM);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['title', 'documentNumber', 'documentType', 'issuedOn', 'issuer', 'province', 'period', 'reformAreas', 'indices', 'legalBases', 'source']);
    expect(json).toMatchObject({ documentNumber: '44/KH-SKH&CN', issuedOn: '2020-01-22', issuer: { level: 'so-nganh' }, source: { url: URL } });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is all that `npm run -s import -- FILE --json` prints, as an outside check runs it', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'import', '--', source('44.txt', NEWS_ITEM), '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toMatchObject({ documentNumber: '44/KH-SKH&CN', issuedOn: '2020-01-22' });
  });
});

describe('a saved web page', () => {
  it('reads the article, not the menus around it', async () => {
    const paragraphs = NEWS_ITEM.split('\n').filter(Boolean).slice(4).map((l) => `<p>${l}</p>`).join('');
    const html = `<!doctype html><html><head><title>Sở Khoa học và Công nghệ triển khai cải cách hành chính năm 2020</title></head><body><nav><a href="/">Trang chủ</a> <a href="/x">Kế hoạch số 999/KH-UBND</a></nav><article><h1>Sở Khoa học và Công nghệ triển khai cải cách hành chính năm 2020</h1>${paragraphs}</article><footer>Bản quyền</footer></body></html>`;
    const { out } = await inProcess([source('tin.html', html), '--json']);
    expect(JSON.parse(out)).toMatchObject({ documentNumber: '44/KH-SKH&CN', issuedOn: '2020-01-22', issuer: { name: 'Sở Khoa học và Công nghệ tỉnh Tiền Giang' } });
  });
});

describe('npm run import writing a draft', () => {
  it('writes a draft named by the slug rule that passes npm run check once summary and body are written', async () => {
    const dir = tempDir('import-draft');
    const file = source('44.txt', NEWS_ITEM);
    const r = await script([file, '--url', URL, '--dir', dir]);
    expect(r.code).toBe(0);
    const draft = join(dir, '2020-tien-giang-skhcn-44-kh-skhcn.mdx');
    expect(r.stdout).toContain('Đã tạo bản nháp');
    expect(r.stdout).toContain('Số ký hiệu: 44/KH-SKH&CN');
    expect(r.stdout).toMatch(/← dòng 5: "Ngày 22\/01\/2020/);
    expect(r.stdout).toContain('Bạn còn phải tự viết');
    // Until written, the check names every marked place and nothing else is wrong.
    const before = checkEntries(readEntries(dir)).filter((f) => f.severity === 'error');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((f) => f.rule === 'draft')).toBe(true);
    // No sentence of the source is copied into the body.
    const text = readFileSync(draft, 'utf8');
    expect(text).not.toContain('rà soát thủ tục hành chính');
    const written = text
      .replace(/summary: ".*"/, 'summary: "Sở KH&CN Tiền Giang đặt kế hoạch CCHC năm 2020, trọng tâm là rà soát thủ tục và dịch vụ công trực tuyến."')
      .replace(/\{\/\* \[CẦN VIẾT\][^}]*\*\/\}/g, '- Sở rà soát các thủ tục của mình và đưa thêm dịch vụ lên mạng.');
    writeFileSync(draft, written);
    expect(written).not.toContain(DRAFT_MARKER);
    expect(checkEntries(readEntries(dir)).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('never overwrites a file and stops when the archive has the same document', async () => {
    const dir = tempDir('import-refuse');
    const file = source('15.txt', DEPARTMENT_PLAN);
    expect((await inProcess([file, '--dir', dir])).code).toBe(0);
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(await refusal([file, '--dir', dir])).toContain('cùng số ký hiệu, cơ quan ban hành và ngày ban hành');
    const other = source('44.txt', NEWS_ITEM);
    expect(await refusal([other, '--dir', dir, '--slug', readdirSync(dir)[0].replace(/\.mdx$/, '')])).toContain('không bao giờ ghi đè');
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });
});

describe('bad input', () => {
  it('explains each in Vietnamese, names the file, and writes nothing', async () => {
    const dir = tempDir('import-bad');
    expect(await refusal(['khong-co.txt', '--dir', dir])).toContain('không có tệp "khong-co.txt"');
    expect(await refusal([source('empty.txt', ''), '--dir', dir])).toContain('trống');
    expect(await refusal([source('scan.pdf', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])), '--dir', dir])).toContain('không phải văn bản');
    expect(await refusal([source('en.txt', 'The provincial committee issued an administrative reform plan for 2020.'), '--dir', dir])).toContain('không phải văn bản tiếng Việt');
    expect(await refusal([source('food.txt', 'Cách nấu phở bò: ninh xương bò với gừng nướng, hành tím và quế trong sáu tiếng cho nước dùng thật trong.'), '--dir', dir])).toContain('không giống văn bản hành chính');
    expect(await refusal([source('tcvn3.txt', 'Uû ban nh©n d©n tØnh\nKÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2020\nSè: 12/KH-UBND'), '--dir', dir])).toContain('TCVN3');
    expect(await refusal([source('vni.txt', 'Keá hoaïch caûi caùch haønh chính naêm 2020\nUÛy ban nhaân daân tænh'), '--dir', dir])).toContain('VNI');
    expect(await refusal(['--dir', dir])).toContain('thiếu tệp nguồn');
    expect(await refusal(['a.txt', 'b.txt'])).toContain('chỉ nhận một tệp');
    expect(await refusal(['a.txt', '--url', 'skhcn.tiengiang'])).toContain('--url');
    expect(await refusal(['a.txt', '--jsn'])).toContain('--json');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits non-zero with one sentence and no stack trace', async () => {
    const r = await script(['khong-co.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^npm run import: không có tệp/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('npm run import in a terminal', () => {
  it('offers each uncertain or missing field with the prompts of npm run new, then writes the draft', async () => {
    const dir = tempDir('import-interactive');
    const file = source('44.txt', NEWS_ITEM);
    const d = new PromptDriver();
    let out = '';
    const done = runImport([file, '--dir', dir], { stdout: (t) => (out += t), interactive: true, prompts: d.io });
    // The areas were read from phrases: Enter keeps them.
    await d.answer('Phím cách để chọn', KEY.enter);
    // No address was given, so the publisher is asked.
    await d.answer('Tên trang hoặc cơ quan đăng tải', 'Cổng thông tin điện tử Sở KH&CN Tiền Giang', KEY.enter);
    expect(await done).toBe(0);
    const text = readFileSync(join(dir, '2020-tien-giang-skhcn-44-kh-skhcn.mdx'), 'utf8');
    expect(text).toContain('publisher: "Cổng thông tin điện tử Sở KH&CN Tiền Giang"');
    expect(out).toContain('Đã tạo bản nháp');
    expect(existsSync(join(dir, '2020-tien-giang-skhcn-44-kh-skhcn.mdx'))).toBe(true);
  });
});
