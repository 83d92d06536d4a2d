/**
 * The issuing body, its level, its province (as named on the issue date) and
 * district. The letterhead decides when it can; the signing authority, the
 * sentence "… ban hành Kế hoạch …", a site's facts table, the text's own
 * mentions and the page's address fill in only what it leaves open, and a
 * value that rests on them alone is marked uncertain.
 */
import { DISTRICTS_ABOLISHED } from '../../data/provinces.ts';
import type { IssuerLevel } from '../../data/taxonomy.ts';
import { formatDate } from '../../lib/dates.ts';
import { PROVINCE_UNITS, resolveProvince, type ProvinceUnit } from '../../lib/provinces.ts';
import { fold } from '../../lib/text/fold.ts';
import { placeTones } from '../../lib/text/tone.ts';
import { organCase } from './casing.ts';
import type { Letterhead } from './letterhead.ts';
import { ORGAN_START, type PlanSentence } from './news.ts';
import type { HostFacts } from './source.ts';
import type { Found, Line, Missing } from './types.ts';

const PEOPLES_COMMITTEE = /^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\b/;
const UNIT = /\b(tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)(?:\s+(.+))?$/;

/** Province names after "tỉnh", "thành phố" or "TP" in a text, longest first. */
const PROVINCE_WORDS = [...new Set(PROVINCE_UNITS.map((u) => fold(u.fullName.replace(/^(?:Tỉnh|Thành phố)\s+/u, ''))))].sort((a, b) => b.length - a.length);
const NAMED = new RegExp(`\\b(?:tinh|thanh pho|tp\\.?)\\s+(${PROVINCE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g');

/** A unit valid on `date`, or any unit of that name when there is no date. */
function unitOn(name: string, date: string | undefined): ProvinceUnit | undefined {
  if (!date) return PROVINCE_UNITS.find((u) => fold(u.fullName).endsWith(fold(name)) && !u.validTo) ?? PROVINCE_UNITS.find((u) => fold(u.fullName).endsWith(fold(name)));
  const r = resolveProvince(name, date);
  return r.ok ? r.unit : undefined;
}

/** Provinces a text names with their prefix ("tỉnh Tuyên Quang", "TP. Hồ Chí Minh"). */
export function provincesMentioned(lines: Line[], date: string | undefined): Map<string, { unit: ProvinceUnit; line: Line; count: number }> {
  const found = new Map<string, { unit: ProvinceUnit; line: Line; count: number }>();
  for (const line of lines) {
    for (const m of fold(line.text).matchAll(NAMED)) {
      const unit = unitOn(m[1], date);
      if (!unit) continue;
      const seen = found.get(unit.id);
      if (seen) seen.count++;
      else found.set(unit.id, { unit, line, count: 1 });
    }
  }
  return found;
}

/** "Phó Chủ tịch UBND tỉnh X" → "UBND tỉnh X"; "Bộ trưởng Bộ Y" → "Bộ Y". */
function withoutOffice(name: string): string {
  const office = /^(?:(?:phó\s+)?chủ tịch|bộ trưởng|giám đốc|trưởng ban|chánh văn phòng)\s+/iu.exec(name);
  const body = name.slice(office?.[0].length ?? 0).trim();
  return office ? withoutPerson(body) : body;
}

/**
 * "Phó Chủ tịch UBND tỉnh Lâm Hải Giang": after an office, the words that
 * follow "tỉnh" may be the officer's name, not the province. Only a province
 * the table knows is kept ("UBND tỉnh Gia Lai Nguyễn Văn A" → "UBND tỉnh Gia
 * Lai"); any other words are dropped, leaving "UBND tỉnh" to be completed from
 * the rest of the text.
 */
function withoutPerson(body: string): string {
  const m = /^((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố))\s+(.+)$/u.exec(body);
  if (!m) return body;
  const words = m[2].split(/\s+/);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    if (PROVINCE_WORDS.includes(fold(head))) return `${m[1]} ${head}`;
  }
  return m[1];
}

/** A letterhead block of two bodies ("UBND TỈNH X / SỞ Y") as parent and own. */
function splitBlock(block: string): { parent?: string; own: string } {
  const organ = new RegExp(ORGAN_START.source, 'giu');
  let cut = 0;
  for (const m of block.matchAll(organ)) {
    const prev = fold(block.slice(0, m.index).trim().split(/\s+/).at(-1) ?? '');
    if (m.index > 0 && !['phong', 'tich', 'doc', 'truong'].includes(prev)) cut = m.index;
  }
  return cut ? { parent: block.slice(0, cut).trim(), own: block.slice(cut).trim() } : { own: block };
}

/**
 * "thành phố X" is a province only when X is a centrally run city; "thành phố
 * Hưng Yên" in tỉnh Hưng Yên is the provincial city, a district-level body.
 */
function isCentralCity(name: string, province: ProvinceUnit | undefined): boolean {
  const units = province ? [province] : PROVINCE_UNITS.filter((u) => fold(u.fullName).endsWith(` ${name}`));
  return units.some((u) => fold(u.fullName) === `thanh pho ${name}`);
}

export function levelOf(name: string, province?: ProvinceUnit): IssuerLevel | undefined {
  const f = fold(name);
  if (/^(?:chinh phu|thu tuong|bo\s|van phong chinh phu)/.test(f) || /^ban chi dao.*chinh phu/.test(f)) return 'trung-uong';
  if (/^van phong (?:ubnd|uy ban|hdnd|hoi dong)/.test(f)) return 'so-nganh';
  const unit = UNIT.exec(f);
  if (PEOPLES_COMMITTEE.test(f)) {
    if (!unit) return undefined;
    if (unit[1] === 'tinh') return 'tinh';
    if (/^(?:thanh pho|tp)/.test(unit[1])) {
      if (!unit[2]) return 'tinh';
      return isCentralCity(unit[2].trim(), province) ? 'tinh' : 'huyen';
    }
    return ['huyen', 'quan', 'thi xa'].includes(unit[1]) ? 'huyen' : 'xa';
  }
  if (/^phong\s/.test(f) && unit && ['huyen', 'quan', 'thi xa', 'thanh pho'].includes(unit[1])) return 'huyen';
  if (/^(?:so|ban|thanh tra|chi cuc|van phong)\s/.test(f)) return 'so-nganh';
  return undefined;
}

export interface IssuerContext {
  lines: Line[];
  letterhead?: Letterhead;
  sentence?: PlanSentence;
  host?: HostFacts;
  date?: string;
}

export interface IssuerResult {
  name?: Found<string>;
  level?: Found<IssuerLevel>;
  province?: Found<string>;
  district?: Found<string>;
  missing: Missing[];
}

interface Candidate {
  name: string;
  line: Line;
  uncertain?: boolean;
}

function candidates(ctx: IssuerContext): { primary?: Candidate; parent?: Candidate; others: Candidate[] } {
  const lh = ctx.letterhead;
  const others: Candidate[] = [];
  if (lh?.authority) others.push({ name: organCase(withoutOffice(lh.authority.text)), line: lh.authority.line });
  if (ctx.sentence?.issuer) others.push({ name: withoutOffice(ctx.sentence.issuer), line: ctx.sentence.line });
  const block = lh?.issuerBlock && ORGAN_START.test(organCase(lh.issuerBlock.text)) ? splitBlock(lh.issuerBlock.text) : undefined;
  if (block) {
    return {
      primary: { name: organCase(block.own), line: lh!.issuerBlock!.line },
      parent: block.parent ? { name: organCase(block.parent), line: lh!.issuerBlock!.line } : undefined,
      others,
    };
  }
  return { primary: others[0], others: others.slice(1) };
}

/** The province: named in the issuer's name (or a fuller mention of it), in a facts table, in the text, on the date line or in the address. */
function provinceFor(ctx: IssuerContext, named: Candidate[], level: IssuerLevel | undefined): Found<ProvinceUnit> | undefined {
  if (level === 'trung-uong') return undefined;
  for (const c of named) {
    const m = [...fold(c.name).matchAll(NAMED)][0];
    const unit = m && unitOn(m[1], ctx.date);
    if (unit) return { value: unit, line: c.line.line, from: c.line.text };
  }
  const meta = ctx.letterhead?.meta['Cơ quan ban hành'];
  const metaUnit = meta && /^(?:Tỉnh|Thành phố|TP\.?)\s/u.test(meta.value) ? unitOn(meta.value.replace(/^(?:Tỉnh|Thành phố|TP\.?)\s+/u, ''), ctx.date) : undefined;
  if (metaUnit) return { value: metaUnit, line: meta!.line.line, from: meta!.line.text };
  const mentioned = [...provincesMentioned(ctx.lines, ctx.date).values()];
  const hostUnit = ctx.host?.provinceSlug;
  const agreeing = mentioned.filter((m) => !hostUnit || m.unit.slug === hostUnit);
  if (agreeing.length === 1 && (mentioned.length === 1 || hostUnit)) return { value: agreeing[0].unit, line: agreeing[0].line.line, from: agreeing[0].line.text };
  const place = ctx.letterhead?.date?.place;
  const placeUnit = place && (level === 'tinh' || level === 'so-nganh') ? unitOn(place, ctx.date) : undefined;
  if (placeUnit && mentioned.every((m) => m.unit.id === placeUnit.id)) return { value: placeUnit, line: ctx.letterhead!.date!.line.line, from: ctx.letterhead!.date!.line.text, uncertain: true, note: 'theo địa danh ở dòng ngày tháng' };
  if (hostUnit && mentioned.length === 0 && !ctx.host?.aggregator) {
    const unit = unitOn(PROVINCE_UNITS.find((u) => u.slug === hostUnit)!.fullName, ctx.date);
    if (unit) return { value: unit, line: 0, from: ctx.host!.host, uncertain: true, note: 'theo địa chỉ trang' };
  }
  return undefined;
}

/** "Ủy ban nhân dân" or "UBND tỉnh" with no name: completed from a fuller mention of the same body. */
function completeName(primary: Candidate, others: Candidate[], province: ProvinceUnit | undefined): Candidate {
  const f = fold(primary.name);
  if (!PEOPLES_COMMITTEE.test(f)) return primary;
  const unit = UNIT.exec(f);
  if (unit?.[2]) return primary;
  const fuller = others.find((o) => fold(o.name).startsWith(f.replace(/^ubnd/, 'uy ban nhan dan')) || fold(o.name).replace(/^uy ban nhan dan/, 'ubnd').startsWith(f.replace(/^uy ban nhan dan/, 'ubnd')));
  const named = fuller && UNIT.exec(fold(fuller.name))?.[2] ? fuller : undefined;
  if (named) return { name: `${primary.name.split(/\s+(?:tỉnh|thành phố|TP)\b/u)[0]}${named.name.slice(named.name.search(/\s(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường|thị trấn)\s/u))}`, line: named.line };
  const kind = unit?.[1] ?? (others.some((o) => /^(?:ubnd|uy ban nhan dan)\s+tinh$/.test(fold(o.name))) ? 'tinh' : undefined);
  if (kind === 'tinh' && province) return { name: `${primary.name.replace(/\s+tỉnh$/u, '')} ${province.fullName.replace(/^Tỉnh/, 'tỉnh').replace(/^Thành phố/, 'thành phố')}`, line: primary.line, uncertain: true };
  return primary;
}

const LOCAL_KINDS = ['huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn'];
const NAMED_UNIT = /(?<![\p{L}])(huyện|quận|thị xã|xã|phường|thị trấn)\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/gu;

/**
 * "UBND huyện" with no name, in a text that names one huyện and no other
 * ("UBND huyện Mộc Châu thực hiện kiểm tra …"): that one. Two names, or none,
 * leave the name as it stands.
 */
function completeLocal(chosen: Candidate, lines: Line[]): Candidate {
  const bare = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(huyện|quận|thị xã|xã|phường|thị trấn)$/u.exec(chosen.name);
  if (!bare || !LOCAL_KINDS.includes(bare[1])) return chosen;
  const names = new Map<string, Line>();
  for (const line of lines) {
    for (const m of line.text.matchAll(NAMED_UNIT)) {
      if (m[1] !== bare[1]) continue;
      const name = placeTones(m[2], 'old');
      if (!names.has(name)) names.set(name, line);
    }
  }
  if (names.size !== 1) return chosen;
  const [[name, line]] = [...names];
  return { name: `${chosen.name} ${name}`, line, uncertain: true };
}

/** Where a body without letterhead speaks of its own territory: "trên địa bàn xã", "UBND phường". */
const OWN_SCOPE = /(?:địa bàn|của|UBND|Ủy ban nhân dân|chính quyền)\s+(xã|phường|thị trấn|huyện|quận|thị xã)(?![\p{L}])(?!\s+[\p{Lu}])/gu;

/** The level of a text with no issuer named, when it speaks of one kind of territory as its own. */
function scopeLevel(lines: Line[]): Found<IssuerLevel> | undefined {
  const kinds = new Map<IssuerLevel, Line>();
  for (const line of lines) {
    for (const m of line.text.matchAll(OWN_SCOPE)) {
      const level: IssuerLevel = ['xã', 'phường', 'thị trấn'].includes(m[1]) ? 'xa' : 'huyen';
      if (!kinds.has(level)) kinds.set(level, line);
    }
  }
  if (kinds.size !== 1) return undefined;
  const [[level, line]] = [...kinds];
  return { value: level, line: line.line, from: line.text, uncertain: true, note: 'văn bản nói về địa bàn của chính nó' };
}

export function resolveIssuer(ctx: IssuerContext): IssuerResult {
  const missing: Missing[] = [];
  const { primary, parent, others } = candidates(ctx);
  if (!primary) {
    missing.push({ field: 'issuer.name', reason: 'văn bản không ghi cơ quan ban hành (không có tiêu đề văn bản, không có câu "… ban hành kế hoạch")' });
    const level = ctx.letterhead ? undefined : scopeLevel(ctx.lines);
    if (!level) missing.push({ field: 'issuer.level', reason: 'không biết cơ quan ban hành nên không biết cấp' });
    missing.push({ field: 'province', reason: 'không biết cơ quan ban hành; chỉ đoán mới ra được tỉnh' });
    return { missing, level };
  }
  const firstLevel = levelOf(primary.name) ?? others.map((o) => levelOf(o.name)).find(Boolean);
  const province = provinceFor(ctx, [primary, ...(parent ? [parent] : []), ...others], firstLevel);
  let chosen = completeLocal(completeName(primary, others, province?.value), ctx.lines);
  if (parent && /^(?:Sở|Ban|Văn phòng|Chi cục|Thanh tra)\s/u.test(chosen.name) && !/\s(?:tỉnh|thành phố)\s/u.test(chosen.name)) {
    const place = /\s((?:tỉnh|thành phố|huyện|quận|thị xã)\s.+)$/u.exec(parent.name)?.[1];
    if (place) chosen = { ...chosen, name: /^Văn phòng$/u.test(chosen.name) ? `Văn phòng UBND ${place}` : `${chosen.name} ${place}` };
  }
  const result: IssuerResult = { missing, name: { value: chosen.name, line: chosen.line.line, from: chosen.line.text, uncertain: chosen.uncertain } };
  const level = levelOf(chosen.name, province?.value) ?? firstLevel;
  if (level === 'huyen' && ctx.date && ctx.date >= DISTRICTS_ABOLISHED) {
    missing.push({ field: 'issuer.level', reason: `cơ quan cấp huyện nhưng ngày ban hành ${formatDate(ctx.date)} sau khi bỏ cấp huyện (${formatDate(DISTRICTS_ABOLISHED)}): hãy xem lại` });
  } else if (level) result.level = { value: level, line: chosen.line.line, from: chosen.line.text, uncertain: chosen.uncertain };
  else missing.push({ field: 'issuer.level', reason: `không xác định được cấp của "${chosen.name}"` });
  if (province && level !== 'trung-uong') result.province = { ...province, value: province.value.name };
  else if (level !== 'trung-uong') missing.push({ field: 'province', reason: 'văn bản không nêu tỉnh, chỉ đoán mới ra được' });
  if (level === 'huyen') {
    const district = /\s(?:huyện|quận|thị xã|thành phố)\s+(.+)$/u.exec(chosen.name)?.[1];
    if (district) result.district = { value: district, line: chosen.line.line, from: chosen.line.text };
  }
  return result;
}
