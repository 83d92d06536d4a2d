/**
 * The plan a news item reports on when nobody issues anything in it: "Thực
 * hiện Kế hoạch số 1642/KH-UBND của UBND tỉnh về kiểm tra …, đoàn kiểm tra đã
 * …", "… theo Kế hoạch số 517/KH-UBND ngày 27/02/2020 của UBND huyện về …",
 * "Tiếp tục thực hiện …, Quyết định số 7498/QĐ-UBND … ban hành Kế hoạch cải
 * cách hành chính …". Such an item tells of an inspection or an activity
 * carried out under the plan: the plan is the entry, and the other documents
 * the activity carries out in the same breath are not the plan's bases.
 * Only one plan may be cited so: with two, the item does not say which one
 * it is about, and nothing is taken.
 */
import { readDate, type DateRead } from './dates.ts';
import { numbersIn, sameNumber, typeFromNumber, type NumberAt } from './numbers.ts';
import type { Line } from './types.ts';

export interface SubjectPlan {
  number: string;
  date?: DateRead;
  issuer?: string;
  /** "Kế hoạch" for a plan cited by its own number, "Quyết định" for the decision that promulgates one. */
  typeWord: string;
  /** The plan's name after "về" or "ban hành Kế hoạch": the title without the type word. */
  subject?: string;
  line: Line;
  /** The other numbers of the sentence that cites the plan: what the reported activity carries out. */
  companions: string[];
}

/** "thực hiện Kế hoạch số", "theo Quyết định số", right before a number. */
const CITED = /(?:thực hiện|triển khai|theo|tại|căn cứ)\s+(?:(?:các|nội dung|hiệu quả)\s+)*(Kế hoạch|Quyết định)\s+(?:số\s*)?$/iu;
/** The next document of a list that a cited one opened: ", Quyết định số", "; Kế hoạch số", "và Kế hoạch số". */
const LISTED = /(?:[,;]|\svà)\s+(Kế hoạch|Quyết định)\s+(?:số\s*)?$/iu;
/** "ngày 27/02/2020", "ngày 30 tháng 12 năm 2014" at the start of what follows a number. */
const DATED = /^\s*,?\s*(?:ngày\s+)?(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u;
/** Where the cited document's own description ends. */
const CLAUSE_END = /[;.](?:\s|$)|,\s+(?=(?:đoàn|UBND|Ủy ban|Sở|Ban|huyện|tỉnh|các|đã|đồng thời)\s)|\s+(?:nhằm|với mục|đã|đồng thời)\s/u;

/** What a cited number's own words say: date, issuer ("của …") and name ("về …" or "ban hành Kế hoạch …"). */
function describe(text: string, n: NumberAt, typeWord: string): Pick<SubjectPlan, 'date' | 'issuer' | 'subject'> | undefined {
  let rest = text.slice(n.end);
  const next = numbersIn(rest)[0];
  if (next) rest = rest.slice(0, next.index);
  rest = rest.split(CLAUSE_END)[0];
  const out: Pick<SubjectPlan, 'date' | 'issuer' | 'subject'> = {};
  const dated = DATED.exec(rest);
  if (dated) {
    out.date = readDate(dated[1]);
    rest = rest.slice(dated[0].length);
  }
  const of = /^\s*,?\s*của\s+(.+?)(?=\s+(?:về|ban hành|phê duyệt|v\/v)\s|,|$)/u.exec(rest);
  if (of) {
    out.issuer = of[1].trim();
    rest = rest.slice(of[0].length);
  }
  if (typeWord === 'Quyết định') {
    const plan = /^\s*(?:về việc\s+)?(?:ban hành|phê duyệt)\s+Kế hoạch\s+(.+)$/iu.exec(rest);
    if (!plan) return undefined;
    out.subject = plan[1];
  } else {
    const about = /^\s*(?:về việc|về|v\/v)\s+(.+)$/iu.exec(rest);
    if (about) out.subject = about[1];
  }
  if (out.subject) out.subject = out.subject.replace(/\s*\((?:CCHC|[A-ZĐ]{2,8})\)/gu, '').replace(/[,:]\s*$/u, '').trim();
  return out;
}

/** The one plan the text cites as what an activity carries out, if there is exactly one. */
export function subjectPlan(lines: Line[]): SubjectPlan | undefined {
  const found: SubjectPlan[] = [];
  for (const line of lines) {
    const all = numbersIn(line.text);
    let list: [number, number] | undefined;
    for (const n of all) {
      const before = line.text.slice(Math.max(0, n.index - 80), n.index);
      let cited = CITED.exec(before);
      if (cited) list = sentenceAround(line.text, n.index);
      else if (list && n.index < list[1]) cited = LISTED.exec(before);
      if (!cited) continue;
      const typeWord = cited[1].charAt(0).toUpperCase() + cited[1].slice(1).toLowerCase();
      if (typeWord === 'Kế hoạch' && typeFromNumber(n.number) !== 'ke-hoach') continue;
      const about = describe(line.text, n, typeWord);
      if (!about) continue;
      if (found.some((f) => sameNumber(f.number, n.number))) continue;
      const sentence = sentenceAround(line.text, n.index);
      const companions = all.filter((o) => o !== n && o.index >= sentence[0] && o.index < sentence[1]).map((o) => o.number);
      found.push({ number: n.number, typeWord, ...about, line, companions });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Start and end of the sentence around `at`. */
function sentenceAround(text: string, at: number): [number, number] {
  const before = text.slice(0, at).search(/[.!?]\s+[^.!?]*$/u);
  const after = text.slice(at).search(/\.\s+\p{Lu}|\.$/u);
  return [before === -1 ? 0 : before + 1, after === -1 ? text.length : at + after];
}
