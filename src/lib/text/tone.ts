/**
 * Tone-mark placement.
 *
 * Vietnamese has two placements in use for the open syllables oa, oe and uy:
 * the traditional one puts the tone on the first vowel (hòa, khỏe, thủy) and the
 * "new" one on the second (hoà, khoẻ, thuỷ). Both are correct and both appear in
 * official documents, so search and checks treat them as the same word.
 */

/** Combining tone marks: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/g;

export type ToneStyle = 'old' | 'new';

// A word whose last letters are one of the two-vowel clusters that differ,
// with nothing after them. "qu" + y is excluded: in "quý" the u belongs to the
// consonant, so the tone is on y in both styles. Works on NFD text, where each
// base letter may be followed by its combining marks.
const CLUSTER = /^(.*?)([oO])([\u0300-\u036f]*)([aAeE])([\u0300-\u036f]*)$|^(.*?)([uU])([\u0300-\u036f]*)([yY])([\u0300-\u036f]*)$/;

function moveTone(word: string, style: ToneStyle): string {
  const d = word.normalize('NFD');
  const m = CLUSTER.exec(d);
  if (!m) return word;
  const isUy = m[6] !== undefined;
  const [prefix, v1, marks1, v2, marks2] = isUy ? m.slice(6, 11) : m.slice(1, 6);
  if (isUy && /[qQ]$/.test(prefix)) return word;
  // Only the bare vowels o/u and a/e/y take part; "ôa" or "ươ" are other clusters.
  if (marks1.replace(TONE_MARKS_G, '') !== '' || marks2.replace(TONE_MARKS_G, '') !== '') return word;
  const tone = (marks1 + marks2).match(TONE_MARKS)?.[0];
  if (!tone) return word;
  const out = style === 'old' ? prefix + v1 + tone + v2 : prefix + v1 + v2 + tone;
  return out.normalize('NFC');
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Rewrites every word of `text` to one tone-placement style. Returns NFC. */
export function placeTones(text: string, style: ToneStyle = 'old'): string {
  return text.normalize('NFC').replace(WORD, (w) => moveTone(w, style));
}

/** The placement style a single word shows, or undefined when both agree. */
export function toneStyleOf(word: string): ToneStyle | undefined {
  const n = word.normalize('NFC');
  if (moveTone(n, 'old') === n && moveTone(n, 'new') !== n) return 'old';
  if (moveTone(n, 'new') === n && moveTone(n, 'old') !== n) return 'new';
  return undefined;
}

/** Counts the words of `text` written in each style. */
export function countToneStyles(text: string): Record<ToneStyle, number> {
  const counts: Record<ToneStyle, number> = { old: 0, new: 0 };
  for (const w of text.normalize('NFC').match(WORD) ?? []) {
    const s = toneStyleOf(w);
    if (s) counts[s] += 1;
  }
  return counts;
}
