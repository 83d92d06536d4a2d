/**
 * /du-lieu/: the JSON validates against the served schema, the CSV parses to
 * the same plans, the schema is the generated one, and the page documents
 * every field, the licence and how to cite.
 */
import { statSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_LICENCE } from '../../src/config.ts';
import { legalBaseCitations } from '../../src/lib/citations.ts';
import { todayInVietnam } from '../../src/lib/dates.ts';
import { csvCell } from '../../src/lib/export.ts';
import { schemaFields, type JsonSchema } from '../../src/lib/schema-fields.ts';
import { exportJsonSchema, exportRecordJsonSchema } from '../../src/schemas/export.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_SITE_URL } from '../helpers/paths.ts';
import { page, testPlans, text, textOf, type TestPlan } from './site.ts';

interface DataFile {
  count: number;
  source: string;
  licence: { name: string; url: string };
  updatedOn: string;
  plans: Array<Record<string, unknown> & { slug: string; url: string; legalBaseKeys: string[]; updatedOn: string }>;
}

let plans: TestPlan[];
let data: DataFile;
let schema: Record<string, unknown>;

beforeAll(() => {
  plans = testPlans();
  data = JSON.parse(text(SITE_ROOT, 'du-lieu/ke-hoach.json'));
  schema = JSON.parse(text(SITE_ROOT, 'du-lieu/ke-hoach.schema.json'));
});

describe('ke-hoach.json', () => {
  it('validates against ke-hoach.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors, null, 1)).toBe(true);
  });

  it('has every plan once, newest first, with the frontmatter as the schema outputs it', () => {
    expect(data.count).toBe(plans.length);
    expect(data.plans.map((p) => p.slug)).toEqual(plans.map((p) => p.facts.slug));
    for (const [i, { facts }] of plans.entries()) {
      const { slug, url, provinceNow, legalBaseKeys, updatedOn, ...frontmatter } = data.plans[i];
      expect(frontmatter, slug).toEqual(JSON.parse(JSON.stringify(facts.plan)));
      expect(provinceNow, slug).toBe(facts.now?.name);
    }
  });

  it('gives each plan its page URL, its citation keys and its last change', () => {
    for (const [i, { facts, file }] of plans.entries()) {
      const record = data.plans[i];
      expect(record.url).toBe(`${TEST_SITE_URL}/ke-hoach/${facts.slug}/`);
      expect(record.legalBaseKeys).toEqual(legalBaseCitations(facts).map((c) => c.key));
      for (const key of record.legalBaseKeys) expect(statSync(`${SITE_ROOT}/van-ban/${key}/index.html`).isFile(), key).toBe(true);
      // The fixture entries are copies outside git: their date is the file's.
      expect(record.updatedOn, facts.slug).toBe(todayInVietnam(statSync(file).mtime));
    }
    expect(data.updatedOn).toBe(data.plans.map((p) => p.updatedOn).sort().at(-1));
  });

  it('names its licence and source', () => {
    expect(data.licence).toEqual(DATA_LICENCE);
    expect(data.source).toBe(`${TEST_SITE_URL}/`);
  });

  it('points into the sub-path when built under one', () => {
    const sub: DataFile = JSON.parse(text(SITE_SUB, 'du-lieu/ke-hoach.json'));
    expect(sub.plans.map((p) => p.url)).toEqual(plans.map((p) => `${TEST_SITE_URL}${SUB_BASE}ke-hoach/${p.facts.slug}/`));
    expect(JSON.parse(text(SITE_SUB, 'du-lieu/ke-hoach.schema.json')).$id).toBe(`${TEST_SITE_URL}${SUB_BASE}du-lieu/ke-hoach.schema.json`);
  });
});

describe('ke-hoach.schema.json', () => {
  it('is the schema generated from zod, byte for byte', () => {
    const generated = exportJsonSchema(`${TEST_SITE_URL}/du-lieu/ke-hoach.schema.json`);
    expect(text(SITE_ROOT, 'du-lieu/ke-hoach.schema.json')).toBe(`${JSON.stringify(generated, null, 2)}\n`);
  });

  it('rejects a record the build would not write', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const [first] = data.plans;
    const broken = (change: Record<string, unknown>) => ({ ...data, plans: [{ ...first, ...change }] });
    expect(validate(broken({ documentType: 'thong-bao' }))).toBe(false);
    expect(validate(broken({ issuedOn: '22/01/2020' }))).toBe(false);
    expect(validate(broken({ unknownField: 1 }))).toBe(false);
  });
});

describe('ke-hoach.csv', () => {
  const columns = schemaFields(exportRecordJsonSchema() as JsonSchema).filter((f) => f.column).map((f) => f.path);
  let rows: Record<string, string>[];
  let raw: string;

  beforeAll(() => {
    raw = text(SITE_ROOT, 'du-lieu/ke-hoach.csv');
    rows = parse(raw, { bom: true, columns: true });
  });

  it('is UTF-8 with a BOM, a header row of the schema\'s fields and one row per plan', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect((parse(raw, { bom: true, to_line: 1 }) as string[][])[0]).toEqual(columns);
    expect(rows.map((r) => r.slug)).toEqual(data.plans.map((p) => p.slug));
  });

  it('holds the same values as the JSON, lists joined with "; "', () => {
    for (const [i, row] of rows.entries()) {
      const record = data.plans[i] as Record<string, unknown>;
      expect(row.title).toBe(record.title);
      expect(row['issuer.name']).toBe((record.issuer as { name: string }).name);
      expect(row['period.from']).toBe(String((record.period as { from: number }).from));
      expect(row.reformAreas.split('; ')).toEqual(record.reformAreas);
      expect(row.legalBases).toBe(csvCell(record.legalBases));
      expect(row.legalBaseKeys).toBe((record.legalBaseKeys as string[]).join('; '));
    }
  });
});

describe('/du-lieu/', () => {
  let doc: Document;
  beforeAll(() => {
    doc = page(SITE_ROOT, 'du-lieu/');
  });

  it('documents every field of the schema, with its title', () => {
    const fields = schemaFields(exportRecordJsonSchema() as JsonSchema);
    const rows = [...doc.querySelectorAll('table tbody tr')];
    expect(rows.map((r) => textOf(r.querySelector('th')))).toEqual(fields.map((f) => f.path));
    for (const [i, f] of fields.entries()) expect(textOf(rows[i]), f.path).toContain(f.title!);
  });

  it('links the three data files, the licence, and gives a citation', () => {
    const hrefs = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    for (const f of ['ke-hoach.json', 'ke-hoach.csv', 'ke-hoach.schema.json']) expect(hrefs).toContain(`/du-lieu/${f}`);
    expect(doc.querySelector(`a[rel="license"][href="${DATA_LICENCE.url}"]`)).not.toBeNull();
    expect(textOf(doc.querySelector('.citation'))).toContain(`${TEST_SITE_URL}/du-lieu/`);
    expect(textOf(doc.querySelector('.citation'))).toContain(`${data.count} kế hoạch`);
  });
});
