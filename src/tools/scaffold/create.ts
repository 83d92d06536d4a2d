/**
 * Writing a new entry safely: it never replaces a file, and it stops at a
 * second entry for the same document (same number and issuer) unless told to
 * go on. Both the prompts and the flags end here.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDate } from '../../lib/dates.ts';
import { docNumberKey } from '../../lib/docnumber.ts';
import { issuerKey } from '../../lib/issuer.ts';
import { isSlug } from '../../lib/text/slug.ts';
import type { Plan } from '../../schemas/plan.ts';
import { parseEntry, readEntries, validateEntry } from '../../lib/entries.ts';
import { inSchemaOrder, validateData, type EntryData, type FieldProblem } from './answers.ts';
import { renderEntry } from './render.ts';
import { planSlug } from './slug.ts';

export interface SameDocument {
  file: string;
  line: number;
  title?: string;
  /** Same issue date too: the build would refuse the pair, so even --force does not write it. */
  sameDate: boolean;
}

/** Entries of `dir` with the same document number and issuer as `plan`, however they are spelt. */
export function findSameDocument(dir: string, plan: Plan): SameDocument[] {
  if (!plan.documentNumber) return [];
  const number = docNumberKey(plan.documentNumber);
  const issuer = issuerKey(plan.issuer.name);
  return readEntries(dir).flatMap((entry) => {
    const d = entry.data as { documentNumber?: unknown; issuer?: { name?: unknown }; title?: unknown; issuedOn?: unknown } | undefined;
    if (typeof d?.documentNumber !== 'string' || typeof d.issuer?.name !== 'string') return [];
    if (docNumberKey(d.documentNumber) !== number || issuerKey(d.issuer.name) !== issuer) return [];
    const date = parseDate(d.issuedOn);
    return [
      {
        file: entry.file,
        line: entry.lineOf(['documentNumber']),
        title: typeof d.title === 'string' ? d.title : undefined,
        sameDate: date.ok ? date.iso === plan.issuedOn : d.issuedOn === undefined && plan.issuedOn === undefined,
      },
    ];
  });
}

export type CreateResult =
  | { ok: true; file: string; slug: string; text: string; plan: Plan; sameDocument: SameDocument[] }
  | { ok: false; reason: 'invalid'; problems: FieldProblem[] }
  | { ok: false; reason: 'bad-slug'; slug: string }
  | { ok: false; reason: 'exists'; file: string; slug: string }
  | { ok: false; reason: 'duplicate'; file: string; slug: string; sameDocument: SameDocument[] };

export interface CreateOptions {
  dir: string;
  data: EntryData;
  /** Write even when an entry for the same document exists. */
  force?: boolean;
  /** A slug chosen by the editor instead of the derived one. */
  slug?: string;
}

/** The path as the editor should read it: relative to where they ran the command. */
export function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}

export function createEntry({ dir, data, force = false, slug: chosen }: CreateOptions): CreateResult {
  const { plan, problems } = validateData(data);
  if (!plan) return { ok: false, reason: 'invalid', problems };
  const slug = chosen ?? planSlug(plan);
  if (!isSlug(slug)) return { ok: false, reason: 'bad-slug', slug };
  const file = join(dir, `${slug}.mdx`);
  // The same document is the likelier story behind a taken name, so it is told first.
  const sameDocument = findSameDocument(dir, plan);
  if (sameDocument.some((s) => s.sameDate) || (sameDocument.length && !force)) return { ok: false, reason: 'duplicate', file: displayPath(file), slug, sameDocument };
  if (existsSync(file) || existsSync(join(dir, `${slug}.md`))) return { ok: false, reason: 'exists', file: displayPath(file), slug };

  const text = renderEntry(inSchemaOrder(data), plan);
  // What is written must pass the build's own validation; if it does not, the
  // scaffold has a bug, and an editor must not be left with a broken file.
  const check = validateEntry(parseEntry(file, text));
  if (check.findings.length) throw new Error(`the scaffold produced an invalid entry: ${check.findings.map((f) => f.message).join('; ')}`);

  mkdirSync(dir, { recursive: true });
  try {
    // "wx" fails if the file appeared meanwhile: never overwrite.
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'exists', file: displayPath(file), slug };
    throw err;
  }
  return { ok: true, file: displayPath(file), slug, text, plan, sameDocument };
}
