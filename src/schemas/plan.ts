/**
 * The plan entry: the one source of truth for the frontmatter contract
 * (docs/interfaces.md §1). The content collection, the build guard, `npm run check`,
 * `npm run new`, the JSON Schema and the data dictionary all derive from it.
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { DOCUMENT_TYPES, INDICES, ISSUER_LEVELS, REFORM_AREAS, keysOf } from '../data/taxonomy.ts';
import { DISTRICTS_ABOLISHED } from '../data/provinces.ts';
import { formatDate, parseDate, todayInVietnam } from '../lib/dates.ts';
import { provinceLabel, provinceNow, resolvePlanProvince } from '../lib/provinces.ts';
import { nfc } from '../lib/text/fold.ts';
import { FIELD_META, type FieldPath } from './fields.ts';

function meta(path: FieldPath) {
  const { title, description, example } = FIELD_META[path];
  // Examples are written as YAML for editors; JSON Schema wants the value.
  return { title, description, examples: [parseYaml(example) as unknown] };
}

/** A trimmed, NFC, non-empty string. */
const text = () => z.string().trim().min(1).transform(nfc);

/**
 * A calendar date written `2020-01-22` or `22/01/2020` (YAML may hand over an
 * unquoted ISO date as a Date). Output: an ISO string. Impossible and future
 * dates are errors.
 */
export const dateField = () =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    const parsed = parseDate(value);
    if (!parsed.ok) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          parsed.reason === 'format'
            ? `"${parsed.input}" không phải ngày hợp lệ; hãy viết dạng dd/mm/yyyy hoặc yyyy-mm-dd`
            : `ngày "${parsed.input}" không có thật trên lịch`,
      });
      return z.NEVER;
    }
    if (parsed.iso > todayInVietnam()) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `ngày ${formatDate(parsed.iso)} ở tương lai (hôm nay là ${formatDate(todayInVietnam())})`,
      });
      return z.NEVER;
    }
    return parsed.iso;
  });

const year = () => z.number().int().min(1945).max(2100);

/**
 * Who published the source, when the source says. Older entries wrote the
 * literal "Không rõ" for a publisher they did not know: it is still accepted,
 * and read as no publisher, so that nothing downstream shows it as a name.
 */
const publisherField = () =>
  text()
    .transform((name) => (name.toLocaleLowerCase('vi') === 'không rõ' ? undefined : name))
    .optional();

export const legalBaseSchema = z.union([
  text(),
  z.strictObject({
    number: text().meta(meta('legalBases.number')),
    issuer: text().optional().meta(meta('legalBases.issuer')),
    issuedOn: dateField().optional().meta(meta('legalBases.issuedOn')),
  }),
]);

export const planObject = z.strictObject({
  /** The official title (trích yếu), as printed. */
  title: text().meta(meta('title')),
  /** Số ký hiệu exactly as printed, e.g. `44/KH-SKH&CN`. */
  documentNumber: text().optional().meta(meta('documentNumber')),
  /** Kind of document; a decision promulgating a plan is `quyet-dinh`. */
  documentType: z.enum(keysOf(DOCUMENT_TYPES)).meta(meta('documentType')),
  /** Ngày ban hành, when known. */
  issuedOn: dateField().optional().meta(meta('issuedOn')),
  /** The issuing body as named at the time, and its level. */
  issuer: z
    .strictObject({
      name: text().meta(meta('issuer.name')),
      level: z.enum(keysOf(ISSUER_LEVELS)).meta(meta('issuer.level')),
    })
    .meta(meta('issuer')),
  /** The province as it was on `issuedOn`, by name or slug. */
  province: text().optional().meta(meta('province')),
  /** For district-level issuers. */
  district: text().optional().meta(meta('district')),
  /** The years the plan covers. */
  period: z
    .strictObject({ from: year().meta(meta('period.from')), to: year().meta(meta('period.to')) })
    .meta(meta('period')),
  /** At least one reform area. */
  reformAreas: z.array(z.enum(keysOf(REFORM_AREAS))).min(1).meta(meta('reformAreas')),
  /** Indices the plan names. */
  indices: z.array(z.enum(keysOf(INDICES))).optional().meta(meta('indices')),
  /** Documents the plan implements or cites. */
  legalBases: z.array(legalBaseSchema).optional().meta(meta('legalBases')),
  /** 1 to 3 sentences in the editor's own words. */
  summary: text().pipe(z.string().max(400)).meta(meta('summary')),
  /** Where the plan, or the article about it, was published. */
  source: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).optional().meta(meta('source.url')),
      publisher: publisherField().meta(meta('source.publisher')),
      author: text().optional().meta(meta('source.author')),
      publishedOn: dateField().optional().meta(meta('source.publishedOn')),
      retrievedOn: dateField().optional().meta(meta('source.retrievedOn')),
    })
    .meta(meta('source')),
  /** Free keywords. */
  tags: z.array(text()).optional().meta(meta('tags')),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Rules that need several fields at once: period order, province on date,
 * district level. They run even when other fields failed (`when`), so an editor
 * sees every problem in one build, and so read the partly parsed value warily.
 */
export const planSchema = planObject.superRefine(
  (plan, ctx) => {
    const p = plan as Partial<Record<keyof Plan, unknown>> & { period?: { from?: unknown; to?: unknown }; issuer?: { level?: unknown } };
    const from = typeof p.period?.from === 'number' ? p.period.from : undefined;
    const to = typeof p.period?.to === 'number' ? p.period.to : undefined;
    const issuedOn = typeof p.issuedOn === 'string' && ISO_DATE.test(p.issuedOn) ? p.issuedOn : undefined;
    const dateUnusable = p.issuedOn !== undefined && !issuedOn;
    if (from !== undefined && to !== undefined && to < from) {
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'to'],
        input: to,
        message: `năm kết thúc ${to} trước năm bắt đầu ${from}`,
      });
    }
    if (p.issuer?.level === 'huyen' && issuedOn && issuedOn >= DISTRICTS_ABOLISHED) {
      ctx.addIssue({
        code: 'custom',
        path: ['issuer', 'level'],
        input: 'huyen',
        message: `cấp huyện không còn từ ${formatDate(DISTRICTS_ABOLISHED)}, nhưng văn bản ban hành ngày ${formatDate(issuedOn)}; hãy chọn cấp xa hoặc tinh`,
      });
    }
    if (typeof p.province === 'string' && p.province.trim()) {
      // Without a usable date only the name itself can be checked.
      const r = resolvePlanProvince(p.province, issuedOn, from ?? Number(todayInVietnam().slice(0, 4)));
      if (!r.ok && (r.reason === 'unknown' || (!dateUnusable && from !== undefined))) {
        ctx.addIssue({ code: 'custom', path: ['province'], input: p.province, message: provinceMessage(p.province, r) });
      }
    }
  },
  { when: () => true },
);

function provinceMessage(input: string, r: Exclude<ReturnType<typeof resolvePlanProvince>, { ok: true }>): string {
  switch (r.reason) {
    case 'unknown': {
      const names = r.suggestions.map((u) => `"${u.name}"`);
      return `không có tỉnh nào tên "${input}"` + (names.length ? `; có phải ${names.join(' hoặc ')}?` : '');
    }
    case 'not-on-date': {
      const u = r.candidates[0];
      if (u.validTo && r.date > u.validTo) {
        const now = provinceNow(u);
        const what = now.name === u.name ? `được hợp nhất thành tỉnh ${now.name} mới` : `đã sáp nhập vào ${now.name}`;
        return `${u.name} ${what} từ ${formatDate(nextDay(u.validTo))}, nên không còn vào ngày ${formatDate(r.date)}; hãy ghi "${now.name}"`;
      }
      return `${u.name} chỉ có từ ${formatDate(u.validFrom!)}; ngày ${formatDate(r.date)} hãy ghi tên đơn vị lúc đó`;
    }
    case 'date-required':
      return `${provinceLabel(r.unit)} thay đổi trong năm ${r.year}, nên cần ghi issuedOn (ngày ban hành) để biết đúng đơn vị`;
  }
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;
export type LegalBase = z.output<typeof legalBaseSchema>;
