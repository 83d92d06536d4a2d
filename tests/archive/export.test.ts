/**
 * The open-data records, the CSV form and the fields read from the generated
 * JSON Schema: one definition drives the columns and the dictionary.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, exportRecord, LIST_SEPARATOR, toCsv, valueAt } from '../../src/lib/export.ts';
import { kindLabel, schemaFields, type JsonSchema } from '../../src/lib/schema-fields.ts';
import { exportRecordJsonSchema, exportRecordSchema } from '../../src/schemas/export.ts';
import { planObject } from '../../src/schemas/plan.ts';
import { makeFacts } from './plans.ts';

const fields = schemaFields(exportRecordJsonSchema() as JsonSchema);
const columns = fields.filter((f) => f.column).map((f) => f.path);

const facts = makeFacts('2020-quang-nam-kiem-thu', {
  documentNumber: '5/KH-UBND',
  legalBases: ['30c/NQ-CP', { number: '4353/QĐ-UBND', issuer: 'UBND tỉnh Quảng Nam', issuedOn: '31/12/2019' }],
  reformAreas: ['the-che', 'cong-vu'],
  summary: 'Tóm tắt có dấu phẩy, dấu "ngoặc kép" và\nxuống dòng, để CSV phải đặt trong ngoặc.',
});
const record = exportRecord(facts, { url: 'https://example.org/ke-hoach/x/', legalBaseKeys: ['30c-nq-cp', 'k2'], updatedOn: '2024-05-06' });

describe('schemaFields', () => {
  it('has a column for every leaf of the record, in schema order, derived fields included', () => {
    const shape = Object.keys(exportRecordSchema.shape);
    const tops = [...new Set(columns.map((c) => c.split('.')[0]))];
    expect(tops).toEqual(shape);
    expect(columns).toEqual(expect.arrayContaining(['issuer.name', 'issuer.level', 'period.from', 'period.to', 'source.url', 'slug', 'url', 'provinceNow', 'legalBaseKeys', 'updatedOn']));
    expect(columns).not.toContain('issuer');
  });

  it('carries the Vietnamese titles, required flags and enum values of the zod schema', () => {
    const level = fields.find((f) => f.path === 'issuer.level')!;
    expect(level.title).toBe(planObject.shape.issuer.shape.level.meta()?.title);
    expect(level.required).toBe(true);
    expect(level.values).toEqual(planObject.shape.issuer.shape.level.options);
    expect(fields.find((f) => f.path === 'documentNumber')!.required).toBe(false);
    expect(fields.find((f) => f.path === 'source.url')!.required).toBe(false);
  });

  it('documents the fields of legal-basis objects without making them columns', () => {
    const nested = fields.filter((f) => f.path.startsWith('legalBases[].'));
    expect(nested.map((f) => f.path)).toEqual(['legalBases[].number', 'legalBases[].issuer', 'legalBases[].issuedOn']);
    expect(nested.every((f) => !f.column)).toBe(true);
  });

  it('names types in Vietnamese', () => {
    const label = (path: string) => kindLabel(fields.find((f) => f.path === path)!);
    expect(label('issuedOn')).toBe('ngày (yyyy-mm-dd)');
    expect(label('reformAreas')).toBe('danh sách giá trị cố định');
    expect(label('period.from')).toBe('số nguyên từ 1945 đến 2100');
    expect(label('url')).toBe('URL');
  });
});

describe('exportRecord', () => {
  it('is the frontmatter as the schema outputs it, plus the derived fields', () => {
    expect(record).toMatchObject({ ...facts.plan, slug: facts.slug, provinceNow: facts.now!.name, updatedOn: '2024-05-06' });
    expect(exportRecordSchema.safeParse(record).success).toBe(true);
  });
});

describe('CSV', () => {
  const csv = toCsv([record], fields);

  it('starts with a byte-order mark and a header of field paths', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(columns);
    expect(rows).toHaveLength(2);
  });

  it('keeps commas, quotes and line breaks inside one cell', () => {
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(row.summary).toBe(facts.plan.summary);
    expect(row['issuer.name']).toBe(facts.plan.issuer.name);
  });

  it('joins lists with "; " and writes a legal-basis object as "number (issuer, date)"', () => {
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(row.reformAreas).toBe(facts.plan.reformAreas.join(LIST_SEPARATOR));
    expect(row.legalBases).toBe('30c/NQ-CP; 4353/QĐ-UBND (UBND tỉnh Quảng Nam, 2019-12-31)');
    expect(row.indices).toBe('');
  });

  it('reads cells by path', () => {
    expect(valueAt(record, 'period.from')).toBe(2020);
    expect(valueAt(record, 'source.author')).toBeUndefined();
    expect(csvCell(undefined)).toBe('');
    expect(csvCell([1, 2])).toBe(`1${LIST_SEPARATOR}2`);
  });
});
