/**
 * The open data for people with a spreadsheet: the same records and columns
 * as the machine CSV, but with the fields' Vietnamese names as headers, the
 * labels of coded values ("Chỉ đạo, điều hành", not chi-dao-dieu-hanh) and
 * dates as dd/mm/yyyy. Names and labels come from the schema and the taxonomy.
 */
import { stringify } from 'csv-stringify/sync';
import { DOCUMENT_TYPES, INDICES, ISSUER_LEVELS, REFORM_AREAS } from '../data/taxonomy.ts';
import { formatDate } from './dates.ts';
import { csvCell, valueAt } from './export.ts';
import type { SchemaField } from './schema-fields.ts';

/** The labels readers know, for the fields whose values are codes. */
export const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, { label: string }>>>> = {
  documentType: DOCUMENT_TYPES,
  'issuer.level': ISSUER_LEVELS,
  reformAreas: REFORM_AREAS,
  indices: INDICES,
};

/** A value as a reader reads it: a code as its label, an ISO date as dd/mm/yyyy. */
export function readableValue(value: unknown, field: SchemaField, fields: readonly SchemaField[]): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => readableValue(v, field, fields));
  const labels = VALUE_LABELS[field.path];
  if (labels && typeof value === 'string') return labels[value]?.label ?? value;
  if (field.kind === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'object') {
    // An item of a list of objects (legalBases): its own fields, by their schema.
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const sub = fields.find((f) => f.path === `${field.path}[].${key}`);
      out[key] = sub ? readableValue(v, sub, fields) : v;
    }
    return out;
  }
  return value;
}

/**
 * A spreadsheet reads a cell that starts with = + - or @ as a formula: such a
 * cell is written after an apostrophe, which the spreadsheet shows as text.
 */
function inert(cell: unknown): unknown {
  return typeof cell === 'string' && /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

/** The spreadsheet CSV: UTF-8 with a byte-order mark for Excel, CRLF line ends. */
export function toReadableCsv(records: readonly object[], fields: readonly SchemaField[]): string {
  const columns = fields.filter((f) => f.column);
  const header = columns.map((f) => f.title ?? f.path);
  const rows = records.map((r) => columns.map((f) => inert(csvCell(readableValue(valueAt(r, f.path), f, fields)))));
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}
