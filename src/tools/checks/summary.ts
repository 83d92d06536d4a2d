/**
 * A summary readers can use: lists and search results show it under the
 * title, so one that is a few words long, or the title again, tells them
 * nothing.
 */
import { fold } from '../../lib/text/fold.ts';
import { FIELD_META } from '../../schemas/fields.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

export const MIN_SUMMARY_CHARS = 40;

const comparable = (text: string) => fold(text).replace(/[^a-z0-9]+/g, ' ').trim();

export const summaryCheck: Check = {
  id: 'summary',
  title: 'Độ dài tóm tắt',
  help: `Tóm tắt (\`summary\`) ngắn hơn ${MIN_SUMMARY_CHARS} ký tự, hoặc chỉ chép lại trích yếu. Hãy viết 1 đến 3 câu bằng lời của bạn: kế hoạch làm gì, cho ai, đến khi nào.`,
  severity: 'error',
  run({ entries }) {
    const out: Finding[] = [];
    const example = `Ví dụ đúng: summary: ${FIELD_META.summary.example}`;
    for (const { entry, plan } of entries) {
      if (!plan) continue;
      const line = entry.lineOf(['summary']);
      const length = [...plan.summary].length;
      const summary = comparable(plan.summary);
      if (summary === comparable(plan.title) || comparable(plan.title).includes(summary)) {
        out.push(
          finding(entry, line, 'error', 'summary', `summary: tóm tắt chỉ lặp lại trích yếu (title). Hãy viết 1 đến 3 câu bằng lời của bạn: kế hoạch làm gì, cho ai, đến khi nào. ${example}`),
        );
      } else if (length < MIN_SUMMARY_CHARS) {
        out.push(
          finding(
            entry,
            line,
            'error',
            'summary',
            `summary: tóm tắt chỉ có ${length} ký tự, quá ngắn (cần ít nhất ${MIN_SUMMARY_CHARS}). Hãy viết 1 đến 3 câu: kế hoạch làm gì, cho ai, đến khi nào. ${example}`,
          ),
        );
      }
    }
    return out;
  },
};
