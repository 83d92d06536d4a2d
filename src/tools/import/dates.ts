/**
 * Dates as Vietnamese texts print them: "ngày 10 tháng 12 năm 2013",
 * "ngày 08/11/2011", "22-01-2020". A day and month without a year
 * ("ngày 31/3") is no date: it is reported, never completed by a guess.
 */
import { isoFromParts } from '../../lib/dates.ts';

export type DateRead = { iso: string; text: string; index: number; reason?: undefined } | { iso?: undefined; text: string; index: number; reason: 'no-year' | 'impossible' };

const LONG = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const SHORT = /(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])/u;
const NO_YEAR = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/]|\s*\/)/u;

function at(m: RegExpExecArray, y: number, mo: number, d: number): DateRead {
  const iso = isoFromParts(y, mo, d);
  return iso ? { iso, text: m[0], index: m.index } : { text: m[0], index: m.index, reason: 'impossible' };
}

/** The first date in `text`: a full one, or the reason a date-like text is none. */
export function readDate(text: string): DateRead | undefined {
  const found = [LONG, SHORT].map((r) => r.exec(text)).filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  const partial = NO_YEAR.exec(text);
  if (partial && (!found || partial.index < found.index)) return { text: partial[0], index: partial.index, reason: 'no-year' };
  if (!found) return undefined;
  if (found[0].includes('tháng')) return at(found, Number(found[3]), Number(found[2]), Number(found[1]));
  return at(found, Number(found[3]), Number(found[2]), Number(found[1]));
}

/** The date right after "ngày" at the start of `text` ("ngày 08/11/2011 của …"). */
export function dateAfterNgay(text: string): DateRead | undefined {
  const m = /^\s*,?\s*ngày\s+/iu.exec(text);
  if (!m) return undefined;
  const read = readDate(text.slice(m[0].length, m[0].length + 40));
  return read && read.index === 0 ? { ...read, index: read.index + m[0].length } : undefined;
}
