/**
 * The shape every content check shares. A check reads the parsed entries of
 * one plans folder and returns findings in the build's own format
 * (`Finding` from entries.ts), so `npm run check` and `astro build` print the
 * same `file:line: lỗi: …` lines.
 */
import type { Plan } from '../../schemas/plan.ts';
import type { Finding, RawEntry } from '../../lib/entries.ts';

export interface CheckedEntry {
  entry: RawEntry;
  /** The validated frontmatter; undefined when the schema rejected it. */
  plan?: Plan;
}

export interface CheckContext {
  /** Every entry of the folder, valid or not, in file-name order. */
  entries: CheckedEntry[];
  /** Folder with local copies of source texts, `<slug>.txt`, when there is one. */
  sourcesDir?: string;
}

/** What a fixer did to one file's text. */
export interface FixResult {
  source: string;
  /** One Vietnamese sentence per kind of change, for the report. */
  changes: string[];
}

export interface Check {
  /** The `rule` of its findings. */
  id: string;
  /** Vietnamese name, as CONTRIBUTING lists it. */
  title: string;
  /** Vietnamese: what the finding means and how to fix it, for CONTRIBUTING. */
  help: string;
  severity: 'error' | 'warning' | 'error or warning';
  run(ctx: CheckContext): Finding[];
  /** A safe, idempotent repair of one file's text, when one exists. */
  fix?(source: string): FixResult;
}

/** A finding at `line` of `entry`'s file. */
export function finding(entry: RawEntry, line: number, severity: Finding['severity'], rule: string, message: string): Finding {
  return { file: entry.file, line, severity, rule, message };
}

/**
 * One error per line of `entry` in which `wordsOf` finds words (given the
 * line in NFC), its message naming the first three of them, quoted.
 */
export function wordErrors(entry: RawEntry, rule: string, wordsOf: (line: string) => string[], message: (shown: string) => string): Finding[] {
  const out: Finding[] = [];
  entry.source.split('\n').forEach((line, i) => {
    const words = wordsOf(line.normalize('NFC'));
    if (words.length === 0) return;
    const shown = words.slice(0, 3).map((w) => `"${w}"`).join(', ');
    out.push(finding(entry, i + 1, 'error', rule, message(shown)));
  });
  return out;
}

/** The 1-based line of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line n of the body is file line `entry.bodyLine + n - 1`. */
export function bodyLineAt(entry: RawEntry, offset: number): number {
  return entry.bodyLine + lineAt(entry.body, offset) - 1;
}

/** The text with a short excerpt: "…" after `max` characters. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text.trim()];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}
