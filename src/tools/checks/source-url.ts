/**
 * Where a plan was published. Without `source.url` a reader cannot verify
 * the entry, so its absence is worth a warning; a URL that is not http(s)
 * is already a schema error, reported with the other schema errors.
 */
import { FIELD_META } from '../../schemas/fields.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

export const sourceUrlCheck: Check = {
  id: 'source-url',
  title: 'Địa chỉ nguồn',
  help:
    'Thiếu `source.url` (cảnh báo): người đọc không kiểm chứng được. Hãy ghi địa chỉ http(s) của văn bản hoặc bài viết giới thiệu văn bản. Địa chỉ không bắt đầu bằng http:// hoặc https:// là lỗi.',
  severity: 'error or warning',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry, plan } of entries) {
      if (!plan || plan.source.url) continue;
      out.push(
        finding(
          entry,
          entry.lineOf(['source']),
          'warning',
          'source-url',
          `source.url: chưa có địa chỉ nguồn, người đọc không kiểm chứng được. Hãy thêm dòng url dưới source, là địa chỉ http(s) của văn bản hoặc bài viết. Ví dụ đúng: url: ${FIELD_META['source.url'].example}`,
        ),
      );
    }
    return out;
  },
};
