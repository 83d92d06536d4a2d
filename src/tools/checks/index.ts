/**
 * `npm run check`: the schema (as the build applies it) plus the content
 * checks beyond it, over one folder of entries. The CLI in scripts/check.ts
 * only parses arguments and prints; everything it reports comes from here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readEntries, validateAll, type Finding, type RawEntry } from '../../lib/entries.ts';
import { bodyCheck } from './body.ts';
import { copiedCheck } from './copied.ts';
import { draftCheck } from './draft.ts';
import { duplicatesCheck } from './duplicates.ts';
import { issuerProvinceCheck } from './issuer-province.ts';
import { legalBasesCheck } from './legal-bases.ts';
import { linksCheck } from './links.ts';
import { mojibakeCheck } from './mojibake.ts';
import { nfcCheck } from './nfc.ts';
import { sourceUrlCheck } from './source-url.ts';
import { summaryCheck } from './summary.ts';
import { toneCheck } from './tone.ts';
import type { Check, CheckContext, FixResult } from './types.ts';

export type { Check, CheckContext, FixResult } from './types.ts';

/** Every content check, in the order CONTRIBUTING explains them. */
export const CHECKS: readonly Check[] = [
  nfcCheck,
  toneCheck,
  mojibakeCheck,
  duplicatesCheck,
  legalBasesCheck,
  issuerProvinceCheck,
  summaryCheck,
  sourceUrlCheck,
  linksCheck,
  copiedCheck,
  bodyCheck,
  draftCheck,
];

export interface CheckOptions {
  /** Folder of local source texts for the copied-text check. */
  sourcesDir?: string;
}

/** Schema findings and content findings for a set of parsed entries. */
export function checkEntries(entries: RawEntry[], options: CheckOptions = {}): Finding[] {
  const { plans, findings } = validateAll(entries);
  const ctx: CheckContext = {
    entries: entries.map((entry) => ({ entry, plan: plans.get(entry.file) })),
    sourcesDir: options.sourcesDir,
  };
  for (const check of CHECKS) findings.push(...check.run(ctx));
  return findings;
}

export function checkDir(dir: string, options: CheckOptions = {}): { files: number; findings: Finding[] } {
  const entries = readEntries(dir);
  return { files: entries.length, findings: checkEntries(entries, options) };
}

/** Applies every safe repair to one file's text, in order (NFC before tone marks). */
export function fixSource(source: string): FixResult {
  let current = source;
  const changes: string[] = [];
  for (const check of CHECKS) {
    if (!check.fix) continue;
    const r = check.fix(current);
    current = r.source;
    changes.push(...r.changes);
  }
  return { source: current, changes };
}

export interface FileFix {
  file: string;
  changes: string[];
}

/** Repairs every entry of `dir` in place; returns what changed, file by file. */
export function fixDir(dir: string): FileFix[] {
  const fixed: FileFix[] = [];
  for (const entry of readEntries(dir)) {
    // Re-read the bytes: RawEntry.source is what the checks saw, and the file
    // must be written back exactly, line endings included.
    const before = readFileSync(entry.file, 'utf8');
    const r = fixSource(before);
    if (r.source === before) continue;
    writeFileSync(entry.file, r.source);
    fixed.push({ file: entry.file, changes: r.changes });
  }
  return fixed;
}
