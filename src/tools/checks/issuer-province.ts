/**
 * An issuer that names one province while `province` says another, e.g.
 * "UBND tỉnh Quảng Nam" with province Lạng Sơn: one of the two is a slip,
 * and the plan would be filed under the wrong province.
 */
import { PROVINCE_UNITS, provinceKey, resolvePlanProvince, type ProvinceUnit } from '../../lib/provinces.ts';
import { slugify } from '../../lib/text/slug.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

/** Units below the province: a name after these words is a district or commune ("huyện Quảng Ninh"). */
const LOCAL_UNIT = /-(?:huyen|quan|thi-xa|xa|phuong|thi-tran|dac-khu)$/;
/** "thành phố Huế" may be the provincial city inside the province of the same name. */
const CITY = /-(?:thanh-pho|tp)$/;

export interface NamedProvince {
  unit: ProvinceUnit;
  /** The name follows "thành phố", so it may be a city inside a province. */
  asCity: boolean;
}

// Longest names first, so "thua-thien-hue" is found before "hue" inside it.
const NAMES = [...new Map(PROVINCE_UNITS.map((u) => [u.slug, u])).values()].sort((a, b) => b.slug.length - a.slug.length);

/** The provincial units an issuer's name mentions, leaving out district and commune names. */
export function provincesNamedIn(issuer: string): NamedProvince[] {
  const text = `-${slugify(issuer)}-`;
  const taken: Array<[number, number]> = [];
  const found: NamedProvince[] = [];
  for (const unit of NAMES) {
    const needle = `-${unit.slug}-`;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      const start = at + 1;
      const end = start + unit.slug.length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      const before = text.slice(0, at);
      if (LOCAL_UNIT.test(before)) continue;
      found.push({ unit, asCity: CITY.test(before) });
    }
  }
  return found;
}

function planUnit(province: string, issuedOn: string | undefined, from: number): { slug: string; nowId?: string } {
  const r = resolvePlanProvince(province, issuedOn, from);
  return r.ok ? { slug: r.unit.slug, nowId: r.unit.nowId } : { slug: provinceKey(province) };
}

export const issuerProvinceCheck: Check = {
  id: 'issuer-province',
  title: 'Cơ quan ban hành và tỉnh',
  help:
    'Tên cơ quan ban hành nhắc đến một tỉnh khác với `province`, ví dụ "UBND tỉnh Quảng Nam" nhưng province là Lạng Sơn (lỗi): hãy sửa một trong hai cho đúng văn bản. Khi tên cơ quan có tên tỉnh mà thiếu `province` thì có cảnh báo gợi ý thêm.',
  severity: 'error or warning',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry, plan } of entries) {
      if (!plan) continue;
      const named = provincesNamedIn(plan.issuer.name);
      if (named.length === 0) continue;
      const line = entry.lineOf(['issuer', 'name']);
      const first = named[0].unit;
      if (!plan.province) {
        if (plan.issuer.level === 'trung-uong') continue;
        out.push(
          finding(
            entry,
            line,
            'warning',
            'issuer-province',
            `issuer.name: "${plan.issuer.name}" nhắc đến ${first.name} nhưng chưa ghi province. Nếu đúng là ${first.name}, hãy thêm dòng: province: "${first.name}"`,
          ),
        );
        continue;
      }
      const own = planUnit(plan.province, plan.issuedOn, plan.period.from);
      const agrees = named.some(({ unit, asCity }) => unit.slug === own.slug || (asCity && unit.nowId === own.nowId));
      if (agrees) continue;
      out.push(
        finding(
          entry,
          line,
          'error',
          'issuer-province',
          `issuer.name: "${plan.issuer.name}" nhắc đến ${first.name}, nhưng province là "${plan.province}". Hãy sửa một trong hai cho đúng văn bản; ví dụ đúng: province: "${first.name}"`,
        ),
      );
    }
    return out;
  },
};
