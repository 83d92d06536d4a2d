/**
 * Provincial units with validity dates, and resolution of a plan's `province`.
 *
 * A name alone is ambiguous: "Đồng Tháp" in 2020 and "Đồng Tháp" in 2026 are
 * different units (the new one absorbed Tiền Giang). Only the date tells them
 * apart, so every lookup takes one.
 */
import { distance } from 'fastest-levenshtein';
import { HUE_CITY_DATE, MERGER_DATE, PROVINCE_MERGERS } from '../data/provinces.ts';
import { formatDate } from './dates.ts';
import { fold } from './text/fold.ts';
import { slugify } from './text/slug.ts';

export interface ProvinceUnit {
  /** Unique and stable: the name slug, with a suffix for an older unit that shares a name. */
  id: string;
  /** The name's slug; not unique over time. */
  slug: string;
  code: string;
  /** Official name, e.g. "Tỉnh Đồng Tháp". */
  fullName: string;
  /** Short name shown in pages, e.g. "Đồng Tháp", "TP. Hồ Chí Minh". */
  name: string;
  /** First day of existence, inclusive; absent when it predates the archive. */
  validFrom?: string;
  /** Last day of existence, inclusive; absent for today's provinces. */
  validTo?: string;
  /** The id of the province this unit belongs to today. */
  nowId: string;
}

const PREFIX = /^(tinh|thanh pho|tp\.?)\s+/;

function shortName(fullName: string): string {
  const bare = fullName.replace(/^(Tỉnh|Thành phố)\s+/, '');
  // "Hồ Chí Minh" alone reads as the person's name.
  return bare === 'Hồ Chí Minh' ? 'TP. Hồ Chí Minh' : bare;
}

/** Folds a province as an editor may write it: "TP. Hồ Chí Minh", "tinh Tien Giang", "tien-giang". */
export function provinceKey(input: string): string {
  return slugify(fold(input).trim().replace(PREFIX, ''));
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function buildUnits(): ProvinceUnit[] {
  const units: ProvinceUnit[] = [];
  const byNewCode = new Map<string, Array<(typeof PROVINCE_MERGERS)[number]>>();
  for (const row of PROVINCE_MERGERS) {
    byNewCode.set(row[2], [...(byNewCode.get(row[2]) ?? []), row]);
  }
  const lastOld = dayBefore(MERGER_DATE);
  for (const [newCode, rows] of byNewCode) {
    const newFull = rows[0][3];
    const newSlug = provinceKey(newFull);
    const unchanged = rows.length === 1 && rows[0][0] === newCode && rows[0][1] === newFull;
    const isHue = unchanged && newSlug === 'hue';
    // Today's unit: an unchanged province has always existed (Huế only since
    // it became a city); a merged one, since the merger.
    units.push({
      id: newSlug,
      slug: newSlug,
      code: newCode,
      fullName: newFull,
      name: shortName(newFull),
      validFrom: unchanged ? (isHue ? HUE_CITY_DATE : undefined) : MERGER_DATE,
      nowId: newSlug,
    });
    if (isHue) {
      units.push({
        id: 'thua-thien-hue',
        slug: 'thua-thien-hue',
        code: newCode,
        fullName: 'Tỉnh Thừa Thiên Huế',
        name: 'Thừa Thiên Huế',
        validTo: dayBefore(HUE_CITY_DATE),
        nowId: newSlug,
      });
    }
    if (unchanged) continue;
    for (const [oldCode, oldFull] of rows) {
      const slug = provinceKey(oldFull);
      units.push({
        id: slug === newSlug ? `${slug}-truoc-2025` : slug,
        slug,
        code: oldCode,
        fullName: oldFull,
        name: shortName(oldFull),
        validTo: lastOld,
        nowId: newSlug,
      });
    }
  }
  return units;
}

export const PROVINCE_UNITS: readonly ProvinceUnit[] = buildUnits();

const BY_ID = new Map(PROVINCE_UNITS.map((u) => [u.id, u]));

/** Today's 34 provinces. */
export const CURRENT_PROVINCES: readonly ProvinceUnit[] = PROVINCE_UNITS.filter((u) => !u.validTo).sort((a, b) =>
  a.slug.localeCompare(b.slug),
);

export function unitById(id: string): ProvinceUnit | undefined {
  return BY_ID.get(id);
}

/** The province a unit belongs to today. */
export function provinceNow(unit: ProvinceUnit): ProvinceUnit {
  return BY_ID.get(unit.nowId) ?? unit;
}

export function isValidOn(unit: ProvinceUnit, iso: string): boolean {
  return (!unit.validFrom || unit.validFrom <= iso) && (!unit.validTo || iso <= unit.validTo);
}

export type ProvinceResolution =
  | { ok: true; unit: ProvinceUnit; now: ProvinceUnit }
  /** No unit has that name; `suggestions` are the nearest names. */
  | { ok: false; reason: 'unknown'; suggestions: ProvinceUnit[] }
  /** Units of that name exist, but none on that day. */
  | { ok: false; reason: 'not-on-date'; candidates: ProvinceUnit[]; date: string }
  /** No issue date, and the unit changed during the year the plan starts. */
  | { ok: false; reason: 'date-required'; unit: ProvinceUnit; year: number };

/** The nearest unit names to a misspelt one, closest first. */
export function suggestProvinces(input: string, max = 3): ProvinceUnit[] {
  const key = provinceKey(input);
  const seen = new Set<string>();
  return PROVINCE_UNITS.map((u) => ({ u, d: distance(key, u.slug) }))
    .filter(({ d }) => d <= Math.max(2, Math.ceil(key.length / 3)))
    .sort((a, b) => a.d - b.d || a.u.name.localeCompare(b.u.name, 'vi'))
    .filter(({ u }) => !seen.has(u.slug) && seen.add(u.slug))
    .slice(0, max)
    .map(({ u }) => u);
}

/** Resolves a province name or slug to the unit that existed on `date`. */
export function resolveProvince(input: string, date: string): ProvinceResolution {
  const key = provinceKey(input);
  const candidates = PROVINCE_UNITS.filter((u) => u.slug === key || u.id === key);
  if (candidates.length === 0) return { ok: false, reason: 'unknown', suggestions: suggestProvinces(input) };
  const unit = candidates.find((u) => isValidOn(u, date));
  if (!unit) return { ok: false, reason: 'not-on-date', candidates, date };
  return { ok: true, unit, now: provinceNow(unit) };
}

/**
 * Resolves a plan's province on its issue date or, without one, on 1 January of
 * the first year it covers. A unit that changed during that year cannot be told
 * apart without the exact date, so then the date becomes required.
 */
export function resolvePlanProvince(input: string, issuedOn: string | undefined, fromYear: number): ProvinceResolution {
  if (issuedOn) return resolveProvince(input, issuedOn);
  const result = resolveProvince(input, `${fromYear}-01-01`);
  if (!result.ok) return result;
  const yearEnd = `${fromYear}-12-31`;
  if (result.unit.validTo && result.unit.validTo < yearEnd) {
    return { ok: false, reason: 'date-required', unit: result.unit, year: fromYear };
  }
  return result;
}

/**
 * How a unit is named in pages: "Tiền Giang (nay thuộc Đồng Tháp)" for a merged
 * unit, "Đồng Tháp (trước 12/6/2025)" for the old unit that shares today's name,
 * "Thừa Thiên Huế (nay là Huế)" for the renamed one, the plain name otherwise.
 */
export function provinceLabel(unit: ProvinceUnit): string {
  const now = provinceNow(unit);
  if (now.id === unit.id) return unit.name;
  if (now.name === unit.name) return `${unit.name} (trước ${formatDate(MERGER_DATE)})`;
  if (now.validFrom !== MERGER_DATE) return `${unit.name} (nay là ${now.name})`;
  return `${unit.name} (nay thuộc ${now.name})`;
}
