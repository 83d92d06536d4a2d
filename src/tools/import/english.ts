/**
 * English news items about a plan, as the English pages of provincial papers
 * and institutes print them: "on December 31, 2019, the People's Committee of
 * An Giang province issued Plan No. 860/KH-UBND on administrative reform in
 * 2020", "announced Plan No. 26/KH-UBND dated August 1, 2025, of the
 * Provincial People's Committee on inspecting … in 2025 in Dong Nai province".
 * Only that sentence is read: the number as printed, the date, a provincial
 * People's Committee (named in Vietnamese from the province table) and the
 * year or period the plan is for. The title is never translated: an English
 * text does not give the Vietnamese trích yếu, so the editor writes it.
 */
import { isoFromParts } from '../../lib/dates.ts';
import { PROVINCE_UNITS, type ProvinceUnit } from '../../lib/provinces.ts';
import { fold } from '../../lib/text/fold.ts';
import type { DateRead } from './dates.ts';
import { DOC_NUMBER, cleanNumber } from './numbers.ts';
import type { PlanSentence } from './news.ts';
import type { Line } from './types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b/u;
const TYPES: Record<string, string> = { plan: 'Kế hoạch', decision: 'Quyết định' };
const PLAN_NO = new RegExp(String.raw`\b(Plan|Decision)\s+No\.?\s*(${DOC_NUMBER.source})`, 'u');
/** "the People’s Committee of An Giang province", "the An Giang Provincial People's Committee". */
const COMMITTEE_OF = /People[’']s Committee of ([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+){0,3}) (?:province|city)/u;
const PROVINCIAL = /\bProvincial People[’']s Committee\b/u;
const IN_PROVINCE = /\b(?:in|of) ([A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+){0,3}) province\b/u;

/** "December 31, 2019" → 2019-12-31. */
export function englishDate(text: string): DateRead | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const iso = isoFromParts(Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2]));
  return iso ? { iso, text: m[0], index: m.index } : { text: m[0], index: m.index, reason: 'impossible' };
}

/** A province written without its marks ("Dong Nai"), as a unit of the table valid in `year`. */
function provinceNamed(name: string, on: string | undefined): ProvinceUnit | undefined {
  const key = fold(name);
  const units = PROVINCE_UNITS.filter((u) => fold(u.fullName.replace(/^(?:Tỉnh|Thành phố)\s+/u, '')) === key);
  if (!on) return units.length === 1 ? units[0] : undefined;
  return units.find((u) => (!u.validFrom || u.validFrom <= on) && (!u.validTo || u.validTo >= on));
}

/** The years "in 2020", "for 2021-2025", "in the 2021-2025 period" right after the plan's subject. */
function yearsOf(rest: string): string | undefined {
  const subject = rest.split(/\s+(?:with|to|aiming|in order)\s|[.;(]/u)[0];
  const range = /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/u.exec(subject);
  if (range) return `giai đoạn ${range[1]}-${range[2]}`;
  const year = /\b(?:in|for)\s+((?:19|20)\d{2})\b/u.exec(subject);
  return year ? `năm ${year[1]}` : undefined;
}

/** The sentence of an English item that names a plan by number, read like a Vietnamese one. */
export function englishPlanSentence(lines: Line[]): (PlanSentence & { periodText?: string }) | undefined {
  for (const line of lines) {
    const m = PLAN_NO.exec(line.text);
    if (!m) continue;
    const number = cleanNumber(m[2]);
    const before = line.text.slice(Math.max(0, m.index - 160), m.index);
    let after = line.text.slice(m.index + m[0].length);
    const dated = /^\s*,?\s*dated\s+/u.exec(after) ? englishDate(after.slice(0, 40)) : undefined;
    if (dated) after = after.slice(after.indexOf(dated.text) + dated.text.length);
    const onDate = /\bon\s+([A-Z][a-z]+\s+\d{1,2},?\s+\d{4}),?\s/u.exec(before);
    const date = dated ?? (onDate ? englishDate(onDate[1]) : undefined);
    const periodText = yearsOf(after.replace(/^\s*,?\s*of the [^,]+?,?\s+(?=on\s)/u, ' ').replace(/^\s*on\s+/u, ' '));
    const named = COMMITTEE_OF.exec(before) ?? (PROVINCIAL.test(after.slice(0, 60)) || PROVINCIAL.test(before) ? IN_PROVINCE.exec(line.text) : null);
    const unit = named ? provinceNamed(named[1], date?.iso) : undefined;
    const issuer = unit ? `UBND ${unit.fullName.replace(/^Tỉnh/u, 'tỉnh').replace(/^Thành phố/u, 'thành phố')}` : undefined;
    return { issuer, date, typeWord: TYPES[m[1].toLowerCase()], number, verb: 'issued', line, periodText };
  }
  return undefined;
}

/** Whether a text reads as English: most of its words carry no Vietnamese marks and English words abound. */
export function looksEnglish(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  const english = words.filter((w) => /^(?:the|of|and|in|on|to|for|with|is|are|was|were)$/iu.test(w)).length;
  return words.length > 0 && english / words.length > 0.08;
}
