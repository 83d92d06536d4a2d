/**
 * From what an editor typed to frontmatter that validates.
 *
 * Both ways of running `npm run new` (prompts and flags) hand their raw text
 * here. Values are normalised the way editors expect to be understood (labels
 * or keys for enums, "Tien Giang" for Tiền Giang, 22/1/2020 for 22/01/2020);
 * anything that cannot be understood is kept as typed, so the schema itself
 * says what is wrong, in the same words as the build.
 */
import { parse as parseYaml } from 'yaml';
import { formatDate, parseDate } from '../../lib/dates.ts';
import { PROVINCE_UNITS, provinceKey } from '../../lib/provinces.ts';
import { fold, nfc } from '../../lib/text/fold.ts';
import { slugify } from '../../lib/text/slug.ts';
import { describeIssues, type Problem } from '../../schemas/error-map.ts';
import { planSchema, type Plan } from '../../schemas/plan.ts';
import { fieldForPath, scaffoldFields, type Choice, type ScaffoldField } from './fields.ts';

/** Frontmatter as it will be written: nested objects in schema order. */
export type EntryData = Record<string, unknown>;

/** The enum value an editor meant: the key itself, or its label, with or without diacritics. */
export function matchChoice(raw: string, choices: Choice[]): string {
  const text = raw.trim();
  const byValue = choices.find((c) => c.value === text || c.value === slugify(text));
  if (byValue) return byValue.value;
  const byLabel = choices.find((c) => fold(c.label) === fold(text));
  return byLabel?.value ?? text;
}

/** The province's name as the table writes it ("Tien Giang" → "Tiền Giang"), or the input when unknown. */
export function provinceName(raw: string): string {
  const key = provinceKey(raw);
  return PROVINCE_UNITS.find((u) => u.slug === key || u.id === key)?.name ?? nfc(raw.trim());
}

function normalizeDate(raw: string): string {
  const parsed = parseDate(raw);
  return parsed.ok ? formatDate(parsed.iso) : raw.trim();
}

function normalizeScalar(field: Pick<ScaffoldField, 'kind' | 'choices' | 'key'>, raw: string): unknown {
  const text = nfc(raw).trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'enum':
      return matchChoice(text, field.choices ?? []);
    case 'date':
      return normalizeDate(text);
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    default:
      return field.key === 'province' ? provinceName(text) : text;
  }
}

/**
 * One record of a record list from "4353/QĐ-UBND; UBND tỉnh Quảng Nam;
 * 31/12/2019": parts in the order the schema lists them. A single part stays
 * a plain string, as editors usually write it.
 */
function normalizeRecord(field: ScaffoldField, raw: string): unknown {
  const values = raw.split(';').map((v) => nfc(v).trim());
  if (values.length === 1) return values[0] || undefined;
  const record: Record<string, unknown> = {};
  field.parts!.forEach((part, i) => {
    const value = values[i] ? (part.kind === 'date' ? normalizeDate(values[i]) : values[i]) : undefined;
    if (value !== undefined) record[part.name] = value;
  });
  return Object.keys(record).length ? record : undefined;
}

/**
 * The frontmatter value for a field from the text(s) typed for it, or
 * undefined when nothing was typed. Lists take repeated values; enum lists also
 * accept commas ("the-che, thu-tuc-hanh-chinh").
 */
export function normalizeAnswer(field: ScaffoldField, raw: string | string[] | undefined, options: { splitCommas?: boolean } = {}): unknown {
  if (raw === undefined) return undefined;
  const raws = Array.isArray(raw) ? raw : [raw];
  switch (field.kind) {
    case 'enum-list': {
      const values = raws.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
      const out = [...new Set(values.map((v) => matchChoice(v, field.choices ?? [])))];
      return out.length ? out : undefined;
    }
    case 'text-list': {
      const values = (options.splitCommas ? raws.flatMap((r) => r.split(',')) : raws).map((r) => nfc(r).trim()).filter(Boolean);
      return values.length ? [...new Set(values)] : undefined;
    }
    case 'record-list': {
      const out = raws.map((r) => normalizeRecord(field, r)).filter((v) => v !== undefined);
      return out.length ? out : undefined;
    }
    default:
      return normalizeScalar(field, raws.at(-1)!);
  }
}

export function getPath(data: EntryData, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** Sets (or, for undefined, removes) a value, creating parent objects on the way. */
export function setPath(data: EntryData, path: string[], value: unknown): void {
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as EntryData;
  }
  const leaf = path.at(-1)!;
  if (value === undefined) delete node[leaf];
  else node[leaf] = value;
}

/** The same data with keys in schema order, as the file should list them. */
export function inSchemaOrder(data: EntryData): EntryData {
  const out: EntryData = {};
  for (const f of scaffoldFields()) {
    const value = getPath(data, f.path);
    if (value !== undefined) setPath(out, f.path, value);
  }
  return out;
}

export interface FieldProblem {
  /** The field the problem belongs to; undefined for a key no field owns. */
  field?: ScaffoldField;
  problem: Problem;
}

/** Validates frontmatter with the plan schema, one problem per issue, each tied to its field. */
export function validateData(data: EntryData): { plan?: Plan; problems: FieldProblem[] } {
  const result = planSchema.safeParse(data, { reportInput: true });
  if (result.success) return { plan: result.data, problems: [] };
  return { problems: describeIssues(result.error.issues).map((problem) => ({ field: fieldForPath(problem.path), problem })) };
}

/** The required fields with no value yet. */
export function missingFields(data: EntryData): ScaffoldField[] {
  return scaffoldFields().filter((f) => f.required && getPath(data, f.path) === undefined);
}

/**
 * What is missing and what is wrong, without saying twice that a field is
 * missing (its parent object, e.g. `source`, would be reported missing too).
 */
export function checkAnswers(data: EntryData): { plan?: Plan; missing: ScaffoldField[]; problems: FieldProblem[] } {
  const missing = missingFields(data);
  const { plan, problems } = validateData(data);
  const aboutMissing = ({ field, problem }: FieldProblem) =>
    field ? missing.includes(field) : missing.some((m) => problem.path.every((key, i) => m.path[i] === key));
  return { plan, missing, problems: problems.filter((p) => !aboutMissing(p)) };
}

/** A YAML example from FIELD_META as the values an editor would type ("[a, b]" → ["a", "b"]). */
export function exampleValues(field: ScaffoldField): string[] {
  const parsed = parseYaml(field.meta.example) as unknown;
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.map((item) =>
    item && typeof item === 'object'
      ? field.parts!.map((p) => (item as Record<string, unknown>)[p.name] ?? '').join('; ').replace(/(; )+$/, '')
      : String(item),
  );
}
