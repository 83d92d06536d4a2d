/**
 * What news items and portal pages say in sentences: the headline, the
 * posting stamp ("(21:01 | 17/03/2021)"), the byline ("Tin: …") and the
 * sentence that tells who issued what and when ("Ngày 22/01/2020, Sở … đã
 * ban hành Kế hoạch số 44/KH-SKH&CN về …"). Official documents have the same
 * sentence at the end of their preamble ("…, UBND tỉnh ban hành Kế hoạch …").
 */
import { readDate, type DateRead } from './dates.ts';
import { isCaps, NUMBERED } from './normalise.ts';
import { DOC_NUMBER, cleanNumber, TYPE_WORDS } from './numbers.ts';
import type { Line } from './types.ts';

/** Words a body's name starts with. */
export const ORGAN_START = /(?:(?:Phó\s+)?Chủ tịch\s+|(?:Phó\s+)?Giám đốc\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở|Ban|Văn phòng|Bộ|Chính phủ|Thủ tướng|Phòng|Chi cục|Thanh tra|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Đảng ủy)(?![\p{L}])/u;

export interface PlanSentence {
  issuer?: string;
  date?: DateRead;
  typeWord?: string;
  number?: string;
  /** What follows the type and number, up to the end of the clause: the plan's subject. */
  subject?: string;
  /** "ký Quyết định ban hành Kế hoạch …": the document itself is a decision. */
  byDecision?: boolean;
  verb: string;
  line: Line;
  /** Where the period is read when the subject cannot be: "năm 2020" from an English "in 2020". */
  periodText?: string;
}

/** "ban hành Kế hoạch", "đã ký ban hành Kế hoạch", "đã ký Quyết định ban hành Kế hoạch" (then the plan comes by decision). */
const VERB = new RegExp(String.raw`(?:(?:đã|vừa|mới|cũng)\s+)*(?:ký\s+(?:(quyết định)\s+)?)?(ban hành|phê duyệt|phát động|xây dựng)\s+(các\s+|nhiều\s+)?['"“‘]?(?:(${TYPE_WORDS})(?![\p{L}])|(phong trào))`, 'giu');
const CLAUSE_START = /(?:^|[.;:!?]\s+|\s[-–]\s+|\)\s*[-–]?\s+)(?=\S)/gu;

/** "…, ngày 13/5/2011, UBND huyện …": the date of the act, right before the body that acted. */
const DATE_BEFORE = /(?:^|[\s,])[Nn]gày\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s*$/u;

const ASKS_OTHERS = /\s(?:yêu cầu|đề nghị|chỉ đạo|giao|hướng dẫn|đôn đốc)\s/u;

/** The issuing body named right before a verb, at the start of its clause or after a comma. */
function subjectBefore(text: string, verbAt: number): { issuer?: string; date?: DateRead } {
  let start = 0;
  for (const m of text.slice(0, verbAt).matchAll(CLAUSE_START)) start = m.index + m[0].length;
  const clause = text.slice(start, verbAt);
  let date = /^Ngày\s/u.test(clause) ? readDate(clause.slice(0, 30)) : undefined;
  let issuer: string | undefined;
  const organ = new RegExp(ORGAN_START.source, 'gu');
  for (const m of clause.matchAll(organ)) {
    const before = clause.slice(0, m.index);
    const dated = DATE_BEFORE.exec(before);
    if (m.index === 0 || /,\s*$/.test(before) || dated) {
      issuer = clause.slice(m.index).trim();
      if (dated && !date) date = readDate(dated[1]);
    }
  }
  // "UBND huyện yêu cầu các xã ban hành Kế hoạch": the body asks others to issue; it issues nothing here.
  if (issuer && ASKS_OTHERS.test(issuer)) return {};
  return { issuer: issuer?.replace(/\s+(?:đã|vừa|mới|cũng)$/u, ''), date };
}

/** The clause's rest after the type word: the number, then the subject. */
function planRest(rest: string): Pick<PlanSentence, 'number' | 'subject' | 'byDecision' | 'date'> {
  let text = rest;
  let number: string | undefined;
  const n = new RegExp(String.raw`^\s*(?:số\s+)?(${DOC_NUMBER.source})`, 'u').exec(text);
  if (n) {
    number = cleanNumber(n[1]);
    text = text.slice(n[0].length);
    const dated = /^\s*(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?:\s*\/\s*\d{4})?/u.exec(text);
    if (dated) text = text.slice(dated[0].length);
  }
  // "ban hành Kế hoạch … theo Quyết định số 310/QĐ-UBND ngày 21/02/2012": the decision that carries the plan.
  const clause = text.split(/[.;]\s|[.;]$/u)[0];
  const decision = !number ? new RegExp(String.raw`\s+(?:theo|tại|kèm theo)\s+Quyết định\s+(?:số\s+)?(${DOC_NUMBER.source})`, 'u').exec(clause) : null;
  if (decision) {
    number = cleanNumber(decision[1]);
    const date = readDate(text.slice(decision.index + decision[0].length, decision.index + decision[0].length + 30));
    text = text.slice(0, decision.index);
    return { number, byDecision: true, date: date?.index !== undefined && date.index <= 7 ? date : undefined, subject: subjectOf(text) };
  }
  return { number, subject: subjectOf(text) };
}

function subjectOf(text: string): string | undefined {
  const subject = text
    .replace(/^\s*(?:về việc|về|v\/v)\s+/iu, ' ')
    .split(/[.;]\s|[.;]$|,\s*(?:với|theo|cụ thể|trong đó|nhằm)\b|\s+nhằm\s|\s+với\s+(?:những\s+)?nội dung\b/u)[0]
    .replace(/[,:]\s*$/, '')
    .replace(/^['"“‘]|['"”’]$/gu, '')
    .trim();
  return subject || undefined;
}

/**
 * "Theo kế hoạch cải cách hành chính do UBND tỉnh Lâm Đồng ban hành, …": the
 * body after "do" issued the plan. The words between are a description, not
 * the trích yếu, so no subject (and no title) is taken from them.
 */
const PASSIVE = new RegExp(String.raw`(?<![\p{L}])(${TYPE_WORDS})(?:\s+số\s+(${DOC_NUMBER.source}))?[^.;]{0,120}?\s+do\s+(${ORGAN_START.source}[^.;,]{0,60}?)\s+(?:đã\s+|vừa\s+)?(ban hành|phê duyệt|xây dựng)(?![\p{L}])`, 'giu');

function passiveSentences(line: Line): PlanSentence[] {
  return [...line.text.matchAll(PASSIVE)].map((m) => ({ issuer: m[3].trim(), typeWord: m[1], number: m[2] ? cleanNumber(m[2]) : undefined, verb: m[4].toLowerCase(), line }));
}

/** Every sentence of the form "<body> (đã) ban hành <type> [số N] [về] <subject>", or "<type> … do <body> ban hành". */
export function planSentences(lines: Line[]): PlanSentence[] {
  const out: PlanSentence[] = [];
  for (const line of lines) {
    out.push(...passiveSentences(line));
    for (const m of line.text.matchAll(VERB)) {
      const { issuer, date } = subjectBefore(line.text, m.index);
      // "ban hành các kế hoạch …" lists several plans: none of them is this one.
      const rest = m[3] ? {} : planRest(line.text.slice(m.index + m[0].length));
      out.push({ issuer, date, typeWord: m[4] ?? undefined, ...rest, byDecision: m[1] || rest.byDecision ? true : undefined, verb: m[2].toLowerCase(), line });
    }
  }
  return out;
}

const STAMP_NOISE = /(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|\d{1,2}:\d{2}(?::\d{2})?|\b(?:SA|CH|AM|PM|GMT[+\d]*)\b|[()|,\-\s])/giu;

/** A posting stamp: a short line that is a date, perhaps with a time and a weekday. */
export function isStamp(text: string): boolean {
  if (text.length > 60) return false;
  const read = readDate(text);
  if (!read?.iso) return false;
  return text.replace(read.text, '').replace(STAMP_NOISE, '').length <= 3;
}

const HEAD = 12;

/** The posting stamp of a news item, near its top. */
export function findStamp(lines: Line[]): { iso: string; line: Line } | undefined {
  const line = lines.slice(0, HEAD).find((l) => isStamp(l.text));
  const read = line && readDate(line.text);
  return line && read?.iso ? { iso: read.iso, line } : undefined;
}

const headlineLike = (t: string) => t.length >= 20 && t.length <= 200 && !/[.:;]$/.test(t) && !NUMBERED.test(t) && !isCaps(t) && /\s/.test(t);

/** The headline: the line before the stamp, or after it, or the first that looks like one. */
export function findHeadline(lines: Line[], pageTitle?: string): Line | undefined {
  if (pageTitle) return lines.find((l) => l.text === pageTitle) ?? { text: pageTitle, line: 0 };
  if (lines[0] && NUMBERED.test(lines[0].text)) return undefined;
  const stamp = lines.slice(0, HEAD).findIndex((l) => isStamp(l.text));
  if (stamp !== -1) return [lines[stamp - 1], lines[stamp + 1]].find((l) => l && headlineLike(l.text));
  return lines.slice(0, 4).find((l) => headlineLike(l.text));
}

const BYLINE = /^(?:Tin|Bài|Tin,? ảnh|Tin và ảnh|Bài,? ảnh|Bài và ảnh|Tác giả|Người viết)\s*:\s*(.{2,60})$/u;

/** The author of a news item, from a byline such as "Tin: Mỹ Xuyên". */
export function findAuthor(lines: Line[]): { value: string; line: Line } | undefined {
  for (const line of lines.slice(-15).reverse()) {
    const m = BYLINE.exec(line.text);
    if (m) return { value: m[1].trim(), line };
  }
  return undefined;
}
