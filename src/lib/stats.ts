/**
 * The counts behind /thong-ke/: plans per year, per today's province (split by
 * the unit that issued them), per reform area and per issuer level. Pure, so
 * the tests recount the same way from the entries.
 */
import { ISSUER_LEVELS, REFORM_AREAS, keysOf } from '../data/taxonomy.ts';
import { NATIONWIDE, UNKNOWN, type PlanFacts } from './plan-facts.ts';
import { CURRENT_PROVINCES, PROVINCE_UNITS, provinceLabel, type ProvinceUnit } from './provinces.ts';

export interface Count {
  key: string;
  label: string;
  value: number;
}

/** The year a plan belongs to: its issue year, else the first year it covers. */
export function planYear(f: PlanFacts): number {
  return Number(f.sortKey.slice(0, 4));
}

/** Every year from the first to the last, empty years included, so gaps show. */
export function perYear(all: readonly PlanFacts[]): Count[] {
  if (!all.length) return [];
  const counts = new Map<number, number>();
  for (const f of all) counts.set(planYear(f), (counts.get(planYear(f)) ?? 0) + 1);
  const years = [...counts.keys()];
  const out: Count[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) {
    out.push({ key: String(y), label: String(y), value: counts.get(y) ?? 0 });
  }
  return out;
}

/** A plan counts once in each of its areas, so the areas add up to more than the plans. */
export function perArea(all: readonly PlanFacts[]): Count[] {
  return keysOf(REFORM_AREAS).map((a) => ({
    key: a,
    label: REFORM_AREAS[a].label,
    value: all.filter((f) => f.plan.reformAreas.includes(a)).length,
  }));
}

export function perLevel(all: readonly PlanFacts[]): Count[] {
  return keysOf(ISSUER_LEVELS).map((l) => ({
    key: l,
    label: ISSUER_LEVELS[l].label,
    value: all.filter((f) => f.plan.issuer.level === l).length,
  }));
}

export interface ProvinceCount {
  province: ProvinceUnit;
  total: number;
  /** The units that issued them: today's province itself and the former units merged into it. */
  units: Array<{ unit: ProvinceUnit; label: string; value: number }>;
}

export interface ProvinceCounts {
  /** Provinces with at least one plan, most plans first. */
  provinces: ProvinceCount[];
  /** Today's provinces without any plan yet. */
  empty: ProvinceUnit[];
  /** Plans without a province: central bodies, and sources that do not say. */
  others: Count[];
}

const vi = new Intl.Collator('vi');

export function perProvince(all: readonly PlanFacts[]): ProvinceCounts {
  const byUnit = new Map<string, number>();
  let nationwide = 0;
  let unknown = 0;
  for (const f of all) {
    if (f.unit) byUnit.set(f.unit.id, (byUnit.get(f.unit.id) ?? 0) + 1);
    else if (f.plan.issuer.level === 'trung-uong') nationwide++;
    else unknown++;
  }
  const counted = CURRENT_PROVINCES.map((province) => {
    const units = PROVINCE_UNITS.filter((u) => u.nowId === province.id)
      .map((unit) => ({ unit, label: provinceLabel(unit), value: byUnit.get(unit.id) ?? 0 }))
      .filter((u) => u.value > 0)
      // Today's province itself first, then its former units by name.
      .sort((a, b) => Number(b.unit.id === province.id) - Number(a.unit.id === province.id) || vi.compare(a.label, b.label));
    return { province, total: units.reduce((s, u) => s + u.value, 0), units };
  });
  return {
    provinces: counted.filter((c) => c.total > 0).sort((a, b) => b.total - a.total || vi.compare(a.province.name, b.province.name)),
    empty: counted.filter((c) => c.total === 0).map((c) => c.province).sort((a, b) => vi.compare(a.name, b.name)),
    others: [
      { key: 'toan-quoc', label: NATIONWIDE, value: nationwide },
      { key: 'khong-ro', label: UNKNOWN, value: unknown },
    ],
  };
}
