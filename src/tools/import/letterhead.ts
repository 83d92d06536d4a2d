/**
 * The fixed places of an official document: the issuing body's block and the
 * national motto at the top, "Số: 87/KH-UBND", the place-and-date line, the
 * title block in capitals, the signing authority ("CHỦ TỊCH ỦY BAN NHÂN DÂN
 * TỈNH …") and the preamble of "Căn cứ …" / "Thực hiện …" clauses.
 */
import { fold } from '../../lib/text/fold.ts';
import { readDate, type DateRead } from './dates.ts';
import { isCaps, NUMBERED } from './normalise.ts';
import { numbersIn } from './numbers.ts';
import type { Line } from './types.ts';

export interface Letterhead {
  /** Index (in the lines) of the number line, when there is one. */
  numberAt?: number;
  number?: { value: string; line: Line };
  date?: { read: DateRead; place?: string; line: Line };
  /** The issuing body's block, capitals joined, motto removed. */
  issuerBlock?: { text: string; line: Line };
  title?: { typeWord?: string; typeLine?: Line; text: string; caps: boolean; line: Line };
  authority?: { text: string; line: Line };
  /** Lines of the "Căn cứ …" preamble: [start, end). */
  preamble: [number, number];
  meta: Record<string, { value: string; line: Line }>;
}

const HEAD = 45;
const NUMBER_LINE = /^Số\s*(?:hiệu|ký hiệu)?\s*:\s*(.+)$/iu;
const META = /^(Số hiệu|Ngày ban hành|Loại văn bản|Cơ quan ban hành|Nơi ban hành)\s*:\s*(.+)$/u;
const PLACE_DATE = /^(?:([\p{L}][\p{L} .'-]{0,40}?)\s*,\s*)?ngày\b/iu;
const MOTTO = [/CỘNG\s*HÒA\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM/giu, /CỘNG\s*HOÀ\s*XÃ\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM/giu, /Độc\s*lập\s*-\s*Tự\s*do\s*-\s*Hạnh\s*phúc/giu];
const MOTTO_WORDS = new Set(['cong', 'hoa', 'xa', 'hoi', 'chu', 'nghia', 'viet', 'nam']);
const TYPE_LINE = /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|CHỈ THỊ|NGHỊ QUYẾT|BÁO CÁO|CÔNG VĂN|HƯỚNG DẪN|THÔNG BÁO)$/u;
const AUTHORITY = /^(CHỦ TỊCH|PHÓ CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\b/u;
const PREAMBLE_END = /^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ)\s*:?$|^Điều\s+1\b/u;

/** A line that is only the national motto, or part of it. */
export function isMotto(text: string): boolean {
  const rest = stripMotto(text);
  if (!rest) return true;
  const words = fold(rest).split(/[^a-z]+/).filter(Boolean);
  return isCaps(rest) && words.length > 0 && words.every((w) => MOTTO_WORDS.has(w)) && (words.length >= 2 || words[0] === 'cong');
}

export function stripMotto(text: string): string {
  return MOTTO.reduce((t, r) => t.replace(r, ' '), text).replace(/\s+/g, ' ').trim();
}

function findNumber(lines: Line[]): Pick<Letterhead, 'numberAt' | 'number'> {
  // The document's own "Số:" line first; a site's "Số hiệu:" table only without it.
  for (const plain of [true, false]) {
    for (let i = 0; i < Math.min(lines.length, HEAD); i++) {
      const m = NUMBER_LINE.exec(lines[i].text);
      if (!m || (plain && !/^Số\s*:/u.test(lines[i].text))) continue;
      const n = numbersIn(m[1])[0];
      if (n && n.index < 3) return { numberAt: i, number: { value: n.number, line: lines[i] } };
    }
  }
  return {};
}

function findDate(lines: Line[], from: number): Letterhead['date'] {
  for (let i = Math.max(0, from); i < Math.min(lines.length, from + 6, HEAD); i++) {
    const m = PLACE_DATE.exec(lines[i].text);
    if (!m) continue;
    const read = readDate(lines[i].text.slice(m[0].length - 4));
    if (read) return { read, place: m[1]?.trim(), line: lines[i] };
  }
  return undefined;
}

/** Capital lines above `below` (the number line), read upwards until other text; the motto is left out. */
function findIssuerBlock(lines: Line[], below: number): Letterhead['issuerBlock'] {
  const parts: Line[] = [];
  for (let i = below - 1; i >= 0 && below - i <= 10; i--) {
    const text = stripMotto(lines[i].text);
    if (!text || isMotto(lines[i].text)) continue;
    if (!isCaps(text) || /:$/.test(text)) break;
    parts.unshift({ text, line: lines[i].line });
  }
  return parts.length ? { text: parts.map((p) => p.text).join(' '), line: parts[0] } : undefined;
}

/** The title block: a type line, then the capital lines of the trích yếu. */
function findTitle(lines: Line[], from: number): Pick<Letterhead, 'title' | 'authority'> & { end: number } {
  let i = from;
  while (i < lines.length && (isMotto(lines[i].text) || PLACE_DATE.test(lines[i].text))) i++;
  let typeWord: string | undefined;
  let typeLine: Line | undefined;
  if (i < lines.length && TYPE_LINE.test(lines[i].text)) {
    typeLine = lines[i++];
    typeWord = typeLine.text;
  }
  const start = i;
  const parts: string[] = [];
  while (i < lines.length && isCaps(lines[i].text) && !AUTHORITY.test(lines[i].text) && !NUMBERED.test(lines[i].text) && parts.join(' ').length < 400) parts.push(lines[i++].text);
  let title: Letterhead['title'];
  if (parts.length) title = { typeWord, typeLine, text: parts.join(' '), caps: true, line: lines[start] };
  else if (i < lines.length && /^(?:Về việc|V\/v|Kế hoạch|Quyết định|Chương trình|Đề án|Ban hành|Phê duyệt)\b/u.test(lines[i].text) && lines[i].text.length < 300) {
    title = { typeWord, typeLine, text: lines[i].text.replace(/[.;]$/, ''), caps: false, line: lines[i] };
    i++;
  }
  const authority = i < lines.length && isCaps(lines[i].text) && AUTHORITY.test(lines[i].text) ? { text: lines[i].text, line: lines[i++] } : undefined;
  return { title, authority, end: i };
}

function findPreambleEnd(lines: Line[], start: number): number {
  for (let i = start; i < lines.length && i < start + 30; i++) {
    const t = lines[i].text;
    if (PREAMBLE_END.test(t) || NUMBERED.test(t)) return i;
    if (/(?:như sau|sau đây)\s*:\s*$/u.test(t)) return i + 1;
  }
  return Math.min(lines.length, start + 30);
}

function findMeta(lines: Line[]): Letterhead['meta'] {
  const meta: Letterhead['meta'] = {};
  for (const line of lines.slice(0, HEAD)) {
    const m = META.exec(line.text);
    if (m && !meta[m[1]]) meta[m[1]] = { value: m[2].trim(), line };
  }
  return meta;
}

/** The letterhead of an official document, or undefined for a news item or a bare body. */
export function readLetterhead(lines: Line[]): Letterhead | undefined {
  const { numberAt, number } = findNumber(lines);
  const motto = lines.slice(0, HEAD).findIndex((l) => isMotto(l.text) || stripMotto(l.text) !== l.text);
  if (numberAt === undefined && motto === -1) return undefined;
  const anchor = numberAt ?? motto;
  const date = findDate(lines, anchor);
  const dateAt = date ? lines.indexOf(date.line) : anchor;
  const { title, authority, end } = findTitle(lines, Math.max(dateAt, anchor) + 1);
  return {
    numberAt,
    number,
    date,
    issuerBlock: findIssuerBlock(lines, numberAt ?? motto + 1),
    title,
    authority,
    preamble: [end, findPreambleEnd(lines, end)],
    meta: findMeta(lines),
  };
}
