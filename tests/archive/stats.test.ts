/** The counts behind /thong-ke/. */
import { describe, expect, it } from 'vitest';
import { perArea, perLevel, perProvince, perYear, planYear } from '../../src/lib/stats.ts';
import { makeFacts } from './plans.ts';

const plans = [
  makeFacts('tg-2018', { issuedOn: '19/09/2018', period: { from: 2018, to: 2020 }, province: 'Tiền Giang', reformAreas: ['the-che', 'cong-vu'] }),
  makeFacts('dt-2021', { issuedOn: '10/01/2021', period: { from: 2021, to: 2021 }, province: 'Đồng Tháp', reformAreas: ['the-che'] }),
  makeFacts('dt-2026', { issuedOn: '10/01/2026', period: { from: 2026, to: 2026 }, province: 'Đồng Tháp', reformAreas: ['cong-vu'] }),
  makeFacts('khong-ngay', { issuedOn: undefined, period: { from: 2020, to: 2021 }, province: 'Quảng Nam' }),
  makeFacts('bo', { province: undefined, issuer: { name: 'Bộ Nội vụ', level: 'trung-uong' } }),
  makeFacts('khong-ro', { province: undefined }),
];

describe('perYear', () => {
  it('counts each plan once, by issue year or first year, with empty years shown', () => {
    const years = perYear(plans);
    expect(years.map((y) => y.label)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(years.reduce((s, y) => s + y.value, 0)).toBe(plans.length);
    expect(years.find((y) => y.label === '2019')!.value).toBe(0);
    expect(planYear(plans[3])).toBe(2020);
  });
});

describe('perArea and perLevel', () => {
  it('count a plan in each of its areas, and once by level', () => {
    const areas = perArea(plans);
    expect(areas.find((a) => a.key === 'the-che')!.value).toBe(plans.filter((p) => p.plan.reformAreas.includes('the-che')).length);
    expect(perLevel(plans).reduce((s, l) => s + l.value, 0)).toBe(plans.length);
  });
});

describe('perProvince', () => {
  const { provinces, empty, others } = perProvince(plans);

  it('puts former units under today\'s province, today\'s own name first', () => {
    const dongThap = provinces.find((p) => p.province.slug === 'dong-thap')!;
    expect(dongThap.total).toBe(3);
    expect(dongThap.units.map((u) => [u.unit.id, u.value])).toEqual([
      ['dong-thap', 1],
      ['dong-thap-truoc-2025', 1],
      ['tien-giang', 1],
    ]);
    expect(provinces[0]).toBe(dongThap);
  });

  it('counts plans without a province apart, and lists the provinces without plans', () => {
    expect(others.map((o) => o.value)).toEqual([1, 1]);
    expect(provinces.length + empty.length).toBe(34);
    expect(provinces.reduce((s, p) => s + p.total, 0) + others.reduce((s, o) => s + o.value, 0)).toBe(plans.length);
  });
});
