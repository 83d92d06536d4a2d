/**
 * Texts copied from legal-document sites arrive broken into short lines, with
 * stray "|" and rows of dashes left by the page's table layout. This turns
 * them into logical lines: table rows split into their cells, rules dropped,
 * and a sentence broken over several lines joined again. Each logical line
 * keeps the number of the input line it starts on, for the report.
 */
import type { Line } from './types.ts';

/** Letters only in upper case (at least two): a letterhead or title line. */
export function isCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A heading of the body: "I. MỤC TIÊU", "1. Mục đích", "1.1. Hạ tầng", "a) Mục tiêu chung". */
export const NUMBERED = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s+/u;

/** Lines that start a clause of their own, whatever the line before. */
const STARTER = /^(?:Căn cứ|Thực hiện|Theo|Xét|Triển khai|Trên cơ sở|Điều \d|Chương [IVX\d]|QUYẾT ĐỊNH|Số\s*:|Số hiệu|Nơi nhận|[-–+•*]\s|[\p{Lu}][\p{L} .'-]{1,40},\s*ngày\b)/u;
/** Lines that end a clause of their own: the number line of a letterhead. */
const STANDALONE = /^Số\s*:/u;

/** A line ending on a word no clause ends on: the sentence goes on below. */
const OPEN_END = /(?:\s(?:của|về|và|số|ngày|tại|theo|với|cho|ban hành|phê duyệt|giai đoạn|thực hiện|triển khai|năm|tháng|các|những|trên|trong)|[-–,])$/u;

const RULE = /^[\s|\-–—_=.*~•]*$/u;
const TERMINAL = /[.;:!?]["”)]?$/u;

/** Site tables list facts as "label | value" rows: keep them as "label: value". */
const META_LABELS = /^(?:Số hiệu|Số ký hiệu|Ngày ban hành|Ngày có hiệu lực|Loại văn bản|Cơ quan ban hành|Người ký|Lĩnh vực|Nơi ban hành|Tình trạng)$/u;

function splitCells(text: string, line: number): Line[] {
  const cells = text.split('|').map((c) => c.trim()).filter((c) => c && !RULE.test(c));
  if (cells.length === 2 && META_LABELS.test(cells[0])) return [{ text: `${cells[0]}: ${cells[1]}`, line }];
  return cells.map((c) => ({ text: c, line }));
}

/**
 * A page's markup can drop the space between a document code and the next
 * word ("263/KH-UBNDngày 31/12/2024"): a code is in capitals, so lower-case
 * letters glued to it start the next word.
 */
export function unglue(text: string): string {
  return text
    // "Nghị quyết số02/NQ-CP", "Quyết định s225/QĐ-TTg": "số" glued to the number, or cut to "s".
    .replace(/(?<=(?:Quyết định|Nghị quyết|Nghị định|Chỉ thị|Kế hoạch|Thông tư|Công văn)\s+)(?:số|s)(?=\d)/gu, 'số ')
    .replace(/(\d[\p{L}\d]*[/-][\p{Lu}\d&/-]*\p{Lu})(ngày|về|của|năm|tại|và)(?![\p{Ll}])/gu, '$1 $2');
}

/** Input lines → pieces: trimmed, table rows split into cells, rules and blanks dropped. */
export function pieces(text: string): Line[] {
  const out: Line[] = [];
  text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060]/g, '')
    .split('\n')
    .forEach((raw, i) => {
      const t = unglue(raw).replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim();
      if (RULE.test(t)) return;
      const tableRow = t.startsWith('|') || t.endsWith('|') || (t.match(/\|/g)?.length ?? 0) >= 2;
      out.push(...(tableRow ? splitCells(t, i + 1) : [{ text: t, line: i + 1 }]));
    });
  return out;
}

const startsLower = (t: string) => /^[\p{Ll}]/u.test(t);
const startsDigit = (t: string) => /^\d/.test(t) && !NUMBERED.test(t);

/**
 * A text broken by a page's layout: many lines stop mid-sentence and the next
 * goes on in lower case. Clean texts keep their line breaks as paragraphs.
 */
export function isBroken(list: Line[]): boolean {
  let breaks = 0;
  let long = 0;
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i].text;
    if (a.length < 15) continue;
    long++;
    if (!TERMINAL.test(a) && (startsLower(list[i + 1].text) || startsDigit(list[i + 1].text))) breaks++;
  }
  return long > 0 && breaks / long >= 0.15;
}

/** A label left alone on its line by a page's layout: "Số:" with the number below. */
const BARE_LABEL = /^Số\s*(?:hiệu|ký hiệu)?\s*:$/u;
/** The first word(s) of a place name cut off from its date line: "Kon" / "Tum, ngày 08 …". */
const PLACE_HEAD = /^[\p{Lu}][\p{Ll}]*(?:\s[\p{Lu}][\p{Ll}]*)?$/u;
const PLACE_DATE_TAIL = /^[\p{Lu}][\p{L} .'-]{0,40},\s*ngày\b/u;

function joins(prev: string, next: string, broken: boolean): boolean {
  if (BARE_LABEL.test(prev)) return /^\d/.test(next);
  if (PLACE_HEAD.test(prev) && PLACE_DATE_TAIL.test(next)) return true;
  if (TERMINAL.test(prev) || STANDALONE.test(prev) || STARTER.test(next) || NUMBERED.test(next)) return false;
  if (isCaps(prev) || isCaps(next)) return isCaps(prev) === isCaps(next) ? false : startsDigit(next) && !isCaps(next);
  if (startsLower(next) || startsDigit(next) || OPEN_END.test(prev)) return true;
  return broken && !NUMBERED.test(prev);
}

/** The logical lines of a text. */
export function normalise(text: string): Line[] {
  const list = pieces(text);
  const broken = isBroken(list);
  const out: Line[] = [];
  for (const p of list) {
    const last = out.at(-1);
    if (last && joins(last.text, p.text, broken)) last.text = `${last.text} ${p.text}`.replace(/\s+-\s*$/, ' -');
    else out.push({ ...p });
  }
  for (const l of out) l.text = l.text.replace(/\s{2,}/g, ' ').trim();
  return out;
}
