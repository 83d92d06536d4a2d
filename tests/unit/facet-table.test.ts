/**
 * The facet table the build writes beside a sharded index: a plan is listed
 * under its bundle's path and its page id, since Pagefind's page ids are
 * unique only within one bundle.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFacetTable } from '../../src/integrations/facet-table.ts';
import type { FacetTable } from '../../src/lib/search/facets.ts';
import { FACET_FILE, FRAGMENT_SIGNATURE } from '../../src/lib/search/index-fields.ts';
import { TEST_TMP } from '../helpers/paths.ts';

mkdirSync(TEST_TMP, { recursive: true });
const site = mkdtempSync(join(TEST_TMP, 'facet-table-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function fragment(bundle: string, id: string, filters: Record<string, string[]>) {
  const dir = join(site, 'pagefind', bundle, 'fragment');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ url: `/ke-hoach/${id}/`, content: '', meta: {}, filters });
  writeFileSync(join(dir, `${id}.pf_fragment`), gzipSync(FRAGMENT_SIGNATURE + json));
}

describe('the facet table of a sharded index', () => {
  it('lists two plans with the same page id in two shards apart, each with its own values', () => {
    fragment('', 'vi_1cd8a44', { nam: ['2024'], tinh: ['an-giang'] });
    fragment('2011-2020/', 'vi_1cd8a44', { nam: ['2015'], tinh: ['ca-mau'] });
    expect(writeFacetTable(site, ['', '2011-2020/'])).toBe(2);
    const table = JSON.parse(readFileSync(join(site, 'pagefind', FACET_FILE), 'utf8')) as FacetTable;
    const valuesOf = (id: string) => table.plans[id]?.map((i) => table.values[i]);
    expect(valuesOf('vi_1cd8a44')).toEqual(['nam=2024', 'tinh=an-giang']);
    expect(valuesOf('2011-2020/vi_1cd8a44')).toEqual(['nam=2015', 'tinh=ca-mau']);
  });
});
