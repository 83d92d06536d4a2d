/**
 * English items about a plan: only the sentence that names it by number is
 * read; the title is never translated. Places and numbers are made up.
 */
import { describe, expect, it } from 'vitest';
import { englishDate, looksEnglish } from '../../src/tools/import/english.ts';
import { extract } from '../../src/tools/import/extract.ts';

describe('English news items', () => {
  it('reads "Month D, YYYY" dates, and refuses impossible ones', () => {
    expect(englishDate('on March 4, 2021, the')?.iso).toBe('2021-03-04');
    expect(englishDate('February 30, 2021')?.reason).toBe('impossible');
    expect(englishDate('in March 2021')).toBeUndefined();
  });

  it('"on DATE, the People\'s Committee of X province issued Plan No. N on … in YEAR"', () => {
    const e = extract({ text: 'To improve services, on November 28, 2020, the People’s Committee of Ninh Binh province issued Plan No. 412/KH-UBND on administrative reform in 2021 with the goal of cutting procedures.' });
    expect(e.documentNumber?.value).toBe('412/KH-UBND');
    expect(e.documentType?.value).toBe('ke-hoach');
    expect(e.issuedOn?.value).toBe('2020-11-28');
    expect(e.issuerName?.value).toBe('UBND tỉnh Ninh Bình');
    expect(e.issuerLevel?.value).toBe('tinh');
    expect(e.province?.value).toBe('Ninh Bình');
    expect(e.period?.value).toEqual({ from: 2021, to: 2021 });
    expect(e.title).toBeUndefined();
  });

  it('"Plan No. N dated DATE, of the Provincial People\'s Committee on … in YEAR in X province"', () => {
    const e = extract({ text: "Last week, the Department of Home Affairs announced Plan No. 31/KH-UBND dated May 6, 2024, of the Provincial People's Committee on inspecting administrative reform in 2024 in Ha Nam province." });
    expect(e.documentNumber?.value).toBe('31/KH-UBND');
    expect(e.issuedOn?.value).toBe('2024-05-06');
    expect(e.province?.value).toBe('Hà Nam');
    expect(e.period?.value).toEqual({ from: 2024, to: 2024 });
  });

  it('a province the sentence does not name is left out', () => {
    const e = extract({ text: 'The committee issued Plan No. 9/KH-UBND on administrative reform in 2022 to guide agencies.' });
    expect(e.documentNumber?.value).toBe('9/KH-UBND');
    expect(e.province).toBeUndefined();
    expect(e.issuerName).toBeUndefined();
  });

  it('tells English from Vietnamese', () => {
    expect(looksEnglish('The plan of the committee was issued on the first day of the year.')).toBe(true);
    expect(looksEnglish('Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính năm 2021.')).toBe(false);
  });
});
