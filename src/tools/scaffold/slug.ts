/**
 * The file name (and URL) of a new entry:
 *
 *   <year>-<province>-<issuer>-<number>
 *
 * - year: the year of `issuedOn`, or `period.from` when the date is unknown;
 * - province: the slug of `province` as it was then (left out when there is
 *   no province, e.g. central bodies);
 * - issuer: the issuer's abbreviation (see `issuerSlug`);
 * - number: the document number in kebab-case with "&" dropped
 *   (44/KH-SKH&CN → 44-kh-skhcn); without a number, up to four key words of
 *   the title (see `titleSlug`).
 *
 * All ASCII kebab-case with đ→d. Examples: 2020-tien-giang-skhcn-44-kh-skhcn,
 * 2020-quang-nam-que-son-82-qd-ubnd, 2020-lang-son-skhcn-tuyen-truyen-cchc,
 * 2020-ubnd-tinh-4003-qd-ubnd. CONTRIBUTING.md states the same rule.
 */
import { ABBREVIATIONS } from '../../data/abbreviations.ts';
import { DOCUMENT_TYPES } from '../../data/taxonomy.ts';
import { docNumberKey } from '../../lib/docnumber.ts';
import { abbreviateOrgans } from '../../lib/issuer.ts';
import { provinceKey, resolvePlanProvince } from '../../lib/provinces.ts';
import { fold, nfc, stripDiacritics } from '../../lib/text/fold.ts';
import { slugify } from '../../lib/text/slug.ts';
import type { Plan } from '../../schemas/plan.ts';

/** What the slug is built from: a validated plan, or the same fields of one. */
export type SlugInput = Pick<Plan, 'title' | 'documentNumber' | 'documentType' | 'issuedOn' | 'issuer' | 'province' | 'district' | 'period'>;

/** Words joining a name that initials leave out: "Khoa học và Công nghệ" → KHCN. */
const CONNECTORS = new Set(['va', 'cua', '&']);
/** Sub-provincial units, whose names identify district and commune bodies. */
const LOCAL_UNIT = /\b(?:huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|dac khu)\s+(.+)$/i;
/**
 * Phrases that CCHC titles abbreviate (cải cách hành chính → CCHC), from the
 * shared table, longest first so "cán bộ, công chức, viên chức" wins over
 * "cán bộ, công chức". Matched without diacritics, like the title.
 */
const TITLE_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = ABBREVIATIONS.flatMap((a) =>
  a.long.map((long) => [stripDiacritics(long), stripDiacritics(a.short[0])] as const),
)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([long, short]) => [new RegExp(`\\b${escapeRegExp(long)}\\b`, 'gi'), short] as const);
/** Where the subject of a title ends: the issuer, the year or the area follow. */
const TITLE_END = /\s+(?:[Cc]ua|nam \d{4}|giai doan|tren dia ban)\b|\s+(?:tai|tinh|thanh pho|huyen|quan|xa)\s+(?=[A-Z])|\s*[(:,;–—]|\s-\s/;
/** Words that say nothing about the subject. */
const FILLER = new Set(['cong', 'tac', 'thuc', 'hien', 've', 'viec']);
const FILLER_PAIRS = /\b(?:cong tac|thuc hien|ve viec|ve)\b/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An abbreviation already: two or more capitals, as in UBND, HĐND, KH&CN. */
const isAbbreviation = (word: string) => /^[A-Z0-9&.-]*[A-Z][A-Z0-9&.-]*[A-Z][A-Z0-9&.-]*$/.test(word);

/**
 * Abbreviates a name: abbreviations stay as they are, a run of three or more
 * ordinary words becomes its initials (Sở Khoa học và Công nghệ → skhcn), a
 * shorter run stays whole (UBND tỉnh → ubnd-tinh).
 */
export function abbreviate(name: string): string {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const words = run.filter((w) => !CONNECTORS.has(fold(w)));
    if (words.length >= 3) parts.push(words.map((w) => w[0]).join(''));
    else parts.push(...run);
    run = [];
  };
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (isAbbreviation(word)) {
      flush();
      parts.push(word.replace(/&/g, ''));
    } else run.push(word);
  }
  flush();
  return slugify(parts.join(' '));
}

/** Removes "tỉnh X", "thành phố X", "TP. X" or a bare "X" from a diacritic-free name. */
function withoutPlace(name: string, place: string): string {
  const bare = stripDiacritics(nfc(place)).replace(/^(?:tinh|thanh pho|tp\.?)\s+/i, '');
  return name
    .replace(new RegExp(`\\s*(?:\\b(?:tinh|thanh pho|tp\\.?)\\s+)?${escapeRegExp(bare)}\\b`, 'i'), '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The province's slug as it was when the plan was issued. */
export function provinceSlug(input: SlugInput): string | undefined {
  if (!input.province) return undefined;
  const r = resolvePlanProvince(input.province, input.issuedOn, input.period.from);
  return r.ok ? r.unit.slug : provinceKey(input.province);
}

/**
 * The issuer's part of the slug. The province is already in the slug, so it is
 * dropped from the name ("Ủy ban nhân dân tỉnh Tiền Giang" → ubnd). A district
 * or commune body is named by its place, with its own abbreviation unless it
 * is the People's Committee ("UBND huyện Quế Sơn" → que-son, "Phòng Nội vụ
 * huyện Quế Sơn" → que-son-pnv).
 */
export function issuerSlug(input: SlugInput): string {
  let name = abbreviateOrgans(input.issuer.name);
  if (input.province) {
    const r = resolvePlanProvince(input.province, input.issuedOn, input.period.from);
    name = withoutPlace(name, r.ok ? r.unit.fullName : input.province);
  }
  if (input.issuer.level === 'huyen' || input.issuer.level === 'xa') {
    const local = LOCAL_UNIT.exec(name);
    const place = input.district ?? local?.[1];
    if (place) {
      const organ = local ? name.slice(0, local.index).trim() : withoutPlace(name, place);
      const organSlug = abbreviate(organ);
      return [slugify(place), organSlug === 'ubnd' ? '' : organSlug].filter(Boolean).join('-');
    }
  }
  return abbreviate(name) || slugify(name);
}

/** 44/KH-SKH&CN → 44-kh-skhcn. */
export function numberSlug(number: string): string {
  return docNumberKey(number).replace(/&/g, '');
}

/**
 * Up to four key words of a title without a number: the document type, the
 * issuer, the year and filler words are dropped and the usual phrases
 * abbreviated. "Kế hoạch tuyên truyền công tác cải cách hành chính của Sở
 * KH&CN năm 2020" → tuyen-truyen-cchc.
 */
export function titleSlug(title: string, documentType: SlugInput['documentType']): string {
  let text = stripDiacritics(nfc(title)).trim();
  for (const { label } of Object.values(DOCUMENT_TYPES)) {
    const bare = stripDiacritics(label);
    if (fold(text).startsWith(`${fold(bare)} `)) text = text.slice(bare.length).trim();
  }
  for (const [pattern, short] of TITLE_ABBREVIATIONS) text = text.replace(pattern, short);
  text = text.split(TITLE_END)[0].replace(FILLER_PAIRS, ' ');
  const words = text.split(/\s+/).filter((w) => w && !FILLER.has(w.toLowerCase()));
  return slugify(words.slice(0, 4).join(' ')) || documentType;
}

function yearOf(input: SlugInput): number {
  return input.issuedOn ? Number(input.issuedOn.slice(0, 4)) : input.period.from;
}

/** The slug of a new entry, by the rule at the top of this file. */
export function planSlug(input: SlugInput): string {
  const parts = [
    String(yearOf(input)),
    provinceSlug(input),
    issuerSlug(input),
    input.documentNumber ? numberSlug(input.documentNumber) : titleSlug(input.title, input.documentType),
  ];
  return slugify(parts.filter(Boolean).join('-'));
}
