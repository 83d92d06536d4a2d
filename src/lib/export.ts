/**
 * The open-data records and their CSV form. The record is the plan's
 * frontmatter as the schema outputs it (NFC text, ISO dates) plus what the
 * build derives; the CSV has one column per field of the record's schema.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportRecord } from '../schemas/export.ts';
import type { PlanFacts } from './plan-facts.ts';
import type { SchemaField } from './schema-fields.ts';

/** Joins the items of a list in one CSV cell. */
export const LIST_SEPARATOR = '; ';

export interface Derived {
  /** Absolute URL of the plan's page. */
  url: string;
  legalBaseKeys: string[];
  updatedOn: string;
}

export function exportRecord(facts: PlanFacts, derived: Derived): ExportRecord {
  return {
    slug: facts.slug,
    url: derived.url,
    ...facts.plan,
    provinceNow: facts.now?.name,
    legalBaseKeys: derived.legalBaseKeys,
    updatedOn: derived.updatedOn,
  };
}

/** The value at a dot path such as "issuer.name". */
export function valueAt(record: object, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * One cell: lists joined with "; ", an object in a list as its first value
 * with the rest in brackets: "4353/QĐ-UBND (UBND tỉnh Quảng Nam, 2019-12-31)".
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(csvCell).join(LIST_SEPARATOR);
  if (typeof value === 'object') {
    const [first, ...rest] = Object.values(value).map(csvCell).filter(Boolean);
    return rest.length ? `${first} (${rest.join(', ')})` : (first ?? '');
  }
  return String(value);
}

/**
 * The CSV file: UTF-8 with a byte-order mark, which Excel needs to read
 * Vietnamese; a header row of field paths; CRLF line ends (RFC 4180).
 */
export function toCsv(records: readonly object[], fields: readonly SchemaField[]): string {
  const columns = fields.filter((f) => f.column).map((f) => f.path);
  const rows = records.map((r) => columns.map((c) => csvCell(valueAt(r, c))));
  return stringify([columns, ...rows], { bom: true, record_delimiter: 'windows' });
}
