/**
 * Diacritic folding for Vietnamese.
 *
 * Unicode gives đ/Đ no decomposition, so NFD plus mark stripping alone turns
 * "Đồng Tháp" into "đong thap". Every comparison that should ignore diacritics
 * goes through `fold`, so the build, the checks and the browser agree.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Returns `text` in NFC, the only form the archive stores. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Removes every diacritic (tone and vowel shape) and maps đ→d, keeping case.
 * Old texts typed with legacy fonts often write Đ/đ as the Icelandic eth
 * (Ð U+00D0, ð U+00F0), which looks the same: it folds to D/d as well.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đð]/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .normalize('NFC');
}

/** Lower-case, diacritic-free form used to match names and words loosely. */
export function fold(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/** True when `text` contains any Vietnamese diacritic or đ. */
export function hasDiacritics(text: string): boolean {
  return stripDiacritics(text) !== nfc(text);
}
