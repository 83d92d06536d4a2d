/**
 * The rules of npm run import, one by one, on texts written for the tests
 * (tests/import/fixtures.ts): layout debris, title case, dates without a year,
 * levels, provinces on the date, periods, legal bases and indices.
 */
import { describe, expect, it } from 'vitest';
import { sentenceCase } from '../../src/tools/import/casing.ts';
import { readDate } from '../../src/tools/import/dates.ts';
import { extract } from '../../src/tools/import/extract.ts';
import { levelOf } from '../../src/tools/import/issuer.ts';
import { normalise } from '../../src/tools/import/normalise.ts';
import { toJson } from '../../src/tools/import/output.ts';
import { looksLikeDocNumber } from '../../src/lib/docnumber.ts';
import { COMMUNE_BODY, DEPARTMENT_PLAN, DISTRICT_DECISION, MINISTRY_DECISION, NEWS_ITEM, NO_YEAR_NEWS, OPEN_PERIOD } from './fixtures.ts';

const numbers = (text: string, url?: string) => extract({ text, url }).legalBases.map((b) => b.value.number);

describe('normalising copied text', () => {
  it('splits table rows into cells, drops rules and joins lines broken mid-sentence', () => {
    const lines = normalise(DEPARTMENT_PLAN).map((l) => l.text);
    expect(lines).toContain('Số: 15/KH-SNV');
    expect(lines).toContain('Tiền Giang, ngày 05 tháng 01 năm 2021');
    expect(lines.some((l) => /^-+$/.test(l) || l.includes('|'))).toBe(false);
    expect(lines).toContain('Căn cứ Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020;');
  });

  it('keeps the input line each logical line starts on', () => {
    const line = normalise(DISTRICT_DECISION).find((l) => l.text.startsWith('Châu Thành, ngày'));
    expect(line).toEqual({ text: 'Châu Thành, ngày 14 tháng 02 năm 2022', line: 11 });
  });
});

describe('title', () => {
  it('turns capitals into sentence case and keeps the capitals of names', () => {
    expect(sentenceCase('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH TUYÊN QUANG NĂM 2014')).toBe('Kế hoạch cải cách hành chính tỉnh Tuyên Quang năm 2014');
    expect(sentenceCase('KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 76/NQ-CP CỦA UBND HUYỆN QUẾ SƠN')).toBe('Kế hoạch thực hiện Nghị quyết số 76/NQ-CP của UBND huyện Quế Sơn');
    expect(sentenceCase('BAN HÀNH KẾ HOẠCH CCHC NĂM 2023 CỦA BỘ NỘI VỤ')).toBe('Ban hành Kế hoạch CCHC năm 2023 của Bộ Nội vụ');
  });

  it('a decision is titled by its trích yếu, and a decision promulgating a plan is quyet-dinh', () => {
    const e = extract({ text: DISTRICT_DECISION });
    expect(e.title?.value).toBe('Về việc ban hành Kế hoạch cải cách hành chính huyện Châu Thành giai đoạn 2022 - 2025');
    expect(e.documentType?.value).toBe('quyet-dinh');
  });
});

describe('dates', () => {
  it('reads both printed forms and refuses a date without its year', () => {
    expect(readDate('ngày 10 tháng 12 năm 2013')).toMatchObject({ iso: '2013-12-10' });
    expect(readDate('ngày 08/11/2011 của')).toMatchObject({ iso: '2011-11-08' });
    expect(readDate('Ngày 31/3, UBND')).toMatchObject({ reason: 'no-year' });
  });

  it('leaves issuedOn out when the text gives no year, and says why', () => {
    const e = extract({ text: NO_YEAR_NEWS });
    expect(e.issuedOn).toBeUndefined();
    expect(e.documentNumber?.value).toBe('40/KH-UBND');
    expect(e.missing.find((m) => m.field === 'issuedOn')?.reason).toContain('31/3');
  });
});

describe('issuer, level and province', () => {
  it('gives each kind of body its level', () => {
    expect(levelOf('Ủy ban nhân dân tỉnh Tuyên Quang')).toBe('tinh');
    expect(levelOf('UBND thành phố Hải Phòng')).toBe('tinh');
    expect(levelOf('Sở Nội vụ tỉnh Tiền Giang')).toBe('so-nganh');
    expect(levelOf('Văn phòng UBND tỉnh Khánh Hòa')).toBe('so-nganh');
    expect(levelOf('UBND huyện Quế Sơn')).toBe('huyen');
    expect(levelOf('UBND thị xã Cai Lậy')).toBe('huyen');
    expect(levelOf('UBND thành phố Biên Hòa')).toBe('huyen');
    expect(levelOf('Ủy ban nhân dân phường 5')).toBe('xa');
    expect(levelOf('Bộ Nội vụ')).toBe('trung-uong');
    expect(levelOf('Thủ tướng Chính phủ')).toBe('trung-uong');
    expect(levelOf('Ban Chỉ đạo cải cách hành chính của Chính phủ')).toBe('trung-uong');
  });

  it('reads a two-body letterhead as the department of its province, resolved on the issue date', () => {
    const e = extract({ text: DEPARTMENT_PLAN });
    expect(e.issuerName?.value).toBe('Sở Nội vụ tỉnh Tiền Giang');
    expect(e.issuerLevel?.value).toBe('so-nganh');
    expect(e.province?.value).toBe('Tiền Giang');
  });

  it('names no province for a ministry, and guesses none for a district letterhead', () => {
    const ministry = extract({ text: MINISTRY_DECISION });
    expect(ministry.issuerName?.value).toBe('Bộ Nội vụ');
    expect(ministry.issuerLevel?.value).toBe('trung-uong');
    expect(ministry.province).toBeUndefined();
    const district = extract({ text: DISTRICT_DECISION });
    expect(district.issuerLevel?.value).toBe('huyen');
    expect(district.district?.value).toBe('Châu Thành');
    // Several provinces have a Châu Thành: only a guess could name one.
    expect(district.province).toBeUndefined();
  });

  it('takes the level of a body without letterhead from the territory it calls its own', () => {
    const e = extract({ text: COMMUNE_BODY });
    expect(e.issuerLevel).toMatchObject({ value: 'xa', uncertain: true });
    expect(e.issuerName).toBeUndefined();
    expect(e.documentNumber).toBeUndefined();
  });
});

describe('period', () => {
  it('comes from the title, not from the signing date', () => {
    expect(extract({ text: DEPARTMENT_PLAN }).period?.value).toEqual({ from: 2021, to: 2021 });
    expect(extract({ text: DISTRICT_DECISION }).period?.value).toEqual({ from: 2022, to: 2025 });
  });

  it('is left out when the last year is not stated', () => {
    const e = extract({ text: OPEN_PERIOD });
    expect(e.period).toBeUndefined();
    expect(e.missing.find((m) => m.field === 'period')?.reason).toContain('những năm tiếp theo');
  });
});

describe('legal bases', () => {
  it('lists the preamble, leaves out the submission, and gives issuer and date when the sentence does', () => {
    const e = extract({ text: DEPARTMENT_PLAN });
    expect(e.legalBases.map((b) => b.value)).toEqual([
      { number: '30c/NQ-CP', issuer: 'Chính phủ', issuedOn: '2011-11-08' },
      { number: '1234/QĐ-UBND', issuer: 'UBND tỉnh', issuedOn: '2020-12-20' },
    ]);
  });

  it('keys 01/NQ-CP and 01-NQ/CP as one, never lists its own number, and reports what it replaces', () => {
    const e = extract({ text: DISTRICT_DECISION });
    expect(e.legalBases.map((b) => b.value.number)).toEqual(['01/NQ-CP', '61/2018/NĐ-CP', '18-NQ/TW']);
    expect(e.replaces.map((r) => r.value)).toEqual(['77/QĐ-UBND']);
  });

  it('in a news item, takes what the sentence carries out, not the plan itself', () => {
    expect(numbers(NEWS_ITEM)).toEqual(['225/QĐ-TTg', '300/KH-UBND']);
  });

  it('accepts the usual number forms', () => {
    for (const n of ['30c/NQ-CP', '61/2018/NĐ-CP', '18-NQ/TW', '01-NQ/CP', '44/KH-SKH&CN', '59/2020/QH14']) expect(looksLikeDocNumber(n), n).toBe(true);
  });
});

describe('indices and areas', () => {
  it('finds indices by label or name, and no index in a general phrase', () => {
    expect(extract({ text: DEPARTMENT_PLAN }).indices?.value.sort()).toEqual(['par-index', 'sipas']);
    expect(extract({ text: COMMUNE_BODY }).indices).toBeUndefined();
  });
});

describe('news items', () => {
  it('reads the sentence, the address, the stamp and the byline', () => {
    const json = toJson(extract({ text: NEWS_ITEM, url: 'https://skhcn.tiengiang.gov.vn/tin/123' }));
    expect(json).toEqual({
      title: 'Kế hoạch thực hiện nhiệm vụ cải cách hành chính năm 2020',
      documentNumber: '44/KH-SKH&CN',
      documentType: 'ke-hoach',
      issuedOn: '2020-01-22',
      issuer: { name: 'Sở Khoa học và Công nghệ tỉnh Tiền Giang', level: 'so-nganh' },
      province: 'Tiền Giang',
      period: { from: 2020, to: 2020 },
      reformAreas: expect.arrayContaining(['thu-tuc-hanh-chinh']),
      indices: ['pci'],
      legalBases: [
        { number: '225/QĐ-TTg', issuer: 'Thủ tướng Chính phủ', issuedOn: '2016-02-04' },
        { number: '300/KH-UBND', issuer: 'UBND tỉnh', issuedOn: '2019-12-10' },
      ],
      source: { url: 'https://skhcn.tiengiang.gov.vn/tin/123', publisher: 'Cổng thông tin điện tử Sở Khoa học và Công nghệ tỉnh Tiền Giang', author: 'Bảo Sơn', publishedOn: '2020-01-24' },
    });
  });
});
