/**
 * The fields `npm run new` asks for, derived from the plan schema.
 *
 * The structure (which fields exist, their order, which are required, enum
 * values, dates, years, lists) is read from the JSON Schema that
 * `planJsonSchema()` generates from the zod schema; the Vietnamese wording
 * comes from FIELD_META and the choice labels from the taxonomy tables. A new
 * field in the schema therefore becomes a prompt and a flag with no edit here.
 */
import { DOCUMENT_TYPES, INDICES, ISSUER_LEVELS, REFORM_AREAS } from '../../data/taxonomy.ts';
import { FIELD_META, type FieldMeta, type FieldPath } from '../../schemas/fields.ts';
import { DATE_PATTERN, planJsonSchema } from '../../schemas/json-schema.ts';

export type FieldKind =
  /** Free text. */
  | 'text'
  /** One value of a controlled vocabulary. */
  | 'enum'
  /** A calendar date, dd/mm/yyyy or yyyy-mm-dd. */
  | 'date'
  /** A whole number (the plan's years). */
  | 'integer'
  /** An http(s) address. */
  | 'url'
  /** Several values of a controlled vocabulary. */
  | 'enum-list'
  /** Several free texts. */
  | 'text-list'
  /** Several items, each a text or a record of text parts (legal bases). */
  | 'record-list';

export interface Choice {
  value: string;
  /** What readers see on the site, from the taxonomy table. */
  label: string;
  hint?: string;
}

export interface ScaffoldField {
  /** The frontmatter path, e.g. ["issuer", "name"]. */
  path: string[];
  key: FieldPath;
  /** The flag editors type, without dashes: "issuer", "source-url". */
  flag: string;
  /** Other accepted spellings of the flag: the full path in kebab-case. */
  aliases: string[];
  kind: FieldKind;
  /** Must be given for the entry to validate. */
  required: boolean;
  meta: FieldMeta;
  choices?: Choice[];
  minimum?: number;
  maximum?: number;
  /** For record lists: the parts of one record, in order, and which are required. */
  parts?: Array<{ name: string; required: boolean; kind: FieldKind }>;
}

/**
 * Short flag names, as an editor would type them (the issue's
 * `--number`, `--type`, `--date`, `--area`). Only the spelling lives here;
 * every other flag is the field's path in kebab-case, and a test checks that
 * each key below is a field of the schema.
 */
export const SHORT_FLAGS: Partial<Record<FieldPath, string>> = {
  documentNumber: 'number',
  documentType: 'type',
  issuedOn: 'date',
  'issuer.name': 'issuer',
  'issuer.level': 'level',
  'period.from': 'from',
  'period.to': 'to',
  reformAreas: 'area',
  indices: 'index',
  legalBases: 'legal-basis',
  'source.publisher': 'publisher',
  'source.author': 'author',
  'source.publishedOn': 'published-on',
  'source.retrievedOn': 'retrieved-on',
  tags: 'tag',
};

const TAXONOMIES: ReadonlyArray<Record<string, { label: string; description?: string; name?: string }>> = [
  DOCUMENT_TYPES,
  ISSUER_LEVELS,
  REFORM_AREAS,
  INDICES,
];

/** Labels for an enum, from the taxonomy table whose keys are exactly its values. */
function choicesFor(values: string[]): Choice[] {
  const table = TAXONOMIES.find((t) => {
    const keys = Object.keys(t);
    return keys.length === values.length && values.every((v) => keys.includes(v));
  });
  return values.map((value) => {
    const row = table?.[value];
    return { value, label: row?.label ?? value, hint: row?.description ?? row?.name };
  });
}

const kebab = (path: string[]) => path.map((p) => p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('-');

type JsonSchema = {
  type?: string;
  enum?: string[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

function scalarKind(s: JsonSchema): FieldKind {
  if (s.enum) return 'enum';
  if (s.pattern === DATE_PATTERN) return 'date';
  if (s.format === 'uri') return 'url';
  if (s.type === 'integer' || s.type === 'number') return 'integer';
  return 'text';
}

function listField(items: JsonSchema): Pick<ScaffoldField, 'kind' | 'choices' | 'parts'> {
  if (items.enum) return { kind: 'enum-list', choices: choicesFor(items.enum) };
  const record = items.anyOf?.find((o) => o.type === 'object');
  if (record?.properties) {
    const required = new Set(record.required ?? []);
    return {
      kind: 'record-list',
      parts: Object.entries(record.properties).map(([name, s]) => ({ name, required: required.has(name), kind: scalarKind(s) })),
    };
  }
  return { kind: 'text-list' };
}

function collect(schema: JsonSchema, prefix: string[], parentRequired: boolean, out: ScaffoldField[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    const isRequired = parentRequired && required.has(name);
    if (s.type === 'object' && s.properties) {
      collect(s, path, isRequired, out);
      continue;
    }
    const key = path.join('.') as FieldPath;
    const meta = FIELD_META[key];
    if (!meta) throw new Error(`FIELD_META has no help for the schema field "${key}"`);
    const long = kebab(path);
    const flag = SHORT_FLAGS[key] ?? long;
    const base = { path, key, flag, aliases: flag === long ? [] : [long], required: isRequired, meta };
    if (s.type === 'array' && s.items) {
      out.push({ ...base, ...listField(s.items), required: isRequired && (s.minItems ?? 0) > 0, minimum: s.minItems });
    } else {
      const kind = scalarKind(s);
      out.push({ ...base, kind, choices: s.enum ? choicesFor(s.enum) : undefined, minimum: s.minimum, maximum: s.maximum });
    }
  }
}

let cached: ScaffoldField[] | undefined;

/** Every leaf field of a plan's frontmatter, in schema order. */
export function scaffoldFields(): ScaffoldField[] {
  if (!cached) {
    cached = [];
    collect(planJsonSchema() as JsonSchema, [], true, cached);
  }
  return cached;
}

export function fieldByKey(key: string): ScaffoldField | undefined {
  return scaffoldFields().find((f) => f.key === key);
}

/** The field whose path starts a zod issue path such as ["legalBases", 2, "number"]. */
export function fieldForPath(path: ReadonlyArray<PropertyKey>): ScaffoldField | undefined {
  const names = path.filter((p) => typeof p === 'string');
  return scaffoldFields()
    .filter((f) => f.path.every((p, i) => names[i] === p))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function isListKind(kind: FieldKind): boolean {
  return kind === 'enum-list' || kind === 'text-list' || kind === 'record-list';
}
