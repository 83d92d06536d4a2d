/**
 * The documents a plan rests on: every number cited in its preamble
 * ("Căn cứ …", "Thực hiện …", "Theo …"), and in its body or a news item the
 * numbers a sentence says it carries out ("triển khai thực hiện Nghị quyết số
 * …; Chỉ thị số …"). Left out: the submission that proposed it ("Xét đề nghị
 * … Tờ trình số …"), the document it replaces ("thay thế Quyết định số …",
 * reported apart) and its own number. One entry per document: 01/NQ-CP and
 * 01-NQ/CP share a `docNumberKey`.
 */
import { docNumberKey } from '../../lib/docnumber.ts';
import { dateAfterNgay } from './dates.ts';
import { numbersIn, sameNumber, TYPE_WORDS, type NumberAt } from './numbers.ts';
import type { Found, LegalBasis, Line } from './types.ts';

const PROPOSAL = /^(?:Xét|Theo)\s+(?:đề nghị|đề xuất|tờ trình)/iu;
const REPLACES = /thay thế\s+(?:cho\s+)?(?:các\s+)?(?:[\p{L}]+\s+){0,3}?(?:số\s+)?$/iu;
const SUBMISSION = /(?:Tờ trình|TTr)[\s\S]{0,12}$/iu;
const ANNEX = /kèm theo\s+(?:[\p{L}]+\s+){0,2}(?:số\s+)?$/iu;
/** A verb that makes the next document a basis: "thực hiện", "triển khai", "căn cứ", "theo". */
const VERB = new RegExp(String.raw`(?:^|[\s,;(])(?:căn cứ|thực hiện|triển khai|theo|trên cơ sở|cụ thể hóa|cụ thể hoá)\s+(?:(?:tinh thần|nội dung|các|của|tại|thực hiện|có hiệu quả|hiệu quả|nghiêm túc|mục tiêu,?|nhiệm vụ,?|yêu cầu)\s+)*(?=(?:${TYPE_WORDS}|Nghị định|Thông tư|Luật|Kết luận|Công văn|Văn bản|Hướng dẫn)(?![\p{L}]))`, 'giu');
/** Between two documents of one list: a separator and a type word. */
const LIST_LINK = new RegExp(String.raw`^[^.;]*?(?:;|,|\svà)\s+(?:các\s+)?(?:${TYPE_WORDS}|Nghị định|Thông tư|Luật|Kết luận|Công văn|Văn bản|Hướng dẫn)\s+(?:số\s+)?$`, 'iu');

/** Issuer and date the sentence gives right after a number: "ngày 08/11/2011 của Chính phủ về …". */
function details(text: string, n: NumberAt): Omit<LegalBasis, 'number'> {
  let rest = text.slice(n.end, n.end + 200);
  const out: Omit<LegalBasis, 'number'> = {};
  const date = dateAfterNgay(rest);
  if (date?.iso) {
    out.issuedOn = date.iso;
    rest = rest.slice(date.index + date.text.length);
  }
  const of = /^\s*,?\s*của\s+(.+)/u.exec(rest);
  if (of) {
    const issuer = of[1].split(/\s+(?:về|ban hành|phê duyệt|quy định|thực hiện|hướng dẫn|triển khai|sửa đổi|đã|đến|theo|tại|nhằm|trong)\s|[,;.(“"”:]|\s+-\s/u)[0].trim();
    if (issuer && issuer.split(/\s+/).length <= 12 && /^[\p{Lu}]/u.test(issuer)) out.issuer = issuer;
  }
  return out;
}

function excluded(text: string, n: NumberAt, own: string | undefined): 'replaces' | boolean {
  const before = text.slice(Math.max(0, n.index - 60), n.index);
  if (REPLACES.test(before)) return 'replaces';
  if (SUBMISSION.test(before) || /^TTr-/iu.test(n.number.replace(/^\d+[a-z]?\//i, '')) || ANNEX.test(before)) return true;
  return own !== undefined && sameNumber(n.number, own);
}

/** The numbers a body or news sentence carries out: after a basis verb, and the list that follows it. */
function anchored(text: string): NumberAt[] {
  const all = numbersIn(text);
  const out: NumberAt[] = [];
  for (const v of text.matchAll(VERB)) {
    const start = v.index + v[0].length;
    let prevEnd = -1;
    for (const n of all) {
      if (n.index < start) continue;
      const between = text.slice(prevEnd === -1 ? start : prevEnd, n.index);
      const first = prevEnd === -1 && /^[\p{L}\s]{0,40}$/u.test(between) && !/[.;]/.test(between);
      if (!first && !(prevEnd !== -1 && LIST_LINK.test(between) && between.length < 400)) break;
      out.push(n);
      prevEnd = n.end;
    }
  }
  return out;
}

export interface BasesResult {
  legalBases: Array<Found<LegalBasis>>;
  replaces: Array<Found<string>>;
}

/** Legal bases from the preamble (every number) and from the rest (anchored numbers only). */
export function findLegalBases(lines: Line[], preamble: [number, number] | undefined, own: string | undefined): BasesResult {
  const seen = new Set<string>();
  const result: BasesResult = { legalBases: [], replaces: [] };
  lines.forEach((line, i) => {
    const inPreamble = preamble !== undefined && i >= preamble[0] && i < preamble[1];
    if (inPreamble && PROPOSAL.test(line.text)) return;
    for (const n of inPreamble ? numbersIn(line.text) : anchored(line.text)) {
      const why = excluded(line.text, n, own);
      if (why === 'replaces') result.replaces.push({ value: n.number, line: line.line, from: line.text });
      if (why) continue;
      const key = docNumberKey(n.number);
      if (seen.has(key)) continue;
      seen.add(key);
      result.legalBases.push({ value: { number: n.number, ...details(line.text, n) }, line: line.line, from: line.text });
    }
  });
  // A replaced document found in any line is never a basis.
  for (const line of lines) for (const n of numbersIn(line.text)) if (excluded(line.text, n, undefined) === 'replaces' && !result.replaces.some((r) => sameNumber(r.value, n.number))) result.replaces.push({ value: n.number, line: line.line, from: line.text });
  result.legalBases = result.legalBases.filter((b) => !result.replaces.some((r) => sameNumber(r.value, b.value.number)));
  return result;
}
