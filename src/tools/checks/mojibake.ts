/**
 * Mojibake from the legacy Vietnamese encodings. Text typed in TCVN3
 * (.VnTime) or VNI fonts and pasted as if it were Unicode shows Latin-1
 * letters that Vietnamese never uses ("ViÖt", "hoµ", "caùc", "Vieät",
 * "ñöôïc"). It cannot be repaired safely here: the editor converts it again
 * from the source.
 */
import { wordErrors, type Check } from './types.ts';

/**
 * Latin-1 symbols the TCVN3 font reuses for Vietnamese letters ("¸" for á,
 * "µ" for à, "·" for ã, "¨" for ă). Inside a word no real text has them.
 */
const SYMBOLS = /[\u00a8\u00aa\u00ac\u00b4-\u00ba\u00bc-\u00bf]/u;
/** Symbols that are punctuation in real text («quotes», ©): only counted inside a word. */
const INSIDE_ONLY = /[\u00a9\u00ab\u00bb]/u;
/** "®" is đ at the start of a TCVN3 word ("®ång"); after a word it is the trademark sign. */
const BEFORE_LETTER = /\u00ae/u;
/**
 * Latin-1 letters outside the Vietnamese alphabet ("Ö" for ệ in TCVN3, "ñ"
 * for đ and "ö" for ư in VNI). Other languages use them too (Müller, Peña),
 * so alone they weigh less.
 */
const FOREIGN_LETTERS = /[\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6\u00f8\u00fb\u00fc\u00fe\u00ff]/u;

/**
 * VNI writes a tone or vowel mark as a second letter after the vowel: "aù"
 * for á, "aø" for à, "oâ" for ô, "aê" for ă, "eä" for ệ. No Vietnamese word
 * has these pairs.
 */
const VNI_PAIRS = /[aeiouyAEIOUY][ùøûõï]|[aoAO][âê]|[eE]â|[aeAE][áàãä]/gu;

const LETTER = /\p{L}/u;

/** How strongly a token looks like legacy-encoding text (0 = not at all). */
export function mojibakeScore(token: string): number {
  const chars = [...token];
  let strong = token.match(VNI_PAIRS)?.length ?? 0;
  let foreign = 0;
  chars.forEach((c, i) => {
    const before = LETTER.test(chars[i - 1] ?? '');
    const after = LETTER.test(chars[i + 1] ?? '');
    // A lone symbol between spaces (a middle dot, a degree sign) is punctuation.
    if (SYMBOLS.test(c) ? before || after : INSIDE_ONLY.test(c) ? before && after : BEFORE_LETTER.test(c) && after) strong += 2;
    else if (FOREIGN_LETTERS.test(c) && (before || after)) foreign++;
  });
  // A capitalised word whose only oddity is a foreign letter is most likely a name.
  const name = strong === 0 && /^\p{Lu}/u.test(token);
  return strong + (name ? foreign / 2 : foreign);
}

/** Any trace at all; most lines have none, and skip the word-by-word scoring. */
const ANY_SIGN = new RegExp([SYMBOLS, INSIDE_ONLY, BEFORE_LETTER, FOREIGN_LETTERS, VNI_PAIRS].map((r) => r.source).join('|'), 'u');

/** The suspicious tokens of a line, when together they are convincing. */
export function mojibakeWords(line: string): string[] {
  if (!ANY_SIGN.test(line)) return [];
  const scored = (line.match(/\S+/g) ?? []).map((t) => ({ t, s: mojibakeScore(t) })).filter((x) => x.s > 0);
  // One odd letter may be a foreign name (Müller); two signals are not.
  const total = scored.reduce((n, x) => n + x.s, 0);
  return total >= 2 ? scored.map((x) => x.t.replace(/^[("'“]+|[)"'”,.;:!?]+$/g, '')) : [];
}

export const mojibakeCheck: Check = {
  id: 'mojibake',
  title: 'Lỗi mã hóa (TCVN3, VNI)',
  help:
    'Chữ bị vỡ kiểu "caùc", "Vieät", "ViÖt Nam": văn bản được chép từ tệp gõ bằng bảng mã cũ TCVN3 (.VnTime) hoặc VNI. Không sửa tự động được: hãy chép lại đoạn đó từ bản Unicode của nguồn, hoặc chuyển mã bằng Unikey (Công cụ chuyển mã, nguồn TCVN3 hoặc VNI Windows, đích Unicode).',
  severity: 'error',
  run({ entries }) {
    return entries
      .filter(({ entry }) => ANY_SIGN.test(entry.source))
      .flatMap(({ entry }) =>
        wordErrors(
          entry,
          'mojibake',
          mojibakeWords,
          (shown) =>
            `chữ bị lỗi mã hóa (${shown}): đoạn này được chép từ văn bản gõ bằng bảng mã cũ TCVN3 hoặc VNI. Hãy chép lại từ bản Unicode của nguồn, hoặc chuyển mã bằng Unikey (nguồn TCVN3 hoặc VNI Windows, đích Unicode); ví dụ đúng: "các", "Việt Nam"`,
        ),
      );
  },
};
