/**
 * News items that report on a plan rather than announce it: an inspection
 * carried out under it, an activity that follows it, a provincial paper that
 * writes "UBND tỉnh" for its own province. The bodies, places, people and
 * numbers are made up.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/tools/import/extract.ts';
import { hostFacts } from '../../src/tools/import/source.ts';

const numbers = (text: string, url?: string) => extract({ text, url }).legalBases.map((b) => b.value.number);

describe('an activity carried out under a plan', () => {
  const INSPECTION = `Kiểm tra cải cách hành chính tại 9 xã
Thực hiện Kế hoạch số 208/KH-UBND ngày 14/3/2022 của UBND huyện về kiểm tra công tác cải cách hành chính (CCHC) năm 2022, đoàn kiểm tra của huyện đã làm việc tại 9 xã.
Nội dung kiểm tra bám sát các nhiệm vụ theo Nghị quyết số 76/NQ-CP của Chính phủ.
Đoàn kiểm tra của UBND huyện Ngọc Lâm đề nghị các xã khắc phục hạn chế.`;

  it('the plan the inspection follows is the entry: its number, date, issuer and name', () => {
    const e = extract({ text: INSPECTION });
    expect(e.documentNumber?.value).toBe('208/KH-UBND');
    expect(e.documentType?.value).toBe('ke-hoach');
    expect(e.issuedOn?.value).toBe('2022-03-14');
    expect(e.title?.value).toBe('Kế hoạch kiểm tra công tác cải cách hành chính năm 2022');
    expect(e.period?.value).toEqual({ from: 2022, to: 2022 });
    expect(e.issuerLevel?.value).toBe('huyen');
  });

  it('its own number is no basis; a basis in another sentence still is', () => {
    expect(numbers(INSPECTION)).toEqual(['76/NQ-CP']);
  });

  it('"UBND huyện" is completed by the one huyện the text names', () => {
    const e = extract({ text: INSPECTION });
    expect(e.issuerName?.value).toBe('UBND huyện Ngọc Lâm');
    expect(e.district?.value).toBe('Ngọc Lâm');
    expect(e.issuerName?.uncertain).toBe(true);
  });

  it('two huyện named: the name stays bare', () => {
    const e = extract({ text: `${INSPECTION}\nCán bộ huyện Tân Kỳ cũng dự buổi kiểm tra.` });
    expect(e.issuerName?.value).toBe('UBND huyện');
    expect(e.district).toBeUndefined();
  });

  it('a decision promulgating the plan, listed with other documents: only the plan counts, the others are no bases', () => {
    const e = extract({
      text: 'Tiếp tục thực hiện Quyết định số 512/QĐ-BNV ngày 02/4/2013 của Bộ Nội vụ về việc phê duyệt Đề án tuyên truyền, Quyết định số 3120/QĐ-UBND ngày 29/12/2016 của UBND tỉnh Hà Giang ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Hà Giang năm 2017, Sở Văn hóa tổ chức hội thi tìm hiểu về cải cách hành chính.',
    });
    expect(e.documentNumber?.value).toBe('3120/QĐ-UBND');
    expect(e.documentType?.value).toBe('quyet-dinh');
    expect(e.issuedOn?.value).toBe('2016-12-29');
    expect(e.province?.value).toBe('Hà Giang');
    expect(e.period?.value).toEqual({ from: 2017, to: 2017 });
    expect(e.legalBases).toEqual([]);
  });

  it('two plans cited: the item does not say which one it is about, so no number is taken', () => {
    const e = extract({ text: 'Thực hiện Kế hoạch số 11/KH-UBND của UBND tỉnh và Kế hoạch số 12/KH-UBND của UBND tỉnh về cải cách hành chính năm 2020, đoàn công tác đã làm việc tại các sở.' });
    expect(e.documentNumber).toBeUndefined();
  });

  it('an item that announces its own plan keeps the cited plan as a basis', () => {
    const e = extract({ text: 'Thực hiện Kế hoạch số 87/KH-UBND ngày 06/5/2016 của UBND tỉnh, ngày 08/01/2018, Sở Tư pháp đã ban hành Kế hoạch cải cách hành chính năm 2018.' });
    expect(e.documentNumber).toBeUndefined();
    expect(e.issuedOn?.value).toBe('2018-01-08');
    expect(e.legalBases.map((b) => b.value.number)).toEqual(['87/KH-UBND']);
  });
});

describe('a headline and a dated sentence about the same plan', () => {
  it('the date comes from the sentence that gives one, not from the headline', () => {
    const e = extract({ text: 'Sở Tư pháp ban hành Kế hoạch cải cách hành chính năm 2018\nNgày 08 tháng 01 năm 2018, Sở Tư pháp đã ban hành Kế hoạch cải cách hành chính năm 2018.' });
    expect(e.issuedOn?.value).toBe('2018-01-08');
  });

  it('"triển khai thực hiện hiệu quả Kế hoạch số …" makes a basis, and the list after it too', () => {
    expect(numbers('Năm 2018, Sở sẽ tiếp tục triển khai thực hiện hiệu quả Kế hoạch số 87/KH-UBND ngày 06/5/2016 của UBND tỉnh và Kế hoạch số 355/KH-UBND ngày 29/12/2017 của UBND tỉnh.')).toEqual(['87/KH-UBND', '355/KH-UBND']);
  });
});

describe('a provincial newspaper', () => {
  it('"bao<tỉnh>" is the paper of that province: publisher and province', () => {
    const h = hostFacts('https://baoquangbinh.vn/xa-hoi/bai-viet-123.html');
    expect(h?.publisher).toBe('Báo Quảng Bình');
    expect(h?.provinceSlug).toBe('quang-binh');
  });

  it('its "UBND tỉnh" is that province', () => {
    const e = extract({ text: 'Thực hiện Kế hoạch số 77/KH-UBND của UBND tỉnh về kiểm tra cải cách hành chính năm 2019, đoàn kiểm tra đã làm việc tại 8 sở.', url: 'https://baoquangbinh.vn/xa-hoi/bai-viet-123.html' });
    expect(e.province?.value).toBe('Quảng Bình');
    expect(e.issuerName?.value).toBe('UBND tỉnh Quảng Bình');
  });

  it('a site whose name only starts with "bao" is no paper of a province', () => {
    expect(hostFacts('https://baomoi.com/tin.html')?.provinceSlug).toBeUndefined();
  });
});

describe('cited documents that earlier rules missed', () => {
  it('"số" glued to the number, or cut to "s", still opens a number', () => {
    expect(numbers('Thực hiện Nghị quyết số02/NQ-CP ngày 01/01/2020 của Chính phủ; Quyết định s118/QĐ-TTg ngày 04/02/2020 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch.')).toEqual(['02/NQ-CP', '118/QĐ-TTg']);
  });

  it('a type word ending in a marked letter ("Chỉ thị", "Quyết định") is read after the verb', () => {
    expect(numbers('Để triển khai kịp thời các nhiệm vụ; tiếp tục thực hiện Chỉ thị số 07/CT-UBND ngày 16/5/2019 của Chủ tịch UBND tỉnh.')).toEqual(['07/CT-UBND']);
  });

  it('"triển khai có hiệu quả các mục tiêu, nhiệm vụ tại Nghị quyết …" and "theo yêu cầu tại Quyết định …" cite bases', () => {
    expect(numbers('Kế hoạch nhằm triển khai có hiệu quả các mục tiêu, nhiệm vụ tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.')).toEqual(['76/NQ-CP']);
    expect(numbers('Thực hiện hiệu quả các nội dung theo yêu cầu tại Quyết định số 910/QĐ-BNV ngày 15/10/2025 của Bộ trưởng Bộ Nội vụ.')).toEqual(['910/QĐ-BNV']);
  });
});

describe('the issuer named in other shapes', () => {
  it('"kế hoạch … do UBND tỉnh X ban hành": X issued it; the description is no title', () => {
    const e = extract({ text: 'Theo kế hoạch cải cách hành chính do UBND tỉnh Kon Tum ban hành, tỉnh sẽ dành 800 triệu đồng cho các hoạt động.' });
    expect(e.issuerName?.value).toBe('UBND tỉnh Kon Tum');
    expect(e.issuerLevel?.value).toBe('tinh');
    expect(e.province?.value).toBe('Kon Tum');
    expect(e.title).toBeUndefined();
  });

  it('an officer\'s name after "Phó Chủ tịch UBND tỉnh" is not the province; the province comes from the text', () => {
    const e = extract({ text: '(QNO)- Phó Chủ tịch UBND tỉnh Trần Minh Khoa vừa ký ban hành Kế hoạch số 88/KH-UBND về cải cách hành chính năm 2026.\nTheo đó, UBND tỉnh Quảng Ninh đặt ra 6 nhóm chỉ tiêu.' });
    expect(e.issuerName?.value).toBe('UBND tỉnh Quảng Ninh');
    expect(e.province?.value).toBe('Quảng Ninh');
    expect(e.documentNumber?.value).toBe('88/KH-UBND');
  });
});
