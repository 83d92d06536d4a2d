/**
 * Drafts written by `npm run import` mark what only the editor can write
 * (the summary, the body in their own words, facts the source did not give)
 * with DRAFT_MARKER. The marked draft passes the schema, so it can be
 * previewed; this check names every marked line until it is written.
 */
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

export const DRAFT_MARKER = '[CẦN VIẾT]';

export const draftCheck: Check = {
  id: 'draft',
  title: 'Bản nháp chưa viết xong',
  help: `Tệp do \`npm run import\` tạo còn dòng đánh dấu \`${DRAFT_MARKER}\`: phần tóm tắt, phần nội dung hay thông tin mà chỉ biên tập viên viết được. Hãy viết bằng lời của bạn (hoặc điền theo văn bản) rồi xóa dấu \`${DRAFT_MARKER}\`.`,
  severity: 'error',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry } of entries) {
      if (!entry.source.includes(DRAFT_MARKER)) continue;
      entry.source.split('\n').forEach((line, i) => {
        const at = line.indexOf(DRAFT_MARKER);
        if (at === -1) return;
        const what = line.slice(at + DRAFT_MARKER.length).replace(/\*\/\}\s*$|["']\s*$/g, '').trim().replace(/[.\s]+$/, '');
        out.push(finding(entry, i + 1, 'error', 'draft', `phần này của bản nháp chưa viết: ${what || 'hãy viết bằng lời của bạn'}. Viết xong thì xóa dấu "${DRAFT_MARKER}"`));
      });
    }
    return out;
  },
};
