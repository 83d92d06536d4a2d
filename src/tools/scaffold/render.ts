/**
 * The text of a new entry: frontmatter in the style of the shipped entries
 * (double-quoted strings, block lists) and a body skeleton under the headings
 * plans usually have. Instructions in the skeleton are MDX comments, which
 * render nothing, so the file builds as soon as it is written; `npm run
 * check` warns about headings still left empty.
 */
import { stringify } from 'yaml';
import { DOCUMENT_TYPES } from '../../data/taxonomy.ts';
import { formatDate } from '../../lib/dates.ts';
import type { Plan } from '../../schemas/plan.ts';
import type { EntryData } from './answers.ts';

/** The headings a CCHC plan usually has (docs/interfaces.md §1), each with what to write there. */
export const BODY_SECTIONS: ReadonlyArray<readonly [heading: string, hint: string]> = [
  ['Mục tiêu', 'Kế hoạch nhằm đạt điều gì? Mỗi mục tiêu một gạch đầu dòng.'],
  ['Yêu cầu', 'Các yêu cầu khi thực hiện (trách nhiệm người đứng đầu, gắn với nhiệm vụ phát triển kinh tế - xã hội, …).'],
  ['Nhiệm vụ trọng tâm', 'Các nhiệm vụ chính, đánh số theo thứ tự trong văn bản.'],
  ['Tổ chức thực hiện', 'Cơ quan nào chủ trì, phối hợp, báo cáo khi nào.'],
];

/** Text from frontmatter placed in MDX: braces and "<" would start an expression or a tag. */
function mdxText(text: string): string {
  return text.replace(/[{}<]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The opening sentence, from facts already in the frontmatter: who issued what, when. */
export function openingSentence(plan: Plan): string {
  const type = DOCUMENT_TYPES[plan.documentType].label;
  const what = plan.documentNumber ? `${type} số ${plan.documentNumber}` : `${type} "${plan.title}"`;
  const when = plan.issuedOn ? `Ngày ${formatDate(plan.issuedOn)}, ` : '';
  const issuer = when ? plan.issuer.name : plan.issuer.name.charAt(0).toUpperCase() + plan.issuer.name.slice(1);
  return mdxText(`${when}${issuer} ban hành ${what}.`);
}

export function renderEntry(data: EntryData, plan: Plan): string {
  const frontmatter = stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  const sections = BODY_SECTIONS.map(([heading, hint]) => `## ${heading}\n\n{/* ${hint} */}\n`).join('\n');
  return [
    `---\n${frontmatter}---`,
    '',
    openingSentence(plan),
    '',
    '{/* Thêm một hai câu: kế hoạch để làm gì. Viết bằng lời của bạn, không chép nguyên văn; số liệu, ngày, tên phải chính xác. Xóa các dòng chú thích như dòng này khi viết xong. */}',
    '',
    sections,
  ].join('\n');
}
