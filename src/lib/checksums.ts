/**
 * SHA256SUMS in the format of GNU `sha256sum`, and the comparison behind
 * `npm run verify`: which files of a deployed copy are missing, extra or
 * changed. Pure: the hashing is done by the caller.
 */
import { byCodeUnit } from './text/order.ts';

export const SUMS_FILE = 'SHA256SUMS';

/** Path (with "/") → lower-case hex SHA-256. */
export type Sums = Map<string, string>;

/**
 * One line per file, "<hash>  <path>", sorted by path. A path holding a
 * backslash or a line break is escaped and the line starts with "\", as
 * `sha256sum` does, so `sha256sum -c SHA256SUMS` checks the same files.
 */
export function formatSums(sums: Sums): string {
  return [...sums.keys()]
    .sort(byCodeUnit)
    .map((path) => {
      const escaped = path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
      return `${escaped === path ? '' : '\\'}${sums.get(path)}  ${escaped}\n`;
    })
    .join('');
}

export interface ParsedSums {
  sums: Sums;
  /** Line numbers (1-based) that are not "<hash>  <path>". */
  badLines: number[];
}

const LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/;

export function parseSums(text: string): ParsedSums {
  const sums: Sums = new Map();
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) {
      badLines.push(i + 1);
      return;
    }
    const path = m[1] ? m[3].replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[3];
    sums.set(path, m[2].toLowerCase());
  });
  return { sums, badLines };
}

export interface Comparison {
  /** Listed, but not in the copy. */
  missing: string[];
  /** In the copy, but not listed. */
  extra: string[];
  /** In both, with another content. */
  changed: string[];
  /** Files that match. */
  matching: number;
}

export function compareSums(expected: Sums, actual: Sums): Comparison {
  const result: Comparison = { missing: [], extra: [], changed: [], matching: 0 };
  for (const [path, hash] of expected) {
    const got = actual.get(path);
    if (got === undefined) result.missing.push(path);
    else if (got !== hash) result.changed.push(path);
    else result.matching++;
  }
  for (const path of actual.keys()) if (!expected.has(path)) result.extra.push(path);
  for (const list of [result.missing, result.extra, result.changed]) list.sort(byCodeUnit);
  return result;
}

export function isIdentical(c: Comparison): boolean {
  return c.missing.length === 0 && c.extra.length === 0 && c.changed.length === 0;
}

/** The verdict, in Vietnamese, one file per line. */
export function describeComparison(c: Comparison, where: string): string {
  const n = (x: number) => x.toLocaleString('vi-VN');
  const lines: string[] = [];
  const section = (list: string[], mark: string, title: string) => {
    if (!list.length) return;
    lines.push(`${title} (${n(list.length)} tệp):`);
    for (const path of list) lines.push(`  ${mark} ${path}`);
  };
  section(c.missing, '-', `Thiếu: có trong ${SUMS_FILE} nhưng không có trong ${where}`);
  section(c.extra, '+', `Thừa: có trong ${where} nhưng không có trong ${SUMS_FILE}`);
  section(c.changed, '~', 'Khác: nội dung không khớp mã băm');
  lines.push(
    isIdentical(c)
      ? `KHỚP: cả ${n(c.matching)} tệp của ${where} đúng như ${SUMS_FILE}.`
      : `KHÔNG KHỚP: ${n(c.missing.length)} thiếu, ${n(c.extra.length)} thừa, ${n(c.changed.length)} khác; ${n(c.matching)} tệp khớp.`,
  );
  return lines.join('\n');
}
