/**
 * Headings with nothing under them, usually the skeleton `npm run new`
 * writes, left unfilled. The page would show bare headings.
 */
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

/** MDX comments `{/* … *\/}` render nothing; a section holding only them is empty. */
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;
const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;

export const bodyCheck: Check = {
  id: 'body',
  title: 'Phần nội dung còn trống',
  help:
    'Một tiêu đề (`## Mục tiêu`, …) chưa có nội dung bên dưới, hoặc cả phần nội dung còn trống, thường là khung do `npm run new` tạo mà chưa viết. Hãy viết tóm lược bằng lời của bạn dưới mỗi tiêu đề, hoặc xóa tiêu đề không dùng.',
  severity: 'warning',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry } of entries) {
      // Blank comments out character by character, so line numbers stay right.
      const lines = entry.body.replace(MDX_COMMENT, (m) => m.replace(/[^\n]/g, ' ')).split('\n');
      if (lines.every((l) => l.trim() === '')) {
        out.push(finding(entry, entry.bodyLine, 'warning', 'body', 'phần nội dung (dưới dòng "---" thứ hai) còn trống. Hãy tóm lược kế hoạch bằng lời của bạn dưới các tiêu đề như "## Mục tiêu", "## Nhiệm vụ trọng tâm"'));
        continue;
      }
      const headings = lines.flatMap((l, i) => {
        const m = HEADING.exec(l);
        return m ? [{ i, level: m[1].length, text: m[2] }] : [];
      });
      headings.forEach((h, k) => {
        const next = headings[k + 1];
        const content = lines.slice(h.i + 1, next ? next.i : lines.length).join('').trim();
        // A heading followed directly by its own sub-headings is not empty.
        if (content || (next && next.level > h.level)) return;
        out.push(
          finding(entry, entry.bodyLine + h.i, 'warning', 'body', `mục "${h.text}" chưa có nội dung. Hãy tóm lược phần này của kế hoạch bằng lời của bạn, hoặc xóa tiêu đề nếu kế hoạch không có phần này`),
        );
      });
    }
    return out;
  },
};
