/**
 * Rules of the genre learnt from real pages (split headers, glued codes,
 * news sentences), each on a short text written for the test. The bodies,
 * places and numbers are made up.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/tools/import/extract.ts';
import { normalise, unglue } from '../../src/tools/import/normalise.ts';

const numbers = (text: string, url?: string) => extract({ text, url }).legalBases.map((b) => b.value.number);

/** A legal-document site's table, every cell broken over two lines. */
const SPLIT_HEADER = `ỦY
BAN NHÂN DÂN
TỈNH HÀ GIANG
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số:
412/KH-UBND
|
Hà
Giang, ngày 03 tháng 12 năm 2018
|
KẾ HOẠCH
CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH HÀ
GIANG NĂM 2019
Căn cứ Nghị quyết số
30c/NQ-CP ngày 08/11/2011 của Chính phủ về việc ban hành Chương
trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC TIÊU
`;

describe('headers split over lines by a page layout', () => {
  it('joins "Số:" with the number on the next line, and a place name cut before its date', () => {
    const lines = normalise(SPLIT_HEADER).map((l) => l.text);
    expect(lines).toContain('Số: 412/KH-UBND');
    expect(lines).toContain('Hà Giang, ngày 03 tháng 12 năm 2018');
  });

  it('reads number, date, title and period, and never takes the plan’s own number as a basis', () => {
    const e = extract({ text: SPLIT_HEADER });
    expect(e.documentNumber?.value).toBe('412/KH-UBND');
    expect(e.issuedOn?.value).toBe('2018-12-03');
    expect(e.title?.value).toBe('Kế hoạch cải cách hành chính nhà nước tỉnh Hà Giang năm 2019');
    expect(e.period?.value).toEqual({ from: 2019, to: 2019 });
    expect(e.legalBases.map((b) => b.value.number)).toEqual(['30c/NQ-CP']);
  });
});

describe('glued text', () => {
  it('separates a lower-case word glued to a document code', () => {
    expect(unglue('Thực hiện 85/KH-UBNDngày 30/12/2024 của')).toBe('Thực hiện 85/KH-UBND ngày 30/12/2024 của');
    expect(unglue('Quyết định số 12/QĐ-UBND ngày')).toBe('Quyết định số 12/QĐ-UBND ngày');
    expect(numbers('Thực hiện Kế hoạch số 85/KH-UBNDngày 30/12/2024 của Chủ tịch UBND huyện Tân An, UBND xã ban hành Kế hoạch cải cách hành chính năm 2025.')).toEqual(['85/KH-UBND']);
  });
});

describe('news sentences', () => {
  it('takes the date printed right before the body that issued the plan', () => {
    const e = extract({ text: 'Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, ngày 28/12/2021 UBND tỉnh Yên Bái đã ban hành Kế hoạch số 301/KH-UBND về cải cách hành chính năm 2022.' });
    expect(e.issuedOn?.value).toBe('2021-12-28');
    expect(e.issuerLevel?.value).toBe('tinh');
    expect(e.province?.value).toBe('Yên Bái');
    expect(e.documentNumber?.value).toBe('301/KH-UBND');
  });

  it('a plan promulgated by a signed decision is quyet-dinh, and the signing is no part of the issuer', () => {
    const e = extract({ text: 'Ngày 05 tháng 12 năm 2022, Chủ tịch Ủy ban nhân dân tỉnh Phú Thọ đã ký Quyết định ban hành Kế hoạch cải cách hành chính năm 2023 với 9 nhiệm vụ.' });
    expect(e.documentType?.value).toBe('quyet-dinh');
    expect(e.issuedOn?.value).toBe('2022-12-05');
    expect(e.issuerName?.value).not.toMatch(/ký/);
    expect(e.issuerLevel?.value).toBe('tinh');
  });
});
