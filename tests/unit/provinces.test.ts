import { describe, expect, it } from 'vitest';
import { PROVINCE_MERGERS } from '../../src/data/provinces.ts';
import {
  CURRENT_PROVINCES,
  PROVINCE_UNITS,
  provinceKey,
  provinceLabel,
  resolvePlanProvince,
  resolveProvince,
} from '../../src/lib/provinces.ts';

function resolved(input: string, date: string) {
  const r = resolveProvince(input, date);
  if (!r.ok) throw new Error(`${input} on ${date}: ${r.reason}`);
  return r;
}

describe('province table', () => {
  it('has 34 provinces today and every unit of the 63 before the merger', () => {
    expect(CURRENT_PROVINCES).toHaveLength(34);
    const before = PROVINCE_UNITS.filter((u) => (!u.validTo || u.validTo >= '2025-06-11') && (!u.validFrom || u.validFrom <= '2025-06-11'));
    expect(before).toHaveLength(63);
    expect(new Set(PROVINCE_UNITS.map((u) => u.id)).size).toBe(PROVINCE_UNITS.length);
  });

  it('maps every old unit to the province the reference table gives', () => {
    for (const [, oldName, , newName] of PROVINCE_MERGERS) {
      const r = resolved(oldName, '2025-03-01');
      expect(r.now.fullName).toBe(newName);
    }
  });
});

describe('resolveProvince', () => {
  it('ignores diacritics, tone placement, case and prefixes', () => {
    for (const input of ['Tiền Giang', 'tien giang', 'Tỉnh Tiền Giang', 'tien-giang', 'TIEN GIANG'.normalize('NFD')]) {
      expect(resolved(input, '2020-01-22').unit.id).toBe('tien-giang');
    }
    expect(resolved('Thanh Hoá', '2020-01-01').unit.id).toBe(resolved('Thanh Hóa', '2020-01-01').unit.id);
    expect(resolved('TP. Hồ Chí Minh', '2020-01-01').now.id).toBe('ho-chi-minh');
    expect(resolved('Thành phố Hồ Chí Minh', '2026-01-01').unit.id).toBe('ho-chi-minh');
  });

  it('tells the two Đồng Tháp units apart by date', () => {
    const old = resolved('Đồng Tháp', '2020-01-22');
    const now = resolved('Đồng Tháp', '2026-01-22');
    expect(old.unit.id).not.toBe(now.unit.id);
    expect(old.unit.code).toBe('87');
    expect(now.unit.code).toBe('82');
    expect(old.now.id).toBe(now.unit.id);
    expect(provinceLabel(old.unit)).toBe('Đồng Tháp (trước 12/06/2025)');
    expect(provinceLabel(now.unit)).toBe('Đồng Tháp');
  });

  it('places the merger on 12/6/2025', () => {
    expect(resolved('Tiền Giang', '2025-06-11').unit.id).toBe('tien-giang');
    const after = resolveProvince('Tiền Giang', '2025-06-12');
    expect(after).toMatchObject({ ok: false, reason: 'not-on-date' });
    expect(provinceLabel(resolved('Tiền Giang', '2020-01-01').unit)).toBe('Tiền Giang (nay thuộc Đồng Tháp)');
  });

  it('knows Thừa Thiên Huế became Huế on 1/1/2025', () => {
    expect(resolved('Thừa Thiên Huế', '2024-12-31').now.id).toBe('hue');
    expect(resolveProvince('Thừa Thiên Huế', '2025-01-01')).toMatchObject({ ok: false, reason: 'not-on-date' });
    expect(resolved('Huế', '2025-01-01').unit.id).toBe('hue');
    expect(resolveProvince('Huế', '2020-01-01')).toMatchObject({ ok: false, reason: 'not-on-date' });
    expect(provinceLabel(resolved('Thừa Thiên Huế', '2020-01-01').unit)).toBe('Thừa Thiên Huế (nay là Huế)');
  });

  it('keeps unchanged provinces as one unit across 2025', () => {
    expect(resolved('Lạng Sơn', '2020-04-20').unit).toBe(resolved('Lạng Sơn', '2026-01-01').unit);
    expect(provinceLabel(resolved('Lạng Sơn', '2020-04-20').unit)).toBe('Lạng Sơn');
  });

  it('puts Quảng Nam into Đà Nẵng', () => {
    expect(resolved('Quảng Nam', '2020-01-20').now.name).toBe('Đà Nẵng');
  });

  it('suggests names for an unknown province', () => {
    const r = resolveProvince('Tien Giag', '2020-01-01');
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'unknown') expect(r.suggestions[0].name).toBe('Tiền Giang');
    else throw new Error('expected an unknown-province result');
  });
});

describe('resolvePlanProvince without an issue date', () => {
  it('resolves on 1 January of the first year', () => {
    const r = resolvePlanProvince('Đồng Tháp', undefined, 2020);
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.unit.code).toBe('87');
  });

  it('requires the date when the unit changed during that year', () => {
    expect(resolvePlanProvince('Đồng Tháp', undefined, 2025)).toMatchObject({ ok: false, reason: 'date-required' });
    expect(resolvePlanProvince('Thừa Thiên Huế', undefined, 2024)).toMatchObject({ ok: true });
    expect(resolvePlanProvince('Lạng Sơn', undefined, 2025)).toMatchObject({ ok: true });
  });
});

describe('provinceKey', () => {
  it('folds names to slugs', () => {
    expect(provinceKey('Tỉnh Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(provinceKey('TP. Hồ Chí Minh')).toBe('ho-chi-minh');
    expect(provinceKey('Đắk Lắk')).toBe('dak-lak');
  });
});
