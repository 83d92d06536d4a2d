/**
 * The years a plan covers, from its title or the sentence that names it:
 * "năm 2014" → 2014–2014, "giai đoạn 2022-2025" → 2022–2025. Never from the
 * signing date (a plan signed 10/12/2013 for 2014 covers 2014), and never
 * from the periods of the documents it cites.
 */
import { DOC_NUMBER } from './numbers.ts';

export interface Years {
  from: number;
  to: number;
  text: string;
}

const RANGE = /(?:giai đoạn|thời kỳ|năm|từ năm|từ)?\s*((?:19|20)\d{2})\s*(?:-|–|—|đến(?: năm)?|và năm)\s*((?:19|20)\d{2})/iu;
const YEAR = /(?:năm|trong năm)\s+((?:19|20)\d{2})(?!\s*(?:-|–|—|đến|và năm)\s*\d)/iu;
/** Words that make the years those of a cited document: "thực hiện Nghị quyết … giai đoạn 2021-2030". */
const CITED = /\s(?:thực hiện|triển khai|theo|của)\s+(?:Nghị quyết|Quyết định|Chỉ thị|Chương trình|Kế hoạch|Đề án|Nghị định)\b/iu;
/** "năm 2022 và những năm tiếp theo": the last year is not stated. */
const OPEN_END = /(?:và|cùng)\s+(?:những|các)\s+năm\s+tiếp\s+theo|trở đi/iu;

/** The period a title states, or undefined (with the reason) when it states none or an open one. */
export function periodIn(title: string): Years | { reason: string } | undefined {
  const own = title.replace(DOC_NUMBER, ' ').split(CITED)[0];
  if (OPEN_END.test(own)) return { reason: 'trích yếu chỉ nêu năm bắt đầu ("… và những năm tiếp theo"), không nêu năm kết thúc' };
  const range = RANGE.exec(own);
  const year = YEAR.exec(own);
  if (range && (!year || range.index <= year.index)) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to >= from && to - from <= 20) return { from, to, text: range[0].trim() };
  }
  if (year) return { from: Number(year[1]), to: Number(year[1]), text: year[0] };
  return undefined;
}
