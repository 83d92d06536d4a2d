/**
 * Vietnamese document numbers (số ký hiệu): "4003/QĐ-UBND", "30c/NQ-CP",
 * "61/2018/NĐ-CP", "09-CTr/HU", "44/KH-SKH&CN".
 *
 * People write them with or without diacritics, in any case, with spaces or
 * slashes, and with a leading "số". `docNumberKey` maps every such spelling to
 * one key; search, the citation graph and the checks all compare keys.
 */
import { fold } from './text/fold.ts';

/** Words that may precede a number in running text: "Quyết định số 225/QĐ-TTg". */
const LEADING = /^(?:so|so hieu|so ky hieu)\s+/;

/**
 * One key per document number: lower case, no diacritics (đ→d), separators
 * unified to "-", "&" kept. "4003/QĐ-UBND", "4003/qd-ubnd", "4003 QD UBND" and
 * "số 4003/QĐ-UBND" all give "4003-qd-ubnd".
 */
export function docNumberKey(input: string): string {
  return fold(input)
    .trim()
    .replace(LEADING, '')
    .replace(/\s*&\s*/g, '&')
    .replace(/[^a-z0-9&]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A loose pattern for something that looks like a Vietnamese document number:
 * a number (optionally with a letter suffix), then at least one code part
 * separated by "/" or "-", e.g. 30c/NQ-CP, 61/2018/NĐ-CP, 18-NQ/TW, 09-CTr/HU,
 * 59/2020/QH14 (the National Assembly's code carries its term).
 */
// No "i" flag: \p{L} already has both cases (see number-query.ts).
const LOOKS_LIKE = /^\d+[a-zA-ZđĐ]?(?:\/\d{4})?[/-][\p{L}&][\p{L}&0-9]*(?:[/-][\p{L}&0-9]+)*$/u;

export function looksLikeDocNumber(input: string): boolean {
  return LOOKS_LIKE.test(input.normalize('NFC').trim().replace(/^số\s+/i, ''));
}

/** The letters after the number, folded, e.g. "qd-ubnd" for 4003/QĐ-UBND, "nd-cp" for 61/2018/NĐ-CP. */
export function docNumberCode(input: string): string {
  return docNumberKey(input)
    .replace(/^\d+[a-z]?-(?:\d{4}-)?/, '')
    .replace(/^\d+[a-z]?$/, '');
}
