/**
 * What pages, feeds and data files say about a plan, derived once from its
 * frontmatter: the province as issued and today, display texts, sort keys.
 * Pure, so the build and the tests compute it the same way.
 */
import { DOCUMENT_TYPES, ISSUER_LEVELS } from '../data/taxonomy.ts';
import type { Plan } from '../schemas/plan.ts';
import { CARD_UNKNOWN } from './card-labels.ts';
import { formatDate } from './dates.ts';
import { provinceLabel, provinceNow, resolvePlanProvince, type ProvinceUnit } from './provinces.ts';

/** What pages show for a fact the source does not give. */
export const UNKNOWN = CARD_UNKNOWN;
export const NATIONWIDE = 'Toàn quốc';

export interface PlanFacts {
  slug: string;
  plan: Plan;
  /** The provincial unit as it was when the plan was issued. */
  unit?: ProvinceUnit;
  /** The province that unit belongs to today. */
  now?: ProvinceUnit;
  /** "Tiền Giang (nay thuộc Đồng Tháp)", "Toàn quốc" or "Không rõ". */
  provinceText: string;
  /** dd/mm/yyyy, or "Không rõ". */
  dateText: string;
  /** The issue date, or 1 January of the first year covered: lists sort by this. */
  sortKey: string;
  /** Every year the plan covers. */
  years: number[];
  typeLabel: string;
  levelLabel: string;
  periodText: string;
}

export function planFacts(slug: string, plan: Plan): PlanFacts {
  let unit: ProvinceUnit | undefined;
  if (plan.province) {
    const r = resolvePlanProvince(plan.province, plan.issuedOn, plan.period.from);
    if (r.ok) unit = r.unit;
  }
  const now = unit && provinceNow(unit);
  const years: number[] = [];
  for (let y = plan.period.from; y <= plan.period.to; y++) years.push(y);
  return {
    slug,
    plan,
    unit,
    now,
    provinceText: unit ? provinceLabel(unit) : plan.issuer.level === 'trung-uong' ? NATIONWIDE : UNKNOWN,
    dateText: plan.issuedOn ? formatDate(plan.issuedOn) : UNKNOWN,
    sortKey: sortKey(plan),
    years,
    typeLabel: DOCUMENT_TYPES[plan.documentType].label,
    levelLabel: ISSUER_LEVELS[plan.issuer.level].label,
    periodText: plan.period.from === plan.period.to ? String(plan.period.from) : `${plan.period.from}–${plan.period.to}`,
  };
}

/** What a plan sorts by: `issuedOn`, else 1 January of the period's first year (YYYY-MM-DD). */
export function sortKey(plan: { issuedOn?: string; period: { from: number } }): string {
  return plan.issuedOn ?? `${plan.period.from}-01-01`;
}

/**
 * Newest first; ties broken by slug, compared by code point rather than by a
 * locale, so that every build on every machine lists them in the same order.
 */
export function newestFirst(a: { slug: string; sortKey: string }, b: { slug: string; sortKey: string }): number {
  return a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Splits a list into pages of `size`; always at least one (possibly empty) page. */
export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}
