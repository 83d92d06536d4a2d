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

describe('the decision that carries a plan', () => {
  it('"ban hành Kế hoạch … theo Quyết định số N ngày D": N and D are the plan’s own, never a basis', () => {
    const e = extract({ text: 'Căn cứ kết quả năm trước, UBND tỉnh Bình Phước ban hành Kế hoạch cải cách hành chính năm 2013 theo Quyết định số 122/QĐ-UBND ngày 15/01/2013; Kế hoạch gồm 6 nhóm nhiệm vụ.' });
    expect(e.documentNumber?.value).toBe('122/QĐ-UBND');
    expect(e.documentType?.value).toBe('quyet-dinh');
    expect(e.issuedOn?.value).toBe('2013-01-15');
    expect(e.title?.value).toBe('Kế hoạch cải cách hành chính năm 2013');
    expect(e.legalBases).toEqual([]);
  });

  it('reads a quoted plan name after "ký quyết định ban hành", and a period "năm X và năm Y"', () => {
    const e = extract({ text: 'UBND tỉnh Bến Tre vừa ký quyết định ban hành “Kế hoạch nâng cao chỉ số hài lòng năm 2021 và năm 2022”. Theo đó, các sở phải rà soát thủ tục.' });
    expect(e.documentType?.value).toBe('quyet-dinh');
    expect(e.title?.value).toBe('Kế hoạch nâng cao chỉ số hài lòng năm 2021 và năm 2022');
    expect(e.period?.value).toEqual({ from: 2021, to: 2022 });
    expect(e.province?.value).toBe('Bến Tre');
  });
});

describe('level of a city', () => {
  it('"UBND thành phố X" in tỉnh X is the provincial city (huyen); a centrally run city is tinh', () => {
    const city = extract({ text: 'Ngày 10/01/2022, UBND thành phố Thái Bình ban hành Kế hoạch số 9/KH-UBND về cải cách hành chính năm 2022.' });
    expect(city.issuerLevel?.value).toBe('huyen');
    expect(city.district?.value).toBe('Thái Bình');
    const central = extract({ text: 'Ngày 10/01/2022, UBND thành phố Cần Thơ ban hành Kế hoạch số 9/KH-UBND về cải cách hành chính năm 2022.' });
    expect(central.issuerLevel?.value).toBe('tinh');
  });
});

describe('indices named in words', () => {
  const indices = (text: string) => extract({ text }).indices?.value ?? [];
  it('counts the index of a province, not a commune’s or an office’s own score', () => {
    expect(indices('Phấn đấu nâng chỉ số cải cách hành chính của tỉnh lên nhóm đầu.')).toEqual(['par-index']);
    expect(indices('Góp phần nâng cao thứ hạng các chỉ số cải cách hành chính của các cơ quan.')).toEqual(['par-index']);
    expect(indices('Góp phần nâng cao chỉ số cải cách hành chính của xã.')).toEqual([]);
    expect(indices('Đánh giá, xếp loại Chỉ số CCHC của các phòng chuyên môn cuối năm.')).toEqual([]);
  });
  it('needs the index’s own name for SIPAS and PCI, not a general phrase', () => {
    expect(indices('Nâng cao chỉ số hài lòng của người dân; lấy người dân làm trung tâm.')).toEqual([]);
    expect(indices('Nâng cao Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước.')).toEqual(['sipas']);
    expect(indices('Cải thiện môi trường đầu tư, nâng cao năng lực cạnh tranh cấp tỉnh.')).toEqual([]);
    expect(indices('Cải thiện chỉ số năng lực cạnh tranh của tỉnh.')).toEqual(['pci']);
  });
});

describe('a body that asks others to issue plans', () => {
  it('"UBND huyện yêu cầu các xã ban hành Kế hoạch" names no issuer of this plan', () => {
    const e = extract({ text: 'Sau kiểm tra, UBND huyện yêu cầu các xã, thị trấn ban hành Kế hoạch khắc phục những hạn chế đã chỉ ra.' });
    expect(e.issuerName).toBeUndefined();
    expect(e.district).toBeUndefined();
  });
});
