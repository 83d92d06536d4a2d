/**
 * The three open-data files, generated once per build: the pages that serve
 * them and /du-lieu/ (which shows their sizes) share one copy.
 */
import { DATA_LICENCE, SITE_NAME } from '../config.ts';
import { legalBaseCitations } from '../lib/citations.ts';
import { exportRecord, toCsv } from '../lib/export.ts';
import { toReadableCsv } from '../lib/readable-csv.ts';
import { schemaFields, type JsonSchema } from '../lib/schema-fields.ts';
import { exportJsonSchema, exportRecordJsonSchema, type ExportFile } from '../schemas/export.ts';
import { getArchive } from './archive.ts';
import { getCatalog } from './catalog.ts';
import { absoluteUrl } from './absolute-url.ts';

export interface OpenData {
  json: string;
  csv: string;
  /** The same rows for a spreadsheet: Vietnamese headers, labels, dd/mm/yyyy. */
  readableCsv: string;
  schema: string;
  count: number;
  /** The newest `updatedOn`: when the data last changed. */
  updatedOn?: string;
}

/**
 * JSON with one plan per line: valid JSON, a third smaller than indented
 * output, and a change to one plan is a one-line diff.
 */
function formatJson(file: ExportFile): string {
  const { plans, ...head } = file;
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  const lines = plans.map((p) => JSON.stringify(p));
  return `${top},\n  "plans": [${lines.length ? `\n    ${lines.join(',\n    ')}\n  ` : ''}]\n}\n`;
}

async function load(site: URL): Promise<OpenData> {
  const [{ all }, { fileDates }] = await Promise.all([getCatalog(), getArchive()]);
  const plans = all.map((facts) =>
    exportRecord(facts, {
      url: absoluteUrl(`ke-hoach/${facts.slug}/`, site),
      legalBaseKeys: legalBaseCitations(facts).map((c) => c.key),
      updatedOn: fileDates.get(facts.slug)!.updatedOn,
    }),
  );
  const updatedOn = plans.reduce<string | undefined>((max, p) => (!max || p.updatedOn > max ? p.updatedOn : max), undefined);
  const file: ExportFile = {
    title: `${SITE_NAME}: dữ liệu mở các kế hoạch cải cách hành chính`,
    source: absoluteUrl('', site),
    licence: DATA_LICENCE,
    ...(updatedOn && { updatedOn }),
    count: plans.length,
    plans,
  };
  const fields = schemaFields(exportRecordJsonSchema() as JsonSchema);
  return {
    json: formatJson(file),
    csv: toCsv(plans, fields),
    readableCsv: toReadableCsv(plans, fields),
    schema: `${JSON.stringify(exportJsonSchema(absoluteUrl('du-lieu/ke-hoach.schema.json', site)), null, 2)}\n`,
    count: plans.length,
    updatedOn,
  };
}

let cached: Promise<OpenData> | undefined;

export function getOpenData(site: URL): Promise<OpenData> {
  cached ??= load(site);
  return cached;
}
