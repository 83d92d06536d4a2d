/**
 * The pure parts of npm run new: fields derived from the schema, the slug
 * rule, and how typed answers become frontmatter.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, ISSUER_LEVELS, REFORM_AREAS, keysOf } from '../../src/data/taxonomy.ts';
import { FIELD_META } from '../../src/schemas/fields.ts';
import { planObject } from '../../src/schemas/plan.ts';
import { readEntries, validateAll } from '../../src/lib/entries.ts';
import { checkAnswers, normalizeAnswer } from '../../src/tools/scaffold/answers.ts';
import { fieldByKey, scaffoldFields, SHORT_FLAGS } from '../../src/tools/scaffold/fields.ts';
import { dataFromFlags, flagOptions } from '../../src/tools/scaffold/flags.ts';
import { abbreviate, issuerSlug, numberSlug, planSlug, titleSlug } from '../../src/tools/scaffold/slug.ts';
import { FIXTURE_PLANS } from '../helpers/paths.ts';

const field = (key: string) => {
  const f = fieldByKey(key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('fields come from the schema', () => {
  it('lists every frontmatter leaf of the zod schema, in its order, with its help', () => {
    const leaves = (shape: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(shape).flatMap(([k, v]) => {
        const inner = (v as { unwrap?: () => unknown }).unwrap?.() ?? v;
        const nested = (inner as { shape?: Record<string, unknown> }).shape;
        return nested ? leaves(nested, `${prefix}${k}.`) : [`${prefix}${k}`];
      });
    expect(scaffoldFields().map((f) => f.key)).toEqual(leaves(planObject.shape));
    for (const f of scaffoldFields()) expect(f.meta).toBe(FIELD_META[f.key]);
  });

  it('offers the enum values of the taxonomy tables as labelled choices', () => {
    expect(field('documentType').choices!.map((c) => c.value)).toEqual(keysOf(DOCUMENT_TYPES));
    expect(field('issuer.level').choices!.map((c) => c.label)).toEqual(Object.values(ISSUER_LEVELS).map((l) => l.label));
    expect(field('reformAreas')).toMatchObject({ kind: 'enum-list', required: true });
    expect(field('reformAreas').choices!.map((c) => c.value)).toEqual(keysOf(REFORM_AREAS));
  });

  it('knows which fields are required, dates, years, URLs and lists', () => {
    const required = scaffoldFields().filter((f) => f.required).map((f) => f.key);
    expect(required).toEqual(['title', 'documentType', 'issuer.name', 'issuer.level', 'period.from', 'period.to', 'reformAreas', 'summary']);
    expect(field('issuedOn').kind).toBe('date');
    expect(field('source.retrievedOn').kind).toBe('date');
    expect(field('period.from').kind).toBe('integer');
    expect(field('source.url').kind).toBe('url');
    expect(field('legalBases')).toMatchObject({ kind: 'record-list', parts: [{ name: 'number', required: true }, { name: 'issuer', required: false }, { name: 'issuedOn', required: false, kind: 'date' }] });
  });

  it('names flags as the issue does, keeps the long form, and every short name belongs to a field', () => {
    for (const key of Object.keys(SHORT_FLAGS)) expect(fieldByKey(key), key).toBeDefined();
    const options = flagOptions();
    for (const flag of ['title', 'number', 'type', 'date', 'issuer', 'level', 'province', 'from', 'to', 'area', 'summary', 'source-url', 'publisher']) {
      expect(options[flag], flag).toBeDefined();
    }
    expect(options['document-number']).toBeDefined();
    expect(options.area.multiple).toBe(true);
    const flags = scaffoldFields().flatMap((f) => [f.flag, ...f.aliases]);
    expect(new Set(flags).size).toBe(flags.length);
  });
});

describe('the slug rule', () => {
  // The first five shipped plans, kept among the fixtures as they were named. A shipped entry keeps its
  // name when an editor later corrects its facts (the name is its URL), so the archive itself is not the test.
  it('reproduces the name of the first shipped entries from their frontmatter', () => {
    const entries = readEntries(FIXTURE_PLANS).filter((e) => /^\d{4}-/.test(e.slug));
    expect(entries).toHaveLength(5);
    const { plans } = validateAll(entries);
    expect(plans.size).toBe(entries.length);
    for (const entry of entries) expect(planSlug(plans.get(entry.file)!)).toBe(entry.slug);
  });

  it('abbreviates issuers: initials for long names, abbreviations kept, the province dropped, districts by name', () => {
    expect(abbreviate('Sở Khoa học và Công nghệ')).toBe('skhcn');
    expect(abbreviate('UBND tỉnh')).toBe('ubnd-tinh');
    expect(abbreviate('Bộ Nội vụ')).toBe('bnv');
    const base = { title: 'x', documentType: 'ke-hoach' as const, period: { from: 2020, to: 2020 } };
    expect(issuerSlug({ ...base, issuer: { name: 'Uỷ ban nhân dân tỉnh Tiền Giang', level: 'tinh' }, province: 'Tiền Giang' })).toBe('ubnd');
    expect(issuerSlug({ ...base, issuer: { name: 'Phòng Nội vụ huyện Quế Sơn', level: 'huyen' }, province: 'Quảng Nam' })).toBe('que-son-pnv');
    expect(issuerSlug({ ...base, issuer: { name: 'Thủ tướng Chính phủ', level: 'trung-uong' } })).toBe('ttcp');
  });

  it('writes numbers in kebab-case without "&" and falls back to the title\'s key words', () => {
    expect(numberSlug('44/KH-SKH&CN')).toBe('44-kh-skhcn');
    expect(numberSlug('61/2018/NĐ-CP')).toBe('61-2018-nd-cp');
    expect(titleSlug('Kế hoạch thực hiện nhiệm vụ cải cách hành chính năm 2020 của Sở Nội vụ', 'ke-hoach')).toBe('nhiem-vu-cchc');
    expect(titleSlug('Kế hoạch sắp xếp tinh gọn bộ máy tỉnh Lạng Sơn', 'ke-hoach')).toBe('sap-xep-tinh-gon');
  });

  it('takes the year from period.from when the issue date is unknown, and leaves out a missing province', () => {
    const slug = planSlug({
      title: 'Chương trình cải cách hành chính giai đoạn 2021-2025',
      documentType: 'chuong-trinh',
      issuer: { name: 'Bộ Nội vụ', level: 'trung-uong' },
      period: { from: 2021, to: 2025 },
    });
    expect(slug).toBe('2021-bnv-cchc');
  });
});

describe('answers become frontmatter', () => {
  it('accepts dd/mm/yyyy dates, province names without diacritics, and enum labels', () => {
    expect(normalizeAnswer(field('issuedOn'), '22/1/2020')).toBe('22/01/2020');
    expect(normalizeAnswer(field('issuedOn'), '2020-01-22')).toBe('22/01/2020');
    expect(normalizeAnswer(field('province'), 'tinh tien giang')).toBe('Tiền Giang');
    expect(normalizeAnswer(field('province'), 'TP Ho Chi Minh')).toBe('TP. Hồ Chí Minh');
    expect(normalizeAnswer(field('documentType'), 'Quyết định')).toBe('quyet-dinh');
    expect(normalizeAnswer(field('reformAreas'), ['the-che, thu tuc hanh chinh'])).toEqual(['the-che', 'thu-tuc-hanh-chinh']);
    expect(normalizeAnswer(field('period.from'), '2020')).toBe(2020);
    expect(normalizeAnswer(field('legalBases'), ['30c/NQ-CP', '4353/QĐ-UBND; UBND tỉnh Quảng Nam; 31/12/2019'])).toEqual([
      '30c/NQ-CP',
      { number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '31/12/2019' },
    ]);
  });

  it('keeps what it cannot understand, so the schema names the problem', () => {
    const { missing, problems } = checkAnswers(dataFromFlags({ title: 'X', type: 'ke-hoac', date: '31/02/2020', province: 'Tien Giag' }));
    expect(missing.map((f) => f.flag)).toEqual(['issuer', 'level', 'from', 'to', 'area', 'summary']);
    const byFlag = Object.fromEntries(problems.map((p) => [p.field?.flag, p.problem.message]));
    expect(byFlag.type).toContain('có phải "ke-hoach"?');
    expect(byFlag.date).toContain('không có thật trên lịch');
    expect(byFlag.province).toContain('có phải "Tiền Giang"');
  });
});
