/**
 * The same document twice. Number + issuer + date is checked with the schema
 * (entries.ts `validateAll`, so the build refuses it too); this check adds
 * the same `source.url` in two entries, which is legitimate only when one
 * article presents several plans, hence a warning.
 */
import { formatDate } from '../../lib/dates.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

/** One key per URL however it is written: host case, "www.", a final slash and the fragment do not count. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return url.trim();
  }
}

export const duplicatesCheck: Check = {
  id: 'duplicate',
  title: 'Trùng lặp',
  help:
    'Hai tệp cùng số ký hiệu, cơ quan ban hành và ngày ban hành (lỗi): đó là một văn bản, hãy gộp vào một tệp. Hai tệp cùng `source.url` (cảnh báo): kiểm tra xem có phải cùng một văn bản không; nếu một bài viết giới thiệu nhiều kế hoạch thì bỏ qua cảnh báo.',
  severity: 'error or warning',
  run({ entries }) {
    const out: Finding[] = [];
    const seen = new Map<string, (typeof entries)[number]>();
    for (const current of entries) {
      const url = current.plan?.source.url;
      if (!url) continue;
      const first = seen.get(urlKey(url));
      if (!first) {
        seen.set(urlKey(url), current);
        continue;
      }
      const other = first.plan!;
      const what = `${other.documentNumber ? `văn bản ${other.documentNumber}` : `"${other.title}"`}${other.issuedOn ? ` ngày ${formatDate(other.issuedOn)}` : ''}`;
      out.push(
        finding(
          current.entry,
          current.entry.lineOf(['source', 'url']),
          'warning',
          'duplicate',
          `source.url: địa chỉ nguồn ${url} đã dùng cho ${what} trong ${first.entry.file}. Nếu là cùng một văn bản, hãy gộp hai tệp; nếu bài viết giới thiệu nhiều kế hoạch thì bỏ qua cảnh báo này`,
        ),
      );
    }
    return out;
  },
};
