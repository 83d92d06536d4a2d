/**
 * Every bad entry the foundation issue lists fails with its own Vietnamese
 * message, naming the field, what is wrong and a valid example.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, describeIssues } from '../../src/schemas/error-map.ts';
import { planSchema, type PlanInput } from '../../src/schemas/plan.ts';
import { formatDate, todayInVietnam } from '../../src/lib/dates.ts';

const valid: PlanInput = {
  title: 'Kế hoạch cải cách hành chính năm 2020',
  documentNumber: '44/KH-SKH&CN',
  documentType: 'ke-hoach',
  issuedOn: '22/01/2020',
  issuer: { name: 'Sở Khoa học và Công nghệ tỉnh Tiền Giang', level: 'so-nganh' },
  province: 'Tiền Giang',
  period: { from: 2020, to: 2020 },
  reformAreas: ['the-che', 'thu-tuc-hanh-chinh'],
  summary: 'Kế hoạch triển khai bảy nhiệm vụ cải cách hành chính trọng tâm của Sở trong năm 2020.',
  source: { publisher: 'Cổng thông tin điện tử Sở KH&CN Tiền Giang' },
};

function messages(input: unknown): string[] {
  const r = planSchema.safeParse(input, { reportInput: true });
  return r.success ? [] : describeIssues(r.error.issues).map(formatProblem);
}

function withField(patch: Record<string, unknown>): unknown {
  return { ...valid, ...patch };
}

function without(key: keyof PlanInput): unknown {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[key];
  return copy;
}

describe('plan schema: valid entries', () => {
  it('accepts the contract example and normalises its date to ISO', () => {
    const r = planSchema.parse(valid);
    expect(r.issuedOn).toBe('2020-01-22');
    expect(r.title).toBe(valid.title);
  });

  it('accepts both date forms and YAML Date objects alike', () => {
    for (const issuedOn of ['2020-01-22', '22/01/2020', '22/1/2020', new Date(Date.UTC(2020, 0, 22))]) {
      expect(planSchema.parse(withField({ issuedOn })).issuedOn).toBe('2020-01-22');
    }
  });

  it('accepts legal bases as strings or objects', () => {
    const r = planSchema.parse(
      withField({ legalBases: ['30c/NQ-CP', { number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '31/12/2019' }] }),
    );
    expect(r.legalBases).toEqual(['30c/NQ-CP', { number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '2019-12-31' }]);
  });

  it('stores text as NFC even when the file is NFD', () => {
    const r = planSchema.parse(withField({ title: valid.title.normalize('NFD') }));
    expect(r.title).toBe(valid.title.normalize('NFC'));
  });
});

describe('plan schema: one specific message per problem', () => {
  it('names a missing required field with an example', () => {
    expect(messages(without('title'))).toEqual([
      'title: thiếu trường bắt buộc (Trích yếu). Ví dụ đúng: title: "Kế hoạch cải cách hành chính năm 2020"',
    ]);
  });

  it('explains a wrong type', () => {
    expect(messages(withField({ period: { from: '2020', to: 2020 } }))).toEqual([
      'period.from: phải là số, nhưng đang là chuỗi chữ "2020". Ví dụ đúng: from: 2018',
    ]);
  });

  it('suggests the closest enum value', () => {
    const [msg] = messages(withField({ documentType: 'ke-hoac' }));
    expect(msg).toContain('documentType: giá trị "ke-hoac" không hợp lệ; có phải "ke-hoach"?');
    expect(msg).toContain('Ví dụ đúng: documentType: ke-hoach');
    const [area] = messages(withField({ reformAreas: ['thu-tuc-hanh-chin'] }));
    expect(area).toContain('reformAreas[0]: giá trị "thu-tuc-hanh-chin" không hợp lệ; có phải "thu-tuc-hanh-chinh"?');
    const [level] = messages(withField({ issuer: { name: 'UBND tỉnh', level: 'Tỉnh' } }));
    expect(level).toContain('có phải "tinh"?');
  });

  it.each([
    ['31/02/2020', 'issuedOn: ngày "31/02/2020" không có thật trên lịch.'],
    ['2020-13-01', 'issuedOn: ngày "2020-13-01" không có thật trên lịch.'],
    ['hôm qua', 'issuedOn: "hôm qua" không phải ngày hợp lệ; hãy viết dạng dd/mm/yyyy hoặc yyyy-mm-dd.'],
  ])('rejects the impossible date %s', (issuedOn, expected) => {
    expect(messages(withField({ issuedOn }))).toEqual([`${expected} Ví dụ đúng: issuedOn: "22/01/2020"`]);
  });

  it('rejects a date in the future', () => {
    const next = new Date();
    next.setUTCFullYear(next.getUTCFullYear() + 1);
    const iso = next.toISOString().slice(0, 10);
    const [msg] = messages(withField({ issuedOn: iso, period: { from: 2020, to: next.getUTCFullYear() } }));
    expect(msg).toBe(
      `issuedOn: ngày ${formatDate(iso)} ở tương lai (hôm nay là ${formatDate(todayInVietnam())}). Ví dụ đúng: issuedOn: "22/01/2020"`,
    );
  });

  it('rejects a period that ends before it starts', () => {
    expect(messages(withField({ period: { from: 2020, to: 2018 } }))).toEqual([
      'period.to: năm kết thúc 2018 trước năm bắt đầu 2020. Ví dụ đúng: to: 2020',
    ]);
  });

  it('suggests the nearest province names for a typo', () => {
    expect(messages(withField({ province: 'Tien Giag' }))).toEqual([
      'province: không có tỉnh nào tên "Tien Giag"; có phải "Tiền Giang" hoặc "Kiên Giang"? Ví dụ đúng: province: "Tiền Giang"',
    ]);
  });

  it('rejects a province that no longer existed on the issue date', () => {
    expect(messages(withField({ issuedOn: '2026-03-01', period: { from: 2026, to: 2026 } }))).toEqual([
      'province: Tiền Giang đã sáp nhập vào Đồng Tháp từ 12/06/2025, nên không còn vào ngày 01/03/2026; hãy ghi "Đồng Tháp". Ví dụ đúng: province: "Tiền Giang"',
    ]);
  });

  it('requires issuedOn when the unit changed during the first year', () => {
    const input = { ...(without('issuedOn') as object), period: { from: 2025, to: 2025 } };
    expect(messages(input)).toEqual([
      'province: Tiền Giang (nay thuộc Đồng Tháp) thay đổi trong năm 2025, nên cần ghi issuedOn (ngày ban hành) để biết đúng đơn vị. Ví dụ đúng: province: "Tiền Giang"',
    ]);
  });

  it('rejects a district-level issuer after the district level was abolished', () => {
    const input = withField({
      issuer: { name: 'UBND huyện Quế Sơn', level: 'huyen' },
      province: 'Đà Nẵng',
      issuedOn: '15/07/2025',
      period: { from: 2025, to: 2025 },
    });
    expect(messages(input)).toEqual([
      'issuer.level: cấp huyện không còn từ 01/07/2025, nhưng văn bản ban hành ngày 15/07/2025; hãy chọn cấp xa hoặc tinh. Ví dụ đúng: level: so-nganh',
    ]);
  });

  it('rejects a summary over 400 characters, counting Vietnamese letters as one', () => {
    const summary = 'ặ'.repeat(401);
    expect(messages(withField({ summary }))).toEqual([
      expect.stringMatching(/^summary: dài 401 ký tự, vượt quá 400 ký tự cho phép\. Ví dụ đúng: summary: /),
    ]);
  });

  it('names an unknown field and the field it probably meant', () => {
    expect(messages(withField({ isuedOn: '22/01/2020' }))).toEqual([
      'isuedOn: trường "isuedOn" không có trong mẫu nhập liệu; có phải "issuedOn"?',
    ]);
  });

  it('rejects a source URL that is not http(s)', () => {
    const [msg] = messages(withField({ source: { publisher: 'X', url: 'ftp://example.org/a' } }));
    expect(msg).toMatch(/^source\.url: "ftp:\/\/example\.org\/a" không phải địa chỉ http\(s\) hợp lệ\./);
  });

  it('reports every problem of an entry at once', () => {
    const input = withField({ documentType: 'kh', issuedOn: '31/02/2020', province: 'Tien Giag', period: { from: 2020, to: 2019 } });
    const fields = messages(input).map((m) => m.split(':')[0]);
    expect(fields.sort()).toEqual(['documentType', 'issuedOn', 'period.to', 'province']);
  });
});
