/**
 * Mixed tone-mark placement in one entry (hoà and hòa). Both styles are
 * correct Vietnamese, so this is only a warning; one entry should read
 * consistently, and `--fix` rewrites it to the style it mostly uses.
 */
import { placeTones, toneStyleOf, type ToneStyle } from '../../lib/text/tone.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

/**
 * Only words ending in o/u + a/e/y (with any tone) can show a placement
 * style; finding those first, and remembering each word's style, keeps the
 * check fast on large archives, where the same words recur in every entry.
 */
const CLUSTER = /[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ](?![\p{L}\p{M}])/giu;
const LETTER = /[\p{L}\p{M}]/u;
const styles = new Map<string, ToneStyle | undefined>();

/** The words of NFC `text` that end in such a cluster, found from the cluster back to the word's start. */
function* candidates(text: string): Generator<string> {
  for (const m of text.matchAll(CLUSTER)) {
    let start = m.index;
    while (start > 0 && LETTER.test(text[start - 1])) start--;
    yield text.slice(start, m.index + m[0].length);
  }
}

function styleOf(word: string): ToneStyle | undefined {
  if (!styles.has(word)) styles.set(word, toneStyleOf(word));
  return styles.get(word);
}

const STYLE_NAME: Record<ToneStyle, string> = { old: 'kiểu cũ', new: 'kiểu mới' };

/** Words of each style in `text` (NFC), as countToneStyles counts them. */
export function countStyles(text: string): Record<ToneStyle, number> {
  const counts: Record<ToneStyle, number> = { old: 0, new: 0 };
  for (const w of candidates(text)) {
    const s = styleOf(w);
    if (s) counts[s] += 1;
  }
  return counts;
}

/** The style most words of `text` use; a tie goes to the traditional style. */
export function majorityStyle(text: string): ToneStyle {
  const counts = countStyles(text.normalize('NFC'));
  return counts.new > counts.old ? 'new' : 'old';
}

function wordsOfStyle(line: string, style: ToneStyle): string[] {
  return [...new Set([...candidates(line.normalize('NFC'))].filter((w) => styleOf(w) === style))];
}

export const toneCheck: Check = {
  id: 'tone',
  title: 'Kiểu đặt dấu thanh',
  help:
    'Một tệp dùng lẫn hai kiểu đặt dấu thanh, ví dụ "hoà" (kiểu mới) và "hòa" (kiểu cũ). Cả hai đều đúng, nên đây chỉ là cảnh báo; một tệp nên thống nhất một kiểu. `npm run check -- --fix` đưa cả tệp về kiểu mà tệp dùng nhiều hơn.',
  severity: 'warning',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry } of entries) {
      const counts = countStyles(entry.source.normalize('NFC'));
      if (counts.old === 0 || counts.new === 0) continue;
      const major = majorityStyle(entry.source);
      const minor: ToneStyle = major === 'old' ? 'new' : 'old';
      entry.source.split('\n').forEach((line, i) => {
        const words = wordsOfStyle(line, minor);
        if (words.length === 0) return;
        const pairs = words.slice(0, 3).map((w) => `"${w}" → "${placeTones(w, major)}"`).join(', ');
        out.push(
          finding(
            entry,
            i + 1,
            'warning',
            'tone',
            `tệp dùng lẫn hai kiểu đặt dấu thanh: dòng này viết ${STYLE_NAME[minor]} (${pairs}), còn cả tệp chủ yếu viết ${STYLE_NAME[major]} (${counts[major]} từ, so với ${counts[minor]} từ). Sửa tự động về ${STYLE_NAME[major]}: npm run check -- --fix`,
          ),
        );
      });
    }
    return out;
  },
  fix(source) {
    const counts = countStyles(source.normalize('NFC'));
    if (counts.old === 0 || counts.new === 0) return { source, changes: [] };
    const major = majorityStyle(source);
    const minor: ToneStyle = major === 'old' ? 'new' : 'old';
    const moved = [...new Set(wordsOfStyle(source, minor))];
    const fixed = placeTones(source, major);
    const shown = moved.slice(0, 4).map((w) => `${w} → ${placeTones(w, major)}`).join(', ');
    return {
      source: fixed,
      changes: [`đưa ${counts[minor]} từ về ${STYLE_NAME[major]} đặt dấu thanh (${shown}${moved.length > 4 ? ', …' : ''})`],
    };
  },
};
