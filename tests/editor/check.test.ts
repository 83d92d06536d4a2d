/**
 * npm run check: one fixture folder per content check under
 * tests/fixtures/editor/checks/, each asserting the finding, its severity and
 * the line it points at; the command's output and exit status; and --fix,
 * which must repair what it claims and change nothing on a second run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, checkDir } from '../../src/tools/checks/index.ts';
import { DEFAULT_SOURCES_DIR } from '../../src/tools/checks/copied.ts';
import { mojibakeWords } from '../../src/tools/checks/mojibake.ts';
import { countStyles } from '../../src/tools/checks/tone.ts';
import { countToneStyles } from '../../src/lib/text/tone.ts';
import { readEntries } from '../../src/lib/entries.ts';
import { provincesNamedIn } from '../../src/tools/checks/issuer-province.ts';
import { resolveLink } from '../../src/tools/checks/links.ts';
import { SHIPPED_PLANS, ROOT } from '../helpers/paths.ts';
import { copyDir, lineOf, runScript, snapshotDir, STACK_TRACE, ZOD_DUMP } from './helpers/run.ts';

const FIXTURES = resolve(ROOT, 'tests/fixtures/editor/checks');
const fixture = (name: string) => join(FIXTURES, name);
const file = (dir: string, slug: string) => join(fixture(dir), `${slug}.mdx`);

/** Findings of one fixture folder as [file name, line, severity, rule]. */
function found(dir: string, options: { sourcesDir?: string } = {}) {
  const { findings } = checkDir(fixture(dir), options);
  return findings.map((f) => ({ file: f.file.split('/').pop()!.replace(/\.mdx$/, ''), line: f.line, severity: f.severity, rule: f.rule, message: f.message }));
}

const A = '2021-lang-son-snv-15-kh-snv';
const B = '2021-lang-son-snv-16-kh-snv';

describe('each content check finds its problem on the right line', () => {
  it('NFC: a decomposed line is an error on that line', () => {
    expect(found('nfc')).toEqual([
      expect.objectContaining({ file: A, line: lineOf(file('nfc', A), 'công chức một cửa'.normalize('NFD')), severity: 'error', rule: 'nfc' }),
    ]);
    expect(found('nfc')[0].message).toContain('"Tổ"');
  });

  it('tone marks: the minority style is a warning on each line that uses it', () => {
    const findings = found('tone');
    expect(findings).toEqual([expect.objectContaining({ file: A, line: lineOf(file('tone', A), 'sức khoẻ'), severity: 'warning', rule: 'tone' })]);
    expect(findings[0].message).toMatch(/"hoà" → "hòa"/);
    expect(findings[0].message).toContain('kiểu cũ');
  });

  it('mojibake: VNI and TCVN3 lines are errors, plain Vietnamese lines are not', () => {
    const path = file('mojibake', A);
    expect(found('mojibake')).toEqual([
      expect.objectContaining({ line: lineOf(path, 'Tuyeân'), severity: 'error', rule: 'mojibake' }),
      expect.objectContaining({ line: lineOf(path, 'Céng hoµ'), severity: 'error', rule: 'mojibake' }),
    ]);
    expect(found('mojibake')[0].message).toContain('"caùc"');
  });

  it('duplicates: one document spelt two ways is an error; a shared source URL is a warning', () => {
    const findings = found('duplicates');
    const first = '2021-lang-son-ubnd-42-qd-ubnd-ban-sao';
    const second = '2021-lang-son-ubnd-42-qd-ubnd';
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: second, line: lineOf(file('duplicates', second), 'documentNumber:'), severity: 'error', rule: 'duplicate' }),
        expect.objectContaining({ file: B, line: lineOf(file('duplicates', B), 'url:'), severity: 'warning', rule: 'duplicate' }),
      ]),
    );
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.severity === 'error')!.message).toContain(`${first}.mdx`);
  });

  it('legal bases: a name where a number belongs is an error on that item', () => {
    const path = file('legal-bases', A);
    expect(found('legal-bases')).toEqual([
      expect.objectContaining({ line: lineOf(path, 'Luật Tổ chức'), severity: 'error', rule: 'legal-bases' }),
      expect.objectContaining({ line: lineOf(path, 'Nghị quyết 76'), severity: 'error', rule: 'legal-bases' }),
    ]);
    expect(found('legal-bases')[0].message).toMatch(/^legalBases\[1\]: .*Ví dụ đúng: number: "4353\/QĐ-UBND"/);
  });

  it('issuer and province: another province in the issuer is an error; a province only in the issuer is a warning', () => {
    const wrong = '2021-lang-son-ubnd-42-qd-ubnd';
    const missing = '2021-snv-15-kh-snv';
    const findings = found('issuer-province');
    expect(findings).toEqual([
      expect.objectContaining({ file: wrong, line: lineOf(file('issuer-province', wrong), 'name:'), severity: 'error', rule: 'issuer-province' }),
      expect.objectContaining({ file: missing, line: lineOf(file('issuer-province', missing), 'name:'), severity: 'warning', rule: 'issuer-province' }),
    ]);
    expect(findings[0].message).toContain('province: "Quảng Nam"');
    expect(findings[1].message).toContain('province: "Lạng Sơn"');
  });

  it('summary: too short and the title again are errors on the summary line', () => {
    const findings = found('summary');
    expect(findings).toEqual([
      expect.objectContaining({ file: A, line: lineOf(file('summary', A), 'summary:'), severity: 'error', rule: 'summary' }),
      expect.objectContaining({ file: B, line: lineOf(file('summary', B), 'summary:'), severity: 'error', rule: 'summary' }),
    ]);
    expect(findings[0].message).toContain('31 ký tự');
    expect(findings[1].message).toContain('lặp lại trích yếu');
  });

  it('source URL: a missing one is a warning, one that is not http(s) an error', () => {
    const findings = found('source-url');
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: A, line: lineOf(file('source-url', A), 'source:'), severity: 'warning', rule: 'source-url' }),
        expect.objectContaining({ file: B, line: lineOf(file('source-url', B), 'ftp://'), severity: 'error' }),
      ]),
    );
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.file === B)!.message).toContain('http(s)');
  });

  it('links: links to no page are errors, a root-absolute link a warning, good links nothing', () => {
    const path = file('links', A);
    expect(found('links')).toEqual([
      expect.objectContaining({ line: lineOf(path, '2020-lang-son-snv-12'), severity: 'error', rule: 'links' }),
      expect.objectContaining({ line: lineOf(path, 'nam/1999'), severity: 'error', rule: 'links' }),
      expect.objectContaining({ line: lineOf(path, '](/ke-hoach/'), severity: 'warning', rule: 'links' }),
    ]);
    expect(found('links')[2].message).toContain('../2021-lang-son-snv-16-kh-snv/');
  });

  it('copied text: a sentence from the local source is a warning; without sources nothing is compared', () => {
    const path = file('copied', A);
    expect(found('copied', { sourcesDir: join(fixture('copied'), 'sources') })).toEqual([
      expect.objectContaining({ line: lineOf(path, 'Nâng cao nhận thức, trách nhiệm'), severity: 'warning', rule: 'copied' }),
    ]);
    expect(found('copied')).toEqual([]);
  });

  it('copied text: the default folder for source texts is one git ignores, so sources are never committed', () => {
    const ignored = spawnSync('git', ['check-ignore', '-q', join(DEFAULT_SOURCES_DIR, `${A}.txt`)], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });

  it('body: a heading with nothing under it is a warning; one followed by its sub-headings is not', () => {
    expect(found('body')).toEqual([expect.objectContaining({ line: lineOf(file('body', A), '## Yêu cầu'), severity: 'warning', rule: 'body' })]);
  });

  it('draft: each place an imported draft marks [CẦN VIẾT] is an error until written', () => {
    const path = file('draft', A);
    expect(found('draft').filter((f) => f.rule === 'draft')).toEqual([
      expect.objectContaining({ line: lineOf(path, 'summary:'), severity: 'error' }),
      expect.objectContaining({ line: lineOf(path, 'tóm lược phần "Yêu cầu"'), severity: 'error' }),
    ]);
  });

  it('has a fixture for every check', () => {
    const folders = new Set(['nfc', 'tone', 'mojibake', 'duplicates', 'legal-bases', 'issuer-province', 'summary', 'source-url', 'links', 'copied', 'body', 'draft']);
    for (const check of CHECKS) {
      const folder = check.id === 'duplicate' ? 'duplicates' : check.id;
      expect(folders.has(folder), `no fixture folder for the "${check.id}" check`).toBe(true);
      expect(found(folder, { sourcesDir: join(fixture(folder), 'sources') }).some((f) => f.rule === check.id)).toBe(true);
    }
  });
});

describe('the checks do not cry wolf', () => {
  it('the shipped plans have no errors', () => {
    const { findings } = checkDir(SHIPPED_PLANS);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('tells legacy encodings from Vietnamese in both tone styles and foreign names', () => {
    expect(mojibakeWords('quân, thuê, tiên, khuyên, xoè, hoà, Ủy, quý, khỏe')).toEqual([]);
    expect(mojibakeWords('Ông Müller và bà Peña dự «Ngày Việt Nam»')).toEqual([]);
    expect(mojibakeWords('Xin chaøo caùc baïn')).toEqual(['chaøo', 'caùc', 'baïn']);
    expect(mojibakeWords('ñöôïc phoå bieán')).toContain('ñöôïc');
  });

  it('counts tone-mark styles exactly as the shared tone module does, only faster', () => {
    const texts = [
      ...readEntries(SHIPPED_PLANS).map((e) => e.source),
      readFileSync(file('tone', A), 'utf8'),
      'HOÀ HÒA Thuỷ thủy quý QUÝ khoẻ khỏe xoè Ủy Uỷ hoá hóa toàn',
    ];
    for (const text of texts) expect(countStyles(text.normalize('NFC'))).toEqual(countToneStyles(text));
  });

  it('leaves district names and provincial cities alone', () => {
    expect(provincesNamedIn('UBND huyện Quảng Ninh').map((n) => n.unit.slug)).toEqual([]);
    expect(provincesNamedIn('UBND tỉnh Thừa Thiên Huế').map((n) => n.unit.slug)).toEqual(['thua-thien-hue']);
    expect(provincesNamedIn('UBND thành phố Huế')).toEqual([expect.objectContaining({ asCity: true })]);
  });

  it('resolves links the way a browser does from a plan page', () => {
    expect(resolveLink('../x/', 'a')).toBe('ke-hoach/x/');
    expect(resolveLink('../../tinh/lang-son', 'a')).toBe('tinh/lang-son/');
    expect(resolveLink('https://example.org/', 'a')).toBeUndefined();
    expect(resolveLink('#muc-tieu', 'a')).toBeUndefined();
  });
});

describe('npm run check', () => {
  it('prints file:line findings in Vietnamese and fails on errors', async () => {
    const r = await runScript('check', ['--dir', fixture('summary')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`summary/${A}\\.mdx:\\d+: lỗi: summary: tóm tắt chỉ có 31 ký tự`));
    expect(r.stdout).toContain('2 lỗi, 0 cảnh báo');
    expect(r.output).not.toMatch(STACK_TRACE);
    expect(r.output).not.toMatch(ZOD_DUMP);
  });

  it('passes with warnings only', async () => {
    const r = await runScript('check', ['--dir', fixture('tone')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/:\d+: cảnh báo: tệp dùng lẫn hai kiểu đặt dấu thanh/);
    expect(r.stdout).toContain('npm run check -- --fix');
  });

  it('reads the folder from KHO_PLANS_DIR', async () => {
    const r = await runScript('check', [], { KHO_PLANS_DIR: fixture('mojibake') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Đã kiểm tra 1 tệp');
    expect(r.stdout).toContain('lỗi mã hóa');
  });

  it('explains a mistyped option without a stack trace', async () => {
    const r = await runScript('check', ['--fx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không có tham số "--fx"; có phải "--fix"?');
    expect(r.output).not.toMatch(STACK_TRACE);
  });

  it('--fix repairs NFC and tone marks, says what it changed, and is idempotent', async () => {
    const dir = copyDir(fixture('nfc'), 'fix');
    // A second entry (another document) with the tone fixture's mixed styles.
    const toneText = readFileSync(file('tone', A), 'utf8').replace('"15/KH-SNV"', '"17/KH-SNV"').replace('kh-15-2021', 'kh-17-2021');
    writeFileSync(join(dir, 'tone.mdx'), toneText);
    const nfdText = readFileSync(join(dir, `${A}.mdx`), 'utf8');

    const first = await runScript('check', ['--dir', dir, '--fix']);
    expect(first.stdout).toMatch(/đã sửa .*2021-lang-son-snv-15-kh-snv\.mdx: chuẩn hóa Unicode NFC trên 1 dòng\./);
    expect(first.stdout).toMatch(/đã sửa .*tone\.mdx: đưa 2 từ về kiểu cũ đặt dấu thanh \(.*hoà → hòa/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('0 lỗi, 0 cảnh báo');

    // Only the broken letters changed: everything else is byte for byte the same.
    const fixed = snapshotDir(dir);
    expect(fixed[`${A}.mdx`]).toBe(nfdText.normalize('NFC'));
    expect(fixed['tone.mdx']).toBe(toneText.replace('sức khoẻ', 'sức khỏe').replace('hoà nhập', 'hòa nhập'));

    const second = await runScript('check', ['--dir', dir, '--fix']);
    expect(second.stdout).toContain('--fix: không có gì cần sửa tự động.');
    expect(snapshotDir(dir)).toEqual(fixed);
  });
});
