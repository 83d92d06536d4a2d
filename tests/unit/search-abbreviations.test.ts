/**
 * Every abbreviation in src/data/abbreviations.ts expands both ways: typing
 * the short form also searches the long form, and the reverse.
 */
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../src/data/abbreviations.ts';
import { INDICES } from '../../src/data/taxonomy.ts';
import { parseQuery } from '../../src/lib/search/parse.ts';
import { wordKeys } from '../../src/lib/search/text.ts';

/** The rewordings of a query, as folded word strings. */
const variantsOf = (q: string) => parseQuery(q).variants.slice(1).map((v) => v.words.map((w) => w.key).join(' '));
const keys = (text: string) => wordKeys(text).join(' ');

describe('abbreviation table', () => {
  const rows = ABBREVIATIONS.flatMap((a) => a.short.map((s) => [s, a.long[0]] as const));

  it.each(rows)('"%s" also searches "%s"', (short, long) => {
    expect(variantsOf(short)).toContain(keys(long));
  });

  it.each(ABBREVIATIONS.map((a) => [a.long[0], a.short[0]] as const))('"%s" also searches "%s"', (long, short) => {
    expect(variantsOf(long)).toContain(keys(short));
  });

  it('covers the abbreviations the issue names', () => {
    const shorts = new Set(ABBREVIATIONS.flatMap((a) => a.short));
    for (const s of ['CCHC', 'TTHC', 'UBND', 'HĐND', 'CBCCVC', 'KH&CN', 'KHCN', 'VBQPPL', 'CĐS', 'CPĐT', 'PAR Index', 'SIPAS', 'PAPI', 'PCI', 'DTI', 'ICT Index', 'DDCI']) {
      expect(shorts, s).toContain(s);
    }
  });

  it('takes the index names from the taxonomy, so they are written once', () => {
    for (const index of Object.values(INDICES)) {
      expect(ABBREVIATIONS).toContainEqual({ short: [index.label], long: [index.name] });
    }
  });

  it('writes every form in NFC with its diacritics', () => {
    for (const form of ABBREVIATIONS.flatMap((a) => [...a.short, ...a.long])) {
      expect(form.normalize('NFC')).toBe(form);
    }
  });
});

describe('expanding inside a query', () => {
  it('matches whatever the case and diacritics', () => {
    expect(variantsOf('hdnd tỉnh')).toContain('hoi dong nhan dan tinh');
    expect(variantsOf('Hđnd tỉnh')).toContain('hoi dong nhan dan tinh');
  });

  it('treats KH&CN and KHCN as the same abbreviation', () => {
    expect(variantsOf('Sở KH&CN')).toContain('so khoa hoc va cong nghe');
    expect(variantsOf('so khcn')).toContain('so khoa hoc va cong nghe');
  });

  it('chains rewordings: "chỉ số CCHC" reaches "PAR Index"', () => {
    const v = variantsOf('chỉ số CCHC');
    expect(v).toContain('chi so cai cach hanh chinh');
    expect(v).toContain('par index');
  });

  it('prefers the longest form: "chỉ số chuyển đổi số" is DTI, and still contains CĐS', () => {
    const v = variantsOf('chỉ số chuyển đổi số');
    expect(v).toContain('dti');
    expect(v).toContain('chi so cds');
  });

  it('leaves words in quotes alone', () => {
    expect(variantsOf('"CCHC" năm 2020')).toEqual([]);
  });

  it('tones and spacing do not matter in the long form: "uỷ ban nhân dân" is UBND', () => {
    expect(variantsOf('uỷ ban  nhân dân')).toContain('ubnd');
  });
});
