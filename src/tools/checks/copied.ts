/**
 * Sentences copied from the source. The archive summarises plans in the
 * editor's own words (docs/interfaces.md §1); where the editor keeps the source text
 * locally as `<sources dir>/<slug>.txt`, body sentences that repeat it word
 * for word are flagged. Without a local copy there is nothing to compare.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../lib/entries.ts';
import { bodyLineAt, excerpt, finding, type Check } from './types.ts';

/**
 * Where editors keep source texts by default: inside tmp/, which git ignores,
 * so a copyrighted source cannot be committed with the entry by mistake.
 */
export const DEFAULT_SOURCES_DIR = 'tmp/sources';

/** Runs of this many words are compared. */
const SHINGLE = 6;
/** Sentences shorter than this are names, dates or headings, not prose worth flagging. */
const MIN_WORDS = 10;
/** The share of a sentence's word runs found in the source that makes it a copy. */
const COPIED_SHARE = 0.6;

const words = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function shingles(ws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= ws.length; i++) out.push(ws.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Sentences of a body with their offsets: split at ., !, ?, ; and line breaks. */
export function sentences(body: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  for (const m of body.matchAll(/[^.!?;\n]+[.!?;]?/g)) {
    // A list marker or heading mark is not part of the sentence.
    const text = m[0].replace(/^\s*(?:[-*+]|#{1,6})\s+/, '');
    if (text.trim()) out.push({ text: text.trim(), offset: m.index! + m[0].length - text.length + (text.length - text.trimStart().length) });
  }
  return out;
}

/** The body sentences that repeat `source` word for word (most of their 6-word runs). */
export function copiedSentences(body: string, source: string): Array<{ text: string; offset: number }> {
  const known = new Set(shingles(words(source)));
  return sentences(body).filter(({ text }) => {
    const ws = words(text);
    if (ws.length < MIN_WORDS) return false;
    const runs = shingles(ws);
    return runs.filter((r) => known.has(r)).length / runs.length >= COPIED_SHARE;
  });
}

export const copiedCheck: Check = {
  id: 'copied',
  title: 'Chép nguyên văn từ nguồn',
  help:
    `Chỉ chạy khi bạn lưu văn bản nguồn trên máy ở \`${DEFAULT_SOURCES_DIR}/<tên tệp>.txt\` (thư mục \`tmp\` không bao giờ được đưa lên kho). Một câu trong phần nội dung trùng gần nguyên văn với nguồn (cảnh báo): hãy viết lại bằng lời của bạn, giữ chính xác số liệu, ngày tháng, tên riêng.`,
  severity: 'warning',
  run({ entries, sourcesDir }) {
    const out: Finding[] = [];
    if (!sourcesDir) return out;
    for (const { entry } of entries) {
      const file = join(sourcesDir, `${entry.slug}.txt`);
      if (!existsSync(file)) continue;
      for (const s of copiedSentences(entry.body, readFileSync(file, 'utf8'))) {
        out.push(
          finding(
            entry,
            bodyLineAt(entry, s.offset),
            'warning',
            'copied',
            `câu "${excerpt(s.text)}" trùng gần nguyên văn với nguồn (${file}). Hãy viết lại bằng lời của bạn; số liệu, ngày tháng và tên riêng giữ chính xác`,
          ),
        );
      }
    }
    return out;
  },
};
