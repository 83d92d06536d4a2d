/** What the search page says, in Vietnamese. */
import type { EngineNotice } from '../../lib/search/engine.ts';

// One formatter for the page: building one per call costs more than the formatting.
const numberFormat = new Intl.NumberFormat('vi-VN');
export const number = (n: number) => numberFormat.format(n);

const RETRY = 'Hãy thử lại sau.';

export const STRINGS = {
  idle: 'Gõ từ khóa hoặc chọn bộ lọc để bắt đầu tìm.',
  error: 'Không tải được chỉ mục tìm kiếm.',
  errorHelp: 'Hãy tải lại trang; nếu vẫn lỗi, bạn có thể duyệt kho theo tỉnh, năm hoặc lĩnh vực.',
  /** What went wrong with one file of the index (`file`: its path under the base). */
  fileUnreachable: (file: string, status?: number) => `Không tải được tệp chỉ mục ${file} (${status ? `HTTP ${status}` : 'lỗi mạng'}). ${RETRY}`,
  fileBroken: (file: string, why: string) => `Tệp chỉ mục ${file} hỏng: ${why}. ${RETRY}`,
  /** For the console only: a visitor cannot rebuild the site. */
  rebuild: 'Dựng lại trang (npm run build) rồi đăng lại.',
  /** In the filter box: the results stand (they come from the term blocks), the counts are missing. */
  countsFailed: (why = `Không tải được chỉ mục tìm kiếm. ${RETRY}`) => `Không hiện được số kế hoạch theo từng bộ lọc. ${why}`,
  notGzip: 'không giải nén được',
  notJson: 'không phải JSON hợp lệ',
  notFragment: 'không phải văn bản Pagefind lưu cho một kế hoạch',
  count: (n: number, q: string) => (q ? `Tìm thấy ${number(n)} kế hoạch cho «${q}»` : `Có ${number(n)} kế hoạch theo bộ lọc đã chọn`),
  shown: (shown: number, total: number) => `Đang hiện ${number(shown)}/${number(total)} kế hoạch.`,
  removeFilter: (label: string) => `Bỏ bộ lọc “${label}”`,
  removeAllFilters: 'Bỏ mọi bộ lọc',
  /** Read before a chip's "Tỉnh: Đồng Tháp", which it removes. */
  removeChip: 'Bỏ lọc ',
  withoutDiacritics: (q: string) => `Thử gõ không dấu: ${q}`,
  fewerWords: 'Dùng ít từ hơn, hoặc từ khác cùng nghĩa (ví dụ chữ viết tắt).',
  browse: 'Duyệt kho:',
  browseLinks: [['ke-hoach/', 'tất cả kế hoạch'], ['tinh/', 'theo tỉnh'], ['nam/', 'theo năm'], ['linh-vuc/', 'theo lĩnh vực'], ['cap/', 'theo cấp']] as const,
};

export function noticeText(n: EngineNotice): string {
  switch (n.kind) {
    case 'unclosed-quote':
      return 'Dấu ngoặc kép chưa được đóng nên đã bỏ qua. Muốn tìm đúng một cụm từ, hãy đặt cụm đó giữa hai dấu ngoặc kép.';
    case 'too-long':
      return `Từ khóa dài hơn ${number(n.max)} ký tự nên đã được cắt bớt.`;
    case 'too-many-words':
      return `Chỉ ${number(n.max)} từ đầu tiên được dùng để tìm.`;
    case 'no-words':
      return 'Từ khóa chỉ có dấu câu hoặc ký hiệu. Hãy gõ ít nhất một chữ hoặc một số.';
    case 'number-not-found':
      return `Không có kế hoạch nào mang hoặc viện dẫn số ký hiệu ${n.number}; dưới đây là kết quả tìm theo chữ.`;
    case 'some-words': {
      const missing = n.missing.length ? ` Không kế hoạch nào có: ${n.missing.map((w) => `«${w}»`).join(', ')}.` : '';
      return `Không kế hoạch nào có đủ mọi từ đã gõ; dưới đây là các kế hoạch có nhiều từ nhất.${missing}`;
    }
  }
}
