/**
 * One synthetic plan entry: frontmatter that passes planSchema and a body of
 * 400 to 1,500 words (body.ts). Entry i depends only on (seed, i, attempt,
 * boilerplate), so any slice of a large archive can be generated on its own.
 */
import { DISTRICTS_ABOLISHED, MERGER_DATE } from '../../data/provinces.ts';
import { DOCUMENT_TYPES, INDICES, REFORM_AREAS, keysOf, type DocumentType, type IssuerLevel } from '../../data/taxonomy.ts';
import { formatDate } from '../../lib/dates.ts';
import { docNumberKey } from '../../lib/docnumber.ts';
import { issuerKey } from '../../lib/issuer.ts';
import { PROVINCE_UNITS, type ProvinceUnit } from '../../lib/provinces.ts';
import { slugify } from '../../lib/text/slug.ts';
import type { ToneStyle } from '../../lib/text/tone.ts';
import { COMMUNES, DISTRICTS } from './places.ts';
import { programmeOn } from './boilerplate.ts';
import { composeBody, MAX_WORDS, MIN_WORDS } from './body.ts';
import { FOCUS, SUMMARY, TITLES } from './phrases.ts';
import { hash32, Rng } from './rng.ts';
import { compile, render, type Slots } from './template.ts';

/** The earliest issue date: the archive starts with the 2011–2020 master programme. */
export const EARLIEST = '2011-01-01';
/**
 * The latest issue date. Fixed rather than "today", so that a seed gives the
 * same archive on every day; it is already in the past, so no date is future.
 */
export const LATEST = '2026-10-31';

export { MAX_WORDS, MIN_WORDS };

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const dayBefore = (iso: string) => fromDay(toDay(iso) - 1);

/** What generation produces for one entry. */
export interface GeneratedPlan {
  slug: string;
  /** Frontmatter, in the order of the field table (docs/interfaces.md §1). */
  data: Record<string, unknown>;
  body: string;
  /** The key the archive's duplicate rule compares (number, issuer, date), or '' without a number. */
  identity: string;
}

// ---------------------------------------------------------------- issuers

interface Body {
  name: string;
  /** The code in document numbers: TTg, CP, BNV, SNV, SKH&CN. */
  code: string;
  types: readonly DocumentType[];
  from?: string;
  to?: string;
}

const ALL_TYPES = keysOf(DOCUMENT_TYPES);
const PLAN_TYPES: DocumentType[] = ['ke-hoach', 'ke-hoach', 'ke-hoach', 'quyet-dinh', 'chuong-trinh', 'cong-van', 'bao-cao'];
/** Ministries merged on 1/3/2025 under the 2025 government reorganisation. */
const MINISTRY_MERGE = '2025-03-01';

const CENTRAL: readonly Body[] = [
  { name: 'Chính phủ', code: 'CP', types: ['nghi-quyet'] },
  { name: 'Thủ tướng Chính phủ', code: 'TTg', types: ['quyet-dinh', 'quyet-dinh', 'chi-thi'] },
  { name: 'Bộ Nội vụ', code: 'BNV', types: PLAN_TYPES },
  { name: 'Bộ Tư pháp', code: 'BTP', types: PLAN_TYPES },
  { name: 'Bộ Khoa học và Công nghệ', code: 'BKHCN', types: PLAN_TYPES },
  { name: 'Bộ Tài chính', code: 'BTC', types: PLAN_TYPES },
  { name: 'Văn phòng Chính phủ', code: 'VPCP', types: ['ke-hoach', 'cong-van', 'bao-cao'] },
  { name: 'Bộ Thông tin và Truyền thông', code: 'BTTTT', types: PLAN_TYPES, to: dayBefore(MINISTRY_MERGE) },
  { name: 'Bộ Kế hoạch và Đầu tư', code: 'BKHĐT', types: PLAN_TYPES, to: dayBefore(MINISTRY_MERGE) },
];

const DEPARTMENTS: readonly Body[] = [
  { name: 'Sở Nội vụ', code: 'SNV', types: PLAN_TYPES },
  { name: 'Sở Tư pháp', code: 'STP', types: PLAN_TYPES },
  { name: 'Sở Tài chính', code: 'STC', types: PLAN_TYPES },
  { name: 'Sở Khoa học và Công nghệ', code: 'SKH&CN', types: PLAN_TYPES },
  { name: 'Sở Y tế', code: 'SYT', types: PLAN_TYPES },
  { name: 'Sở Giáo dục và Đào tạo', code: 'SGDĐT', types: PLAN_TYPES },
  { name: 'Sở Công Thương', code: 'SCT', types: PLAN_TYPES },
  { name: 'Sở Xây dựng', code: 'SXD', types: PLAN_TYPES },
  { name: 'Sở Kế hoạch và Đầu tư', code: 'SKHĐT', types: PLAN_TYPES, to: dayBefore(MINISTRY_MERGE) },
  { name: 'Sở Thông tin và Truyền thông', code: 'STTTT', types: PLAN_TYPES, to: dayBefore(MINISTRY_MERGE) },
  { name: 'Sở Nông nghiệp và Phát triển nông thôn', code: 'SNN&PTNT', types: PLAN_TYPES, to: dayBefore(MINISTRY_MERGE) },
  { name: 'Sở Nông nghiệp và Môi trường', code: 'SNNMT', types: PLAN_TYPES, from: MINISTRY_MERGE },
];

/** Well-known central documents plans cite, with their dates and subjects. */
const CENTRAL_BASES: ReadonlyArray<readonly [number: string, issuedOn: string, issuer: string, about: string]> = [
  ['30c/NQ-CP', '2011-11-08', 'Chính phủ', 'ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011-2020'],
  ['108/2014/NĐ-CP', '2014-11-20', 'Chính phủ', 'về chính sách tinh giản biên chế'],
  ['39-NQ/TW', '2015-04-17', 'Bộ Chính trị', 'về tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức'],
  ['225/QĐ-TTg', '2016-02-04', 'Thủ tướng Chính phủ', 'phê duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016-2020'],
  ['18-NQ/TW', '2017-10-25', 'Ban Chấp hành Trung ương', 'về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả'],
  ['61/2018/NĐ-CP', '2018-04-23', 'Chính phủ', 'về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính'],
  ['17/NQ-CP', '2019-03-07', 'Chính phủ', 'về phát triển Chính phủ điện tử giai đoạn 2019-2020, định hướng đến 2025'],
  ['45/2020/NĐ-CP', '2020-04-08', 'Chính phủ', 'về thực hiện thủ tục hành chính trên môi trường điện tử'],
  ['749/QĐ-TTg', '2020-06-03', 'Thủ tướng Chính phủ', 'phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030'],
  ['76/NQ-CP', '2021-07-15', 'Chính phủ', 'ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030'],
  ['107/2021/NĐ-CP', '2021-12-06', 'Chính phủ', 'sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP'],
  ['06/QĐ-TTg', '2022-01-06', 'Thủ tướng Chính phủ', 'phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)'],
];

/** "Nghị quyết" for 30c/NQ-CP, "Nghị định" for 61/2018/NĐ-CP. */
function kindOf(number: string): string {
  if (/NĐ-/.test(number)) return 'Nghị định';
  if (/NQ/.test(number)) return 'Nghị quyết';
  if (/QĐ-/.test(number)) return 'Quyết định';
  return 'Văn bản';
}

const TAGS = ['một cửa', 'PAR Index', 'SIPAS', 'chuyển đổi số', 'tinh giản biên chế', 'kế hoạch CCHC năm', 'dịch vụ công trực tuyến', 'CBCCVC', 'Đề án 06', 'kiểm soát TTHC'];
const AREAS = keysOf(REFORM_AREAS);
const INDEX_KEYS = keysOf(INDICES);

// Every unit, in table order: one plan in four walks this list so that a
// modest archive already has every province before and after 2025.
const UNITS = PROVINCE_UNITS;

function validRange(unit: ProvinceUnit | undefined, level: IssuerLevel): [string, string] | undefined {
  let from = EARLIEST;
  let to = LATEST;
  if (unit?.validFrom && unit.validFrom > from) from = unit.validFrom;
  if (unit?.validTo && unit.validTo < to) to = unit.validTo;
  if (level === 'huyen' && to >= DISTRICTS_ABOLISHED) to = dayBefore(DISTRICTS_ABOLISHED);
  return from <= to ? [from, to] : undefined;
}

function districtsOf(unit: ProvinceUnit): readonly string[] {
  if (unit.validFrom === MERGER_DATE) {
    // A merged province between 12/6 and 30/6/2025 still had its old districts.
    return UNITS.filter((u) => u.nowId === unit.id && u.validTo).flatMap((u) => DISTRICTS[u.code] ?? []);
  }
  return DISTRICTS[unit.code] ?? [];
}

/** "tỉnh Tiền Giang", "thành phố Hà Nội", "Thành phố Hồ Chí Minh" in running text. */
function provincePhrase(unit: ProvinceUnit): string {
  return unit.fullName.replace(/^Tỉnh /, 'tỉnh ').replace(/^Thành phố /, 'thành phố ');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function documentNumber(rng: Rng, type: DocumentType, code: string, year: number, isHdnd: boolean): string {
  const n = rng.weighted([
    [rng.int(1, 99), 3],
    [rng.int(100, 999), 4],
    [rng.int(1000, 5999), 3],
  ]);
  const abbr = DOCUMENT_TYPES[type].abbr;
  switch (type) {
    case 'cong-van':
      return `${n}/${code}-${rng.pick(['CCHC', 'KSTT', 'TCCB', 'VP', 'NC'])}`;
    case 'nghi-quyet':
      if (isHdnd) return rng.chance(0.5) ? `${n}/${year}/NQ-HĐND` : `${n}/NQ-HĐND`;
      return `${n}/NQ-${code}`;
    case 'quyet-dinh':
      return rng.chance(0.1) ? `${n}/${year}/QĐ-${code}` : `${n}/QĐ-${code}`;
    case 'khac':
      return `${n}/TB-${code}`;
    default:
      return `${n}/${abbr}-${code}`;
  }
}

const SUMMARY_T = SUMMARY.map(compile);
const TITLES_T = TITLES.map(([t, area]) => ({ t: compile(t), area }));

// ---------------------------------------------------------------- entry

/** Who issued a plan, where and when. */
interface Issuer {
  unit?: ProvinceUnit;
  level: IssuerLevel;
  district?: string;
  issuedDay: number;
  issuedOn: string;
  year: number;
  /** The source gives no date. */
  noDate: boolean;
  name: string;
  short: string;
  place: string;
  parent: string;
  /** The code in document numbers. */
  code: string;
  types: readonly DocumentType[];
  isHdnd: boolean;
}

/** Where and when: a quarter of the entries walk the unit table. */
function pickWhere(rng: Rng, index: number) {
  let unit: ProvinceUnit | undefined = index % 4 === 0 ? UNITS[(index / 4) % UNITS.length] : undefined;
  let level: IssuerLevel = unit
    ? rng.weighted([['tinh', 4], ['so-nganh', 4], ['huyen', 2], ['xa', 2]] as const)
    : rng.weighted([['trung-uong', 1], ['tinh', 3], ['so-nganh', 3], ['huyen', 2], ['xa', 2]] as const);
  if (level !== 'trung-uong' && !unit) unit = rng.pick(UNITS);
  let range = validRange(unit, level);
  if (!range) {
    level = 'tinh';
    range = validRange(unit, level)!;
  }
  const districts = unit && level === 'huyen' ? districtsOf(unit) : [];
  if (level === 'huyen' && districts.length === 0) level = 'tinh';
  const issuedDay = rng.int(toDay(range[0]), toDay(range[1]));
  const issuedOn = fromDay(issuedDay);
  const year = Number(issuedOn.slice(0, 4));
  // Some sources give no date; that is only valid where the unit is the same all year.
  const noDate = !!unit && !unit.validFrom && year <= 2024 && rng.chance(0.05);
  return { unit, level, districts, issuedDay, issuedOn, year, noDate };
}

function pickIssuer(rng: Rng, index: number): Issuer {
  const { districts, ...where } = pickWhere(rng, index);
  const { unit, level, issuedOn } = where;
  const ubnd = () => rng.weighted([['UBND', 6], ['Ủy ban nhân dân', 3], ['Uỷ ban nhân dân', 1]] as const);
  const inForce = (b: Body) => (!b.from || b.from <= issuedOn) && (!b.to || issuedOn <= b.to);
  if (level === 'trung-uong') {
    const body = rng.pick(CENTRAL.filter(inForce));
    return { ...where, name: body.name, short: body.name, place: 'cả nước', parent: 'Chính phủ', code: body.code, types: body.types, isHdnd: false };
  }
  const prov = provincePhrase(unit!);
  const local = { ...where, parent: `UBND ${prov}`, types: PLAN_TYPES, isHdnd: false };
  if (level === 'tinh') {
    const isHdnd = rng.chance(0.1);
    const name = isHdnd ? `Hội đồng nhân dân ${prov}` : `${ubnd()} ${prov}`;
    const types: readonly DocumentType[] = isHdnd ? ['nghi-quyet'] : PLAN_TYPES;
    return { ...local, name, short: isHdnd ? `HĐND ${prov}` : `UBND ${prov}`, place: prov, code: isHdnd ? 'HĐND' : 'UBND', types, isHdnd };
  }
  if (level === 'so-nganh') {
    const dept = rng.pick(DEPARTMENTS.filter(inForce));
    return { ...local, name: `${dept.name} ${prov}`, short: `${dept.name} ${prov}`, place: prov, code: dept.code };
  }
  if (level === 'huyen') {
    const district = rng.pick(districts);
    const kind = rng.weighted([['huyện', 8], ['thị xã', 1], ['thành phố', 1]] as const);
    return { ...local, district, name: `${ubnd()} ${kind} ${district}`, short: `UBND ${kind} ${district}`, place: `${kind} ${district}, ${prov}`, code: 'UBND' };
  }
  const kinds = issuedOn < DISTRICTS_ABOLISHED ? (['xã', 'phường', 'thị trấn'] as const) : (['xã', 'phường'] as const);
  const commune = `${rng.pick(kinds)} ${rng.pick(COMMUNES)}`;
  return { ...local, name: `${ubnd()} ${commune}`, short: `UBND ${commune}`, place: `${commune}, ${prov}`, code: 'UBND' };
}

/**
 * Legal bases: central documents older than the plan, and the province's
 * yearly plan. The body's "Căn cứ" section names the same documents.
 */
function pickBases(rng: Rng, who: Issuer, baseNumber: string): { legalBases: unknown[]; baseLines: string[] } {
  const legalBases: unknown[] = [];
  const baseLines: string[] = [];
  for (const [num, date, iss, about] of rng.sample(CENTRAL_BASES.filter(([, d]) => d < who.issuedOn), rng.int(0, 3))) {
    legalBases.push(rng.chance(0.7) ? num : { number: num, issuer: iss, issuedOn: formatDate(date) });
    baseLines.push(`${kindOf(num)} số ${num} ngày ${formatDate(date)} của ${iss} ${about}.`);
  }
  if (who.unit && who.level !== 'tinh' && rng.chance(0.6)) {
    const date = `${who.year - 1}-12-${rng.int(15, 31)}`;
    legalBases.push({ number: baseNumber, issuer: who.parent, issuedOn: formatDate(date) });
    baseLines.push(`Quyết định số ${baseNumber} ngày ${formatDate(date)} của ${who.parent} ban hành kế hoạch CCHC năm ${who.year}.`);
  }
  return { legalBases, baseLines };
}

function pickSource(rng: Rng, who: Issuer, number: string, dateOut: (iso: string) => string): Record<string, unknown> {
  const publishedDay = Math.min(who.issuedDay + rng.int(0, 14), toDay(LATEST));
  const source: Record<string, unknown> = {};
  const site = who.unit ? `${who.unit.slug.replace(/-/g, '')}.gov.vn` : 'chinhphu.vn';
  if (rng.chance(0.6)) source.url = `https://${site}/van-ban/${slugify(number)}`;
  // One draw either way, so that the rest of the plan does not depend on it; an unknown publisher is left out.
  if (rng.chance(0.85)) source.publisher = `Cổng thông tin điện tử ${who.unit ? provincePhrase(who.unit) : 'Chính phủ'}`;
  if (rng.chance(0.2)) source.author = rng.pick(['Bảo Sơn', 'Vũ Lan', 'Minh Đức', 'Thu Hà', 'Đình Nam', 'Hoàng Yến']);
  if (!who.noDate && rng.chance(0.6)) source.publishedOn = dateOut(fromDay(publishedDay));
  if (rng.chance(0.5)) source.retrievedOn = dateOut(fromDay(rng.int(publishedDay, toDay(LATEST))));
  return source;
}

/** `boilerplate`: the body of `npm run gen -- --van-mau` (body.ts). */
export function generatePlan(seed: number, index: number, attempt = 0, boilerplate = false): GeneratedPlan {
  const rng = new Rng(seed, index * 16 + attempt);
  const who = pickIssuer(rng, index);
  const { unit, issuedOn, year, noDate } = who;
  const documentType = rng.chance(0.02) ? rng.pick(ALL_TYPES) : rng.pick(who.types);
  const hasNumber = rng.chance(0.95);
  const number = documentNumber(rng, documentType, who.code, year, who.isHdnd);
  const from = !noDate && issuedOn.slice(5) >= '11-01' && rng.chance(0.5) ? year + 1 : year;
  const to = from + rng.weighted([[0, 12], [2, 3], [4, 4], [9, 1]] as const);
  const period = from === to ? `năm ${from}` : `giai đoạn ${from}-${to}`;

  // Reform areas and indices; the title's theme is always among the areas.
  const title = rng.pick(TITLES_T);
  const areas = new Set(rng.sample(AREAS, rng.int(1, 6)));
  if (title.area) areas.add(title.area as (typeof AREAS)[number]);
  const indices = rng.chance(0.7) ? rng.sample(INDEX_KEYS, rng.int(1, 3)) : [];

  const style = rng.weighted([['old', 11], ['new', 6], ['mixed', 3]] as const);
  const styleOf = (): ToneStyle => (style === 'mixed' ? (rng.chance(0.5) ? 'old' : 'new') : style);
  const docKind = DOCUMENT_TYPES[documentType].label;
  // The province's own yearly plan: many local plans cite the same one, as in reality.
  const baseNumber = `${100 + (hash32(`${unit?.code ?? 'tw'}:${year}`) % 4900)}/QĐ-UBND`;
  const slots: Record<string, string> = {
    issuer: who.name,
    issuerShort: who.short,
    place: who.place,
    parent: who.parent,
    docRef: hasNumber ? `${docKind.toLowerCase()} số ${number}` : docKind.toLowerCase(),
    docRefCap: hasNumber ? `${docKind} số ${number}` : docKind,
    docKindCap: docKind,
    date: noDate ? `năm ${year}` : formatDate(issuedOn),
    period,
    year: String(from),
    prevYear: String(from - 1),
    baseNumber,
    focus: rng.pick(FOCUS),
    indexLabel: indices.length ? indices.map((k) => INDICES[k].label).join(', ') : 'Chỉ số CCHC',
    programme: programmeOn(issuedOn),
  };
  const titleText = render(title.t, styleOf(), slots, rng);
  const summaryParts: string[] = [];
  for (const t of rng.sample(SUMMARY_T, rng.int(1, 3))) {
    const s = render(t, styleOf(), { ...slots, pct: String(rng.int(80, 100)) } as Slots, rng);
    if ([...summaryParts, s].join(' ').length <= 400) summaryParts.push(s);
  }
  const { legalBases, baseLines } = pickBases(rng, who, baseNumber);
  const target = Math.round(rng.weighted([[rng.int(MIN_WORDS, 700), 5], [rng.int(700, 1100), 4], [rng.int(1100, MAX_WORDS), 2]] as const));
  const body = composeBody({ rng, styleOf, slots, target, year, bases: baseLines, boilerplate });

  const dateOut = (iso: string) => (rng.chance(0.8) ? formatDate(iso) : iso);
  const source = pickSource(rng, who, number, dateOut);
  const provinceOut = unit ? rng.weighted([[unit.name, 16], [unit.fullName, 3], [unit.slug, 1]] as const) : undefined;
  const data: Record<string, unknown> = { title: titleText };
  if (hasNumber) data.documentNumber = number;
  data.documentType = documentType;
  if (!noDate) data.issuedOn = dateOut(issuedOn);
  data.issuer = { name: who.name, level: who.level };
  if (provinceOut) data.province = provinceOut;
  if (who.district) data.district = who.district;
  data.period = { from, to };
  data.reformAreas = AREAS.filter((a) => areas.has(a));
  if (indices.length) data.indices = indices;
  if (legalBases.length) data.legalBases = legalBases;
  data.summary = summaryParts.join(' ');
  data.source = source;
  const tags = rng.chance(0.6) ? rng.sample(TAGS, rng.int(1, 3)) : [];
  if (tags.length) data.tags = tags;

  const slug = `${from}-${unit?.slug ?? 'trung-uong'}-${hasNumber ? slugify(number) : 'khong-so'}-${index}`;
  // The archive's duplicate rule (identityKey in src/lib/entries.ts) compares these keys.
  const identity = hasNumber ? [docNumberKey(number), issuerKey(who.name), noDate ? '' : issuedOn].join('|') : '';
  return { slug, data, body, identity };
}
