/**
 * Reading and validating plan entries from disk, outside Astro.
 *
 * The build guard, `npm run check` and `npm run new` share this module, so an
 * editor sees the same message from each. Frontmatter is parsed with the YAML
 * 1.2 core schema, which keeps dates as the strings the editor typed: YAML 1.1
 * (what Astro uses) turns an unquoted 2020-13-01 into a valid Date in 2021, and
 * the impossible date would slip through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describeIssues, formatProblem, type Problem } from '../schemas/error-map.ts';
import { planSchema, type Plan } from '../schemas/plan.ts';
import { formatDate } from './dates.ts';
import { docNumberKey } from './docnumber.ts';
import { issuerKey } from './issuer.ts';
import { isSlug, slugify } from './text/slug.ts';

export const PLANS_DIR = 'src/content/plans';

export interface RawEntry {
  /** Path relative to the working directory, as editors see it. */
  file: string;
  slug: string;
  source: string;
  /** Parsed frontmatter, or undefined when it is missing or not YAML. */
  data: unknown;
  body: string;
  /** Line (1-based, in the file) where the body starts. */
  bodyLine: number;
  /** The file line of a frontmatter path, or of the nearest parent that exists. */
  lineOf(path: ReadonlyArray<PropertyKey>): number;
  yamlError?: { line: number; message: string };
}

export interface Finding {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  /** A short identifier of the rule, for tests and filtering. */
  rule: string;
  message: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function parseEntry(file: string, source: string): RawEntry {
  const slug = basename(file).replace(/\.mdx?$/, '');
  const m = FRONTMATTER.exec(source);
  if (!m) {
    return { file, slug, source, data: undefined, body: source, bodyLine: 1, lineOf: () => 1 };
  }
  const text = m[1];
  const parse = () => {
    const lineCounter = new LineCounter();
    return { lineCounter, doc: parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false }) };
  };
  const bodyLine = m[0].split('\n').length;
  // Frontmatter line n is file line n + 1, after the opening "---".
  const lineAt = (lineCounter: LineCounter, offset: number) => lineCounter.linePos(offset).line + 1;
  // A parsed document weighs far more than its text, and only findings need
  // line numbers: entries keep the text and parse it again on the first
  // lineOf, so checking a large archive does not hold every document in memory.
  let located: ReturnType<typeof parse> | undefined;
  const lineOf = (path: ReadonlyArray<PropertyKey>) => {
    located ??= parse();
    const { doc, lineCounter } = located;
    let node: unknown = doc.contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) line = lineAt(lineCounter, keyNode.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        if (item.range) line = lineAt(lineCounter, item.range[0]);
        node = item;
      } else break;
    }
    return line;
  };
  const { doc, lineCounter } = parse();
  const error = doc.errors[0];
  return {
    file,
    slug,
    source,
    data: error ? undefined : doc.toJS(),
    body: source.slice(m[0].length),
    bodyLine,
    lineOf,
    yamlError: error ? { line: lineAt(lineCounter, error.pos[0]), message: error.message.split('\n')[0] } : undefined,
  };
}

export function listEntryFiles(dir = PLANS_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.mdx?$/.test(n) && !n.startsWith('_'))
    .sort()
    .map((n) => join(dir, n));
}

export function readEntries(dir = PLANS_DIR): RawEntry[] {
  return listEntryFiles(dir).map((f) => parseEntry(relative(process.cwd(), f) || f, readFileSync(f, 'utf8')));
}

/**
 * The entries one at a time, for callers that look at each once: a parsed
 * entry keeps its YAML document alive, and 100,000 of them at once need some
 * 13 GB. `onEach` hears how many have been read, for progress lines.
 */
export function* iterateEntries(dir = PLANS_DIR, onEach?: (done: number) => void): Generator<RawEntry> {
  let done = 0;
  for (const f of listEntryFiles(dir)) {
    yield parseEntry(relative(process.cwd(), f) || f, readFileSync(f, 'utf8'));
    onEach?.(++done);
  }
}

export interface Validated {
  entry: RawEntry;
  plan?: Plan;
  problems: Problem[];
}

/** Schema validation of one entry. */
export function validateEntry(entry: RawEntry): { plan?: Plan; findings: Finding[] } {
  const at = (line: number, rule: string, message: string): Finding => ({
    file: entry.file,
    line,
    severity: 'error',
    rule,
    message,
  });
  const findings: Finding[] = [];
  if (!isSlug(entry.slug)) {
    findings.push(
      at(1, 'slug', `tên tệp "${entry.slug}" phải viết thường không dấu, nối bằng gạch ngang (a-z, 0-9, -). Ví dụ đúng: ${slugify(entry.slug) || '2020-tien-giang-skhcn-44-kh-skhcn'}.mdx`),
    );
  }
  if (entry.yamlError) {
    findings.push(at(entry.yamlError.line, 'yaml', `phần thông tin đầu tệp (frontmatter) không đọc được: ${entry.yamlError.message}`));
    return { findings };
  }
  if (entry.data === undefined || entry.data === null || typeof entry.data !== 'object') {
    findings.push(at(1, 'frontmatter', 'thiếu phần thông tin đầu tệp, đặt giữa hai dòng "---". Xem mẫu bằng lệnh: npm run new'));
    return { findings };
  }
  const result = planSchema.safeParse(entry.data, { reportInput: true });
  if (result.success) return { plan: result.data, findings };
  for (const p of describeIssues(result.error.issues)) {
    findings.push(at(entry.lineOf(p.path), 'schema', formatProblem(p)));
  }
  return { findings };
}

/**
 * The key under which two entries count as the same document: number, issuer
 * and date, each compared the way people vary them ("4003/QĐ-UBND" and
 * "4003/QD-UBND", "Ủy ban nhân dân tỉnh X" and "UBND tỉnh X").
 */
export function identityKey(plan: Plan): string | undefined {
  if (!plan.documentNumber) return undefined;
  return [docNumberKey(plan.documentNumber), issuerKey(plan.issuer.name), plan.issuedOn ?? ''].join('|');
}

/** Schema validation of every entry plus the rules across entries. */
export function validateAll(entries: Iterable<RawEntry>): { plans: Map<string, Plan>; findings: Finding[] } {
  const plans = new Map<string, Plan>();
  const findings: Finding[] = [];
  // Only the first file's name is needed later; keeping the entry would keep its YAML tree.
  const seen = new Map<string, { file: string }>();
  for (const entry of entries) {
    const r = validateEntry(entry);
    findings.push(...r.findings);
    if (!r.plan) continue;
    plans.set(entry.file, r.plan);
    const key = identityKey(r.plan);
    if (!key) continue;
    const first = seen.get(key);
    if (first) {
      findings.push({
        file: entry.file,
        line: entry.lineOf(['documentNumber']),
        severity: 'error',
        rule: 'duplicate',
        message: `văn bản ${r.plan.documentNumber} của ${r.plan.issuer.name}${r.plan.issuedOn ? ` ngày ${formatDate(r.plan.issuedOn)}` : ''} đã có trong ${first.file}. Mỗi văn bản chỉ có một tệp: hãy gộp nội dung vào tệp đó rồi xóa tệp này`,
      });
    } else seen.set(key, { file: entry.file });
  }
  return { plans, findings };
}

/** `file:line: lỗi: message`, one line per finding, errors first. */
export function formatFindings(findings: Finding[]): string {
  return [...findings]
    .sort((a, b) => (a.severity === b.severity ? a.file.localeCompare(b.file) || a.line - b.line : a.severity === 'error' ? -1 : 1))
    .map((f) => `${f.file}:${f.line}: ${f.severity === 'error' ? 'lỗi' : 'cảnh báo'}: ${f.message}`)
    .join('\n');
}
