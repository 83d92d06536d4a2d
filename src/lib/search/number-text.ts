/**
 * Lists of whole numbers as a JSON string, one character for most numbers, which gzip codes as
 * about one symbol each (a JSON array costs digits and commas). The digits are printable ASCII
 * but `"` and `\`: 64 end a number (its last digit, base 64), the other 28 come before it (the
 * number divided by 64, base 28, most significant first). Any whole number below 2^53 fits.
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

/** The numbers of a text `numbersText` wrote; counted first, then filled in place, as a common word's list is long. */
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

