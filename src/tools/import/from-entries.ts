/**
 * `npm run bench:import -- --from-entries`: an evaluation corpus built from
 * the archive's own checked entries. Each entry of src/content/plans whose
 * source text was kept (tmp/sources/<slug>.txt, first line `# url: …`) becomes
 * one file of a bench folder, and its frontmatter becomes that file's expected
 * facts. Editors checked every fact of an entry against that text by hand, so
 * the entries are facts the extractor has never been tuned on.
 *
 * An entry states a field or leaves it out; a field left out is expected to be
 * absent (null, or [] for lists), so a value there counts as invented. Editors
 * sometimes leave out what the text does state: an amendments file records
 * those cases, each checked against the text, so that the bench does not call
 * a true fact invented.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDate } from '../../lib/dates.ts';
import { docNumberKey } from '../../lib/docnumber.ts';
import { DRAFT_MARKER } from '../checks/draft.ts';
import { CliError } from '../cli.ts';
import { listEntryFiles, parseEntry } from '../../lib/entries.ts';
import type { ImportJson } from './output.ts';

/** The keys of facts.json that an entry settles, stated or left out. */
const KEYS = ['title', 'documentNumber', 'documentType', 'issuedOn', 'issuerName', 'issuerLevel', 'province', 'district', 'periodFrom', 'periodTo', 'indices', 'legalBases'] as const;
type Key = (typeof KEYS)[number];

export interface EntryFacts {
  file: string;
  url?: string;
  certain: string[];
  [key: string]: unknown;
}

/**
 * A fact the text states and the entry leaves out, checked by hand: `value`
 * is added to the expected facts (a list item, or a scalar), or, with
 * `unscored`, the key is not scored for that file at all.
 */
export interface Amendment {
  slug: string;
  key: Key;
  value?: unknown;
  unscored?: boolean;
  /** Where the text states it, for whoever checks the amendment. */
  why: string;
}

/** An entry's frontmatter, as far as the facts go: the `--json` contract's shape. */
type Frontmatter = ImportJson;

const isoOf = (v: unknown): string | null => {
  if (v === undefined || v === null) return null;
  const d = parseDate(v);
  return d.ok ? d.iso : null;
};

/** The facts an entry's frontmatter states, in facts.json's shape. */
export function factsOfEntry(file: string, data: Frontmatter, url?: string): EntryFacts {
  const facts: EntryFacts = {
    file,
    url: url ?? data.source?.url,
    title: data.title ?? null,
    documentNumber: data.documentNumber ?? null,
    documentType: data.documentType ?? null,
    issuedOn: isoOf(data.issuedOn),
    issuerName: data.issuer?.name ?? null,
    issuerLevel: data.issuer?.level ?? null,
    province: data.province ?? null,
    district: data.district ?? null,
    periodFrom: data.period?.from ?? null,
    periodTo: data.period?.to ?? null,
    indices: data.indices ?? [],
    legalBases: (data.legalBases ?? []).map((b) => b.number).filter((n): n is string => typeof n === 'string'),
    certain: [...KEYS],
  };
  return facts;
}

/** Applies hand-checked amendments; returns how many applied. */
export function amend(facts: EntryFacts[], amendments: Amendment[]): number {
  let applied = 0;
  for (const a of amendments) {
    const f = facts.find((x) => x.file === `${a.slug}.txt`);
    if (!f) continue;
    applied++;
    if (a.unscored) f.certain = f.certain.filter((k) => k !== a.key);
    else if (Array.isArray(f[a.key])) f[a.key] = [...(f[a.key] as unknown[]), ...(Array.isArray(a.value) ? a.value : [a.value])];
    else f[a.key] = a.value;
  }
  return applied;
}

/**
 * A kept source as a bench file: its `# url:` line first, then the text
 * without the archive's own annotation lines (`# retrieved: …`, `# (…)`, a
 * second `# url:` of a second excerpt).
 */
export function benchText(source: string): { url?: string; text: string } {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const url = /^# url:\s*(\S+)/.exec(lines[0] ?? '')?.[1];
  const body = lines.filter((l) => !/^# (?:url:|retrieved:|\()/.test(l)).join('\n').replace(/^\s*\n/, '');
  return { url, text: url ? `# url: ${url}\n\n${body}` : body };
}

export interface Corpus {
  dir: string;
  files: number;
  skipped: string[];
  /** Entries whose kept text is another entry's plan (see citedOnly). */
  cited: string[];
  amended: number;
}

/**
 * Entries known only from another entry's source: two entries keep the same
 * text, and one's number is among the other's legal bases (a district plan
 * cited by the commune plan that carries it out). That text is about the other
 * plan, so an extractor fed it must not be scored on the cited one.
 */
export function citedOnly(items: Array<{ slug: string; text: string; facts: EntryFacts }>): Set<string> {
  const out = new Set<string>();
  for (const a of items) {
    const number = a.facts.documentNumber;
    if (typeof number !== 'string') continue;
    const key = docNumberKey(number);
    const host = items.find((b) => b !== a && b.text === a.text && (b.facts.legalBases as string[]).some((n) => docNumberKey(n) === key));
    if (host) out.add(a.slug);
  }
  return out;
}

function readAmendments(file: string): Amendment[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Amendment[];
  } catch {
    throw new CliError(`không đọc được tệp bổ sung "${file}" (--amend): cần một mảng JSON {slug, key, value | unscored, why}`);
  }
}

/** Writes the corpus (texts and facts.json) to `out`. */
export function buildCorpus(opts: { plans?: string; sources: string; out: string; amendments?: string }): Corpus {
  if (!existsSync(opts.sources)) throw new CliError(`không có thư mục nguồn "${opts.sources}" (--sources): cần các tệp <slug>.txt đã lưu của các mục`);
  // The corpus rewrites each text without its "# url:" line: never over the sources it reads.
  if (resolve(opts.out) === resolve(opts.sources)) {
    throw new CliError(`--out và --sources cùng là "${opts.sources}": bộ chấm sẽ ghi đè văn bản nguồn đã lưu. Hãy chọn thư mục khác cho --out, ví dụ --out tmp/eval`);
  }
  mkdirSync(opts.out, { recursive: true });
  const items: Array<{ slug: string; text: string; facts: EntryFacts }> = [];
  const skipped: string[] = [];
  for (const path of listEntryFiles(opts.plans)) {
    const entry = parseEntry(path, readFileSync(path, 'utf8'));
    const src = join(opts.sources, `${entry.slug}.txt`);
    // A draft still marked for the editor ([CẦN VIẾT]) has not been checked against its text yet.
    if (!existsSync(src) || !entry.data || entry.source.includes(DRAFT_MARKER)) {
      skipped.push(entry.slug);
      continue;
    }
    const { url, text } = benchText(readFileSync(src, 'utf8'));
    items.push({ slug: entry.slug, text, facts: factsOfEntry(`${entry.slug}.txt`, entry.data as Frontmatter, url) });
  }
  const cited = citedOnly(items);
  const kept = items.filter((i) => !cited.has(i.slug));
  for (const i of kept) writeFileSync(join(opts.out, `${i.slug}.txt`), i.text);
  const facts = kept.map((i) => i.facts);
  const amended = opts.amendments ? amend(facts, readAmendments(opts.amendments)) : 0;
  writeFileSync(join(opts.out, 'facts.json'), `${JSON.stringify(facts, null, 1)}\n`);
  return { dir: opts.out, files: facts.length, skipped, cited: [...cited], amended };
}
