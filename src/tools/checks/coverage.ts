/**
 * How far the archive reaches: provinces, levels, years, kinds of source,
 * the reorganisation of 2025 and the connections between plans. Printed by
 * `npm run check -- --thong-ke`, against the goals the archive set itself
 * (at least 60 real plans from 25 provinces and every level).
 */
import { ISSUER_LEVELS, keysOf, type IssuerLevel } from '../../data/taxonomy.ts';
import { legalBaseCitations } from '../../lib/citations.ts';
import type { PlanFacts } from '../../lib/plan-facts.ts';

/** The day the districts were abolished and the new communes began. */
export const REORGANISED_ON = '2025-07-01';
/** Provincial units that began in 2025 are the merged provinces (their table gives 12/6/2025). */
const MERGED_SINCE = '2025-01-01';

/**
 * Sites that publish the documents themselves. A source elsewhere (a portal's
 * news, a newspaper) is counted as a news item: a guess from the address, which
 * the report says.
 */
const DOCUMENT_SITES = /(?:^|\.)(?:thuvienphapluat\.vn|hethongphapluat\.(?:vn|com)|luatvietnam\.vn|nhansu\.vn|thuviennhadat\.vn|lawnet\.vn|vbpl\.vn|vanban\.chinhphu\.vn|123doc\.net|congbao\.[a-z.]+)$/;

export interface Coverage {
  plans: number;
  /** Provinces as named when the plans were issued. */
  provinces: string[];
  levels: Record<IssuerLevel, number>;
  /** Years plans were issued in (or began, without a date), 2011 onwards. */
  years: number[];
  sources: { documentSites: number; elsewhere: number; none: number };
  beforeReorganisation: number;
  afterReorganisation: number;
  /** Provinces formed by the 2025 mergers that have a plan. */
  mergedProvinces: string[];
  /** Commune plans issued on or after 1/7/2025. */
  newCommunePlans: number;
  /** Issuers with plans from more than one year. */
  issuersOverYears: { issuer: string; years: number[] }[];
  /** Documents cited by more than one plan. */
  sharedBases: number;
}

const yearOf = (f: PlanFacts) => Number(f.sortKey.slice(0, 4));

function sourceKind(url: string | undefined): keyof Coverage['sources'] {
  if (!url) return 'none';
  return DOCUMENT_SITES.test(new URL(url).hostname.replace(/^www\./, '')) ? 'documentSites' : 'elsewhere';
}

export function coverage(all: PlanFacts[]): Coverage {
  const levels = Object.fromEntries(keysOf(ISSUER_LEVELS).map((l) => [l, 0])) as Record<IssuerLevel, number>;
  const sources = { documentSites: 0, elsewhere: 0, none: 0 };
  const issuerYears = new Map<string, Set<number>>();
  const citedBy = new Map<string, number>();
  for (const f of all) {
    levels[f.plan.issuer.level]++;
    sources[sourceKind(f.plan.source.url)]++;
    const issuer = `${f.plan.issuer.name} (${f.unit?.name ?? ''})`;
    issuerYears.set(issuer, (issuerYears.get(issuer) ?? new Set()).add(yearOf(f)));
    for (const key of new Set(legalBaseCitations(f).map((c) => c.key))) citedBy.set(key, (citedBy.get(key) ?? 0) + 1);
  }
  const after = all.filter((f) => f.sortKey >= REORGANISED_ON);
  const sorted = <T extends string | number>(items: Iterable<T>) =>
    [...new Set(items)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'vi')));
  return {
    plans: all.length,
    provinces: sorted(all.flatMap((f) => (f.unit ? [f.unit.name] : []))),
    levels,
    years: sorted(all.map(yearOf).filter((y) => y >= 2011)),
    sources,
    beforeReorganisation: all.length - after.length,
    afterReorganisation: after.length,
    mergedProvinces: sorted(all.flatMap((f) => (f.unit?.validFrom && f.unit.validFrom >= MERGED_SINCE ? [f.unit.name] : []))),
    newCommunePlans: after.filter((f) => f.plan.issuer.level === 'xa').length,
    issuersOverYears: [...issuerYears]
      .filter(([, years]) => years.size > 1)
      .map(([issuer, years]) => ({ issuer: issuer.replace(/ \(\)$/, ''), years: [...years].sort() }))
      .sort((a, b) => (a.issuer < b.issuer ? -1 : 1)),
    sharedBases: [...citedBy.values()].filter((n) => n > 1).length,
  };
}

/** One line a figure, its goal, and ✓ or ✗. */
export function formatCoverage(c: Coverage): string {
  const line = (ok: boolean, text: string) => `${ok ? '✓' : '✗'} ${text}`;
  const level = (l: IssuerLevel) => `${ISSUER_LEVELS[l].label}: ${c.levels[l]}`;
  return [
    `Độ phủ của kho (${c.plans} kế hoạch):`,
    line(c.plans >= 60, `${c.plans} kế hoạch (mục tiêu: ít nhất 60)`),
    line(c.provinces.length >= 25, `${c.provinces.length} tỉnh, thành phố theo tên lúc ban hành (mục tiêu: ít nhất 25): ${c.provinces.join(', ')}`),
    line(
      keysOf(ISSUER_LEVELS).every((l) => c.levels[l] > 0) && (['trung-uong', 'huyen', 'xa'] as const).every((l) => c.levels[l] >= 3),
      `cấp ban hành (mục tiêu: đủ năm cấp, mỗi cấp trung ương, huyện, xã ít nhất 3): ${keysOf(ISSUER_LEVELS).map(level).join('; ')}`,
    ),
    line(c.years.length >= 8, `${c.years.length} năm ban hành từ 2011 (mục tiêu: ít nhất 8): ${c.years.join(', ')}`),
    line(
      c.sources.documentSites > 0 && c.sources.elsewhere > 0,
      `nguồn, đoán theo tên miền: ${c.sources.documentSites} trên trang văn bản pháp luật, ${c.sources.elsewhere} trên cổng thông tin hay báo, ${c.sources.none} không có địa chỉ`,
    ),
    line(c.beforeReorganisation > 0 && c.afterReorganisation > 0, `trước 1/7/2025: ${c.beforeReorganisation}; từ 1/7/2025: ${c.afterReorganisation}`),
    line(c.mergedProvinces.length > 0, `tỉnh mới sau sáp nhập có kế hoạch: ${c.mergedProvinces.join(', ') || 'chưa có'}`),
    line(c.newCommunePlans > 0, `kế hoạch của xã, phường từ 1/7/2025: ${c.newCommunePlans}`),
    line(
      c.issuersOverYears.length >= 2,
      `cơ quan có kế hoạch nhiều năm: ${c.issuersOverYears.length}${c.issuersOverYears.length ? ` (${c.issuersOverYears.map((i) => `${i.issuer}: ${i.years.join(', ')}`).join('; ')})` : ''}`,
    ),
    line(c.sharedBases > 0, `văn bản được nhiều kế hoạch cùng viện dẫn: ${c.sharedBases}`),
  ].join('\n');
}
