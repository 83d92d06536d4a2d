/**
 * Lists of whole numbers as text (src/lib/search/number-text.ts), which the
 * search index's term blocks and filter file write in place of JSON lists.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NumberTextError, numbersText, textNumbers } from '../../src/lib/search/number-text.ts';

describe('numbers as text', () => {
  it('give back every whole number, small and large', () => {
    const numbers = [0, 1, 63, 64, 65, 1791, 1792, 4095, 100_000, 2 ** 32, Number.MAX_SAFE_INTEGER];
    expect(Array.from(textNumbers(numbersText(numbers)))).toEqual(numbers);
    for (let n = 0; n < 5000; n++) expect(Array.from(textNumbers(numbersText([n, 7]))), String(n)).toEqual([n, 7]);
    expect(numbersText([])).toBe('');
    expect(Array.from(textNumbers(''))).toEqual([]);
  });

  it('write a number below 64 as one character and a page length as two, none of them escaped in JSON', () => {
    expect(numbersText([0, 1, 63])).toHaveLength(3);
    expect(numbersText([400, 1500])).toHaveLength(4);
    const text = numbersText(Array.from({ length: 5000 }, (_, i) => i * 7));
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text).toMatch(/^[!-~]*$/);
  });

  it('gzip smaller than the JSON list of the same counts', () => {
    // Counts of a common word, 11 to 42, spread as on the 10k build.
    let seed = 7;
    const counts = Array.from({ length: 6000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 11 + (seed % 32)));
    expect(gzipSync(JSON.stringify(numbersText(counts))).length).toBeLessThan(gzipSync(JSON.stringify(counts)).length * 0.85);
  });

  it('refuse what is not a number, and what they cannot write', () => {
    for (const bad of ['é', ' ', '"', '~', '!~']) expect(() => textNumbers(bad), bad).toThrow(NumberTextError);
    for (const bad of [-1, 0.5, NaN, 2 ** 53]) expect(() => numbersText([bad]), String(bad)).toThrow(RangeError);
  });
});
