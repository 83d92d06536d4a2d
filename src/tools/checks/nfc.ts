/**
 * Text that is not in Unicode NFC. Decomposed text (NFD) arrives from macOS
 * and some web pages; it looks identical but does not match in search, sort
 * or the duplicate checks, so the archive stores NFC only.
 */
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

const WORD = /[\p{L}\p{M}]+/gu;

export const nfcCheck: Check = {
  id: 'nfc',
  title: 'Chuẩn Unicode NFC',
  help:
    'Chữ có dấu được gõ ở dạng tổ hợp (NFD, một chữ thành nhiều ký tự), thường do chép từ macOS hoặc trang web. Nhìn giống hệt nhưng tìm kiếm và so trùng không khớp. Sửa tự động bằng `npm run check -- --fix`.',
  severity: 'error',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry } of entries) {
      if (entry.source === entry.source.normalize('NFC')) continue;
      const lines = entry.source.split('\n');
      lines.forEach((line, i) => {
        if (line === line.normalize('NFC')) return;
        const words = [...new Set((line.match(WORD) ?? []).filter((w) => w !== w.normalize('NFC')))];
        const shown = words.slice(0, 3).map((w) => `"${w.normalize('NFC')}"`).join(', ');
        out.push(
          finding(
            entry,
            i + 1,
            'error',
            'nfc',
            `chữ ${shown || 'trên dòng này'} được gõ ở dạng tổ hợp (NFD), không phải Unicode chuẩn NFC; nhìn giống nhau nhưng tìm kiếm không khớp. Sửa tự động: npm run check -- --fix`,
          ),
        );
      });
    }
    return out;
  },
  fix(source) {
    const fixed = source.normalize('NFC');
    if (fixed === source) return { source, changes: [] };
    const count = source.split('\n').filter((l) => l !== l.normalize('NFC')).length;
    return { source: fixed, changes: [`chuẩn hóa Unicode NFC trên ${count} dòng`] };
  },
};
