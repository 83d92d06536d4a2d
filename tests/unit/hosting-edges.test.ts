/** Edges of what the archive hands to other programs: a spreadsheet, and a static server's redirects. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { schemaFields, type JsonSchema } from '../../src/lib/schema-fields.ts';
import { toReadableCsv } from '../../src/lib/readable-csv.ts';
import { exportRecordJsonSchema } from '../../src/schemas/export.ts';
import { startStaticServer } from '../../src/tools/static-server.ts';
import { tempDir } from '../editor/helpers/run.ts';

describe('the spreadsheet CSV', () => {
  it('writes a cell that a spreadsheet would run as a formula after an apostrophe, so it shows as text', () => {
    const fields = schemaFields(exportRecordJsonSchema() as JsonSchema);
    const csv = toReadableCsv([{ slug: 'a', title: '=HYPERLINK("http://x")', summary: '+84 phần trăm' }], fields);
    const [header, row] = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    const cell = (path: string) => row[header.indexOf(fields.find((f) => f.path === path)!.title!)];
    expect(cell('title')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('summary')).toBe("'+84 phần trăm");
    expect(cell('slug')).toBe('a');
  });
});

describe('the static server', () => {
  it('redirects a folder with a Vietnamese name to its slash form, encoded, and keeps serving', async () => {
    const dir = tempDir('static-edges');
    mkdirSync(join(dir, 'thư-mục'));
    writeFileSync(join(dir, 'thư-mục', 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>404</title>');
    const server = await startStaticServer(dir);
    try {
      const r = await fetch(`${server.url}${encodeURI('thư-mục')}`, { redirect: 'manual' });
      expect(r.status).toBe(301);
      expect(r.headers.get('location')).toBe(`/${encodeURI('thư-mục')}/`);
      expect((await fetch(`${server.url}${encodeURI('thư-mục')}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
