/**
 * The letters the search index writes for đ and Đ: ḏ and Ḏ (d with line
 * below, src/lib/search/index-fields.ts). Vietnamese never writes them, and
 * the search page turns every ḏ Pagefind returns back into đ, so an entry
 * that held one would be shown with đ in search results but not on its own
 * page. The only way one gets in is by mistake (a mis-set keyboard or a
 * transliteration pasted in), so it is an error, with no automatic repair.
 */
import { wordErrors, type Check } from './types.ts';

const RESERVED = /[\u1E0E\u1E0F]/u;
const WORD = /[\p{L}\p{M}\p{N}]*[\u1E0E\u1E0F][\p{L}\p{M}\p{N}]*/gu;

export const reservedLettersCheck: Check = {
  id: 'reserved-letters',
  title: 'Chữ ḏ, Ḏ (d gạch dưới)',
  help:
    'Chữ ḏ và Ḏ (d có gạch dưới) không có trong tiếng Việt, và chỉ mục tìm kiếm dùng riêng chúng để ghi chữ đ, nên trang tìm kiếm sẽ hiện chúng thành "đ". Thường là gõ nhầm chữ đ: hãy gõ lại chữ đ. Không sửa tự động.',
  severity: 'error',
  run({ entries }) {
    // NFC first: a decomposed d + U+0331 is the same letter (the nfc check reports the form).
    return entries
      .filter(({ entry }) => RESERVED.test(entry.source.normalize('NFC')))
      .flatMap(({ entry }) =>
        wordErrors(
          entry,
          'reserved-letters',
          (line) => [...new Set(line.match(WORD) ?? [])],
          (shown) =>
            `chữ ${shown} có ḏ hoặc Ḏ (d gạch dưới), không phải chữ tiếng Việt; chỉ mục tìm kiếm dùng riêng chữ này để ghi "đ", nên kết quả tìm kiếm sẽ hiện sai. Nếu định gõ chữ đ, hãy gõ lại; ví dụ đúng: "đội ngũ", "Đề án"`,
        ),
      );
  },
};
