/**
 * Lists of whole numbers as a JSON string, one character for most numbers.
 *
 * The files the search page reads first are mostly lists of small whole
 * numbers: how often each page has a common word (11 to 42 for "chính" on
 * the 10k build), page steps (mostly 1), each page's word count (400 to
 * 2,000). As JSON arrays each number costs its digits and a comma, which
 * gzip codes digit by digit: about 10 bits for a count of two digits. Here a
 * number below 64 is one character and a larger one a few, so that gzip
 * codes each number as about one symbol: the count files of the words of a
 * query on 100,000 plans are most of its first download.
 *
 * The characters are the printable ASCII ones but `"` and `\`, which JSON
 * would escape: 64 of them end a number (its last digit, base 64) and the
 * other 28 come before it (the digits of the number divided by 64, base 28,
 * most significant first). Any whole number below 2^53 can be written.
 */

const DIGITS = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '"' && c !== '\\');
const LAST = 64;
const MORE = DIGITS.length - LAST;
/** By character code: the digit's value, and whether it ends a number; -1 for a character that is not a digit. */
const VALUE = new Int16Array(128).fill(-1);
DIGITS.forEach((c, i) => (VALUE[c.charCodeAt(0)] = i));

/** The text of whole numbers, each at least 0. */
export function numbersText(numbers: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`numbersText: ${n} is not a whole number at least 0`);
    let rest = Math.floor(n / LAST);
    let head = '';
    while (rest > 0) {
      head = DIGITS[LAST + (rest % MORE)] + head;
      rest = Math.floor(rest / MORE);
    }
    out += head + DIGITS[n % LAST];
  }
  return out;
}

/** A text that is not numbers written by `numbersText`. */
export class NumberTextError extends Error {}

/**
 * The numbers of a text `numbersText` wrote, in a typed array: a common
 * word's list has a number for nearly every plan, decoded while the reader
 * waits, so it is counted first and filled in place.
 */
export function textNumbers(text: string): Float64Array {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? VALUE[code] : -1;
    if (digit < 0) throw new NumberTextError(`not a digit: ${JSON.stringify(text[i])}`);
    if (digit < LAST) count++;
  }
  if (text.length > 0 && VALUE[text.charCodeAt(text.length - 1)] >= LAST) throw new NumberTextError('a number without its last digit');
  const out = new Float64Array(count);
  let acc = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = VALUE[text.charCodeAt(i)];
    if (digit >= LAST) acc = acc * MORE + (digit - LAST);
    else {
      out[at++] = acc * LAST + digit;
      acc = 0;
    }
  }
  return out;
}

/** Numbers written either way: a JSON list of numbers, or the text of them (a typed array, then). */
export const listNumbers = (raw: unknown): unknown => (typeof raw === 'string' ? textNumbers(raw) : raw);
