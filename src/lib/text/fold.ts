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

/** Removes every diacritic (tone and vowel shape) and maps đ→d, keeping case. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
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
