/**
 * The synthetic-plan generator: what it writes must pass the real schema and
 * look like the archive's real entries, come out the same for a seed, and
 * never land among the real entries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICTS_ABOLISHED, MERGER_DATE } from '../../src/data/provinces.ts';
import { keysOf, ISSUER_LEVELS } from '../../src/data/taxonomy.ts';
import { looksLikeDocNumber } from '../../src/lib/docnumber.ts';
import { PROVINCE_UNITS, resolvePlanProvince } from '../../src/lib/provinces.ts';
import { countToneStyles } from '../../src/lib/text/tone.ts';
import { todayInVietnam } from '../../src/lib/dates.ts';
import { identityKey, readEntries, validateAll } from '../../src/lib/entries.ts';
import { planSchema } from '../../src/schemas/plan.ts';
import { generate, main, parseGenArgs, readMarker } from '../../src/tools/generator/cli.ts';
import { UsageError } from '../../src/tools/cli.ts';
import { generatePlan, MAX_WORDS, MIN_WORDS } from '../../src/tools/generator/plan.ts';
import { ROOT, TEST_TMP } from '../helpers/paths.ts';

const DIR = resolve(TEST_TMP, 'scale-gen');
const SAMPLE = join(DIR, 'sample');

function words(body: string): number {
  return body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function filesOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith('.mdx'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  generate({ count: 1000, out: SAMPLE, seed: 20260 });
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('generated entries', () => {
  it('all 1,000 pass the real schema and the cross-entry rules', () => {
    const entries = readEntries(SAMPLE);
    expect(entries).toHaveLength(1000);
    const { plans, findings } = validateAll(entries);
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.message}`)).toEqual([]);
    expect(plans.size).toBe(1000);
  });

  it('know the duplicate rule: the generator\'s identity is the archive\'s identityKey', () => {
    // Clashes are redrawn by this key, so it must be the one the build compares;
    // at 100,000 plans a looser key let "UBND" and "Ủy ban nhân dân" twins through.
    for (let i = 0; i < 1000; i++) {
      const g = generatePlan(99, i);
      expect(g.identity, g.slug).toBe(identityKey(planSchema.parse(g.data)) ?? '');
    }
  });

  it('cover every provincial unit before and after 2025, on dates when it existed', () => {
    const { plans } = validateAll(readEntries(SAMPLE));
    const seen = new Set<string>();
    for (const plan of plans.values()) {
      if (!plan.province) continue;
      const r = resolvePlanProvince(plan.province, plan.issuedOn, plan.period.from);
      expect(r.ok, `${plan.province} ${plan.issuedOn}`).toBe(true);
      if (r.ok) seen.add(r.unit.id);
    }
    expect([...PROVINCE_UNITS.map((u) => u.id)].filter((id) => !seen.has(id))).toEqual([]);
    const tienGiang = [...plans.values()].filter((p) => p.province && /ti[eề]n.?giang/i.test(p.province));
    expect(tienGiang.length).toBeGreaterThan(0);
    for (const p of tienGiang) if (p.issuedOn) expect(p.issuedOn < MERGER_DATE).toBe(true);
  });

  it('have issuers at every level, districts only before 1/7/2025, and dates from 2011 to today', () => {
    const plans = [...validateAll(readEntries(SAMPLE)).plans.values()];
    const levels = new Set(plans.map((p) => p.issuer.level));
    expect([...levels].sort()).toEqual([...keysOf(ISSUER_LEVELS)].sort());
    for (const p of plans.filter((x) => x.issuer.level === 'huyen')) {
      expect(p.district).toBeTruthy();
      if (p.issuedOn) expect(p.issuedOn < DISTRICTS_ABOLISHED).toBe(true);
    }
    const years = new Set(plans.flatMap((p) => (p.issuedOn ? [Number(p.issuedOn.slice(0, 4))] : [])));
    for (let y = 2011; y <= 2026; y++) expect(years.has(y), String(y)).toBe(true);
    const today = todayInVietnam();
    for (const p of plans) if (p.issuedOn) expect(p.issuedOn <= today).toBe(true);
    expect(plans.some((p) => p.reformAreas.length > 1)).toBe(true);
    expect(plans.filter((p) => p.indices?.length).length).toBeGreaterThan(100);
    expect(plans.filter((p) => p.legalBases?.length).length).toBeGreaterThan(100);
  });

  it('carry document numbers in real formats', () => {
    const numbers = [...validateAll(readEntries(SAMPLE)).plans.values()].flatMap((p) => (p.documentNumber ? [p.documentNumber] : []));
    expect(numbers.length).toBeGreaterThan(900);
    for (const n of numbers) expect(looksLikeDocNumber(n), n).toBe(true);
    for (const shape of [/^\d+\/KH-UBND$/, /^\d+\/QĐ-UBND$/, /^\d+\/\d{4}\/NQ-HĐND$/, /^\d+\/KH-SKH&CN$/, /^\d+\/UBND-[A-Z]+$/]) {
      expect(numbers.some((n) => shape.test(n)), String(shape)).toBe(true);
    }
  });

  it('have Vietnamese bodies of 400 to 1,500 words with đ words, both tone styles, abbreviations and numbers', () => {
    const entries = readEntries(SAMPLE);
    const lengths = entries.map((e) => words(e.body));
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(MIN_WORDS);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_WORDS);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan(600);
    const all = entries.map((e) => e.body).join('\n');
    const styles = countToneStyles(all);
    expect(styles.old).toBeGreaterThan(0);
    expect(styles.new).toBeGreaterThan(0);
    for (const word of ['đào tạo', 'đội ngũ', 'điều hành', 'một cửa liên thông', 'tinh giản biên chế']) expect(all).toContain(word);
    for (const abbr of ['CCHC', 'TTHC', 'UBND', 'HĐND', 'CBCCVC', 'KH&CN', 'VBQPPL', 'CĐS', 'CPĐT', 'PAR Index', 'SIPAS', 'PAPI', 'PCI', 'DTI', 'ICT Index']) {
      expect(all, abbr).toContain(abbr);
    }
    expect(/\d+%/.test(all)).toBe(true);
    expect(/\d{2}\/\d{2}\/\d{4}/.test(all)).toBe(true);
  });
});

describe('boilerplate mode (--van-mau)', () => {
  const dir = join(DIR, 'van-mau');
  const plain = join(DIR, 'thuong');
  const share = (bodies: string[], phrase: string) => bodies.filter((b) => b.toLowerCase().includes(phrase)).length / bodies.length;
  let bodies: string[];
  let plainBodies: string[];

  beforeAll(() => {
    generate({ count: 200, out: dir, seed: 11, boilerplate: true });
    generate({ count: 200, out: plain, seed: 11 });
    bodies = readEntries(dir).map((e) => e.body);
    plainBodies = readEntries(plain).map((e) => e.body);
  });

  it('writes valid entries of 400 to 1,500 words in NFC', () => {
    const entries = readEntries(dir);
    expect(validateAll(entries).findings.map((f) => `${f.file}:${f.line}: ${f.message}`)).toEqual([]);
    for (const e of entries) {
      expect(words(e.body), e.file).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(words(e.body), e.file).toBeLessThanOrEqual(MAX_WORDS);
      expect(e.body, e.file).toBe(e.body.normalize('NFC'));
    }
    expect(readMarker(dir)?.boilerplate).toBe(true);
  });

  it('repeats the common sections, so that their words are in most plans', () => {
    for (const phrase of ['thực hiện nghị quyết', 'ứng dụng công nghệ thông tin', 'mục đích', 'tổ chức thực hiện', 'cải cách thủ tục hành chính', 'cán bộ, công chức, viên chức']) {
      expect(share(bodies, phrase), phrase).toBeGreaterThanOrEqual(0.8);
    }
    // More than the ordinary generator, whose bodies vary their wording.
    expect(share(bodies, 'ứng dụng công nghệ thông tin')).toBeGreaterThan(share(plainBodies, 'ứng dụng công nghệ thông tin') + 0.3);
    // Repeated, but not one text: the plans still differ from each other.
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it('follows only the national programme a plan could have followed', () => {
    const cites = { before: 0, after: 0 };
    for (let i = 0; i < 300; i++) {
      const g = generatePlan(5, i, 0, true);
      const issued = String(g.data.issuedOn ?? '');
      const iso = /^\d{2}\/\d{2}\/\d{4}$/.test(issued) ? issued.split('/').reverse().join('-') : issued;
      if (!iso || !g.body.includes('76/NQ-CP ngày 15/7/2021')) continue;
      cites[iso >= '2021-07-15' ? 'after' : 'before']++;
    }
    expect(cites.before).toBe(0);
    expect(cites.after).toBeGreaterThan(20);
  });

  it("gives plan i the same content whatever the count, and the ordinary plans do not change", () => {
    const small = join(DIR, 'van-mau-small');
    generate({ count: 50, out: small, seed: 11, boilerplate: true });
    const large = filesOf(dir);
    for (const [name, text] of filesOf(small)) expect(large.get(name)).toBe(text);
    expect(generatePlan(11, 3).body).toBe(generatePlan(11, 3, 0, false).body);
    expect(generatePlan(11, 3).body).not.toBe(generatePlan(11, 3, 0, true).body);
  });

  it('is asked for with --van-mau', () => {
    expect(parseGenArgs(['--count', '3', '--out', 'tmp/x', '--van-mau'], ROOT).boilerplate).toBe(true);
    expect(parseGenArgs(['--count', '3', '--out', 'tmp/x'], ROOT).boilerplate).toBe(false);
  });
});

describe('determinism', () => {
  it('gives the same files for the same seed, other files for another seed', () => {
    const a = join(DIR, 'a');
    const b = join(DIR, 'b');
    const c = join(DIR, 'c');
    generate({ count: 150, out: a, seed: 7 });
    generate({ count: 150, out: b, seed: 7 });
    generate({ count: 150, out: c, seed: 8 });
    const fa = filesOf(a);
    expect(fa.size).toBe(150);
    expect(filesOf(b)).toEqual(fa);
    const fc = filesOf(c);
    expect([...fc.values()].filter((text) => [...fa.values()].includes(text))).toEqual([]);
  });

  it('gives entry i the same content whatever the count, so shards can be generated apart', () => {
    const small = join(DIR, 'small');
    const large = join(DIR, 'large');
    generate({ count: 40, out: small, seed: 3 });
    generate({ count: 120, out: large, seed: 3 });
    const fl = filesOf(large);
    for (const [name, text] of filesOf(small)) expect(fl.get(name)).toBe(text);
  });

  it('replaces its own earlier output instead of piling up files', () => {
    const dir = join(DIR, 'rerun');
    generate({ count: 30, out: dir, seed: 1 });
    generate({ count: 10, out: dir, seed: 2 });
    expect(filesOf(dir).size).toBe(10);
  });
});

describe('safety and messages', () => {
  const snapshot = (dir: string) =>
    readdirSync(dir)
      .map((n) => `${n}:${statSync(join(dir, n)).mtimeMs}`)
      .sort();

  it('refuses to write into the real entries, and leaves them as they were', () => {
    const real = join(ROOT, 'src/content/plans');
    const before = snapshot(real);
    for (const out of ['src/content/plans', 'src/content/plans/sub', 'tests/fixtures/plans']) {
      expect(() => parseGenArgs(['--count', '3', '--out', join(ROOT, out)], ROOT)).toThrow(UsageError);
    }
    const r = spawnSync(process.execPath, ['scripts/gen.ts', '--count', '3', '--out', 'src/content/plans'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('không được ghi vào src/content/plans');
    expect(snapshot(real)).toEqual(before);
  });

  it('refuses a folder of someone else\'s files', () => {
    const dir = join(DIR, 'foreign');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ghi-chu.mdx'), 'của người khác');
    expect(() => generate({ count: 2, out: dir, seed: 1 })).toThrow(/không do lệnh này tạo/);
    expect(readdirSync(dir)).toEqual(['ghi-chu.mdx']);
  });

  it.each([
    [['--out', 'tmp/x'], 'thiếu --count'],
    [['--count', 'mười', '--out', 'tmp/x'], '--count phải là số nguyên dương'],
    [['--count', '0', '--out', 'tmp/x'], '--count phải là số nguyên dương'],
    [['--count', '2000000', '--out', 'tmp/x'], '--count tối đa là 1.000.000'],
    [['--count', '5'], 'thiếu --out'],
    [['--count', '5', '--out', 'tmp/x', '--cout', '3'], 'không có tham số "--cout"; có phải "--count"?'],
    [['--count', '5', '--out', 'tmp/x', 'thêm'], 'giá trị "thêm" không thuộc tham số nào'],
  ])('explains %j in Vietnamese without a stack trace', (args, message) => {
    const r = spawnSync(process.execPath, ['scripts/gen.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Lỗi: ${message}`);
    expect(r.stderr).toContain('Cách dùng: npm run gen');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(ROOT, 'tmp/x'))).toBe(false);
  });

  it('prints a summary line when done', () => {
    const out = join(DIR, 'cli');
    const r = spawnSync(process.execPath, ['scripts/gen.ts', '--count', '25', '--out', out, '--seed', 'kho'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Đã tạo 25 kế hoạch \(/);
    expect(filesOf(out).size).toBe(25);
    expect(main(['--help'], ROOT)).toBe(0);
  });
});
