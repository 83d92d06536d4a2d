/**
 * Writes the facet table (src/lib/search/facets.ts) beside the search index:
 * each plan's filter values, read back from the pages Pagefind stored, so
 * the search page can count facets for any result list with one download
 * instead of one Pagefind search per filter value. Beside the count files
 * go the same by page number, a file per filter (src/lib/search/facet-columns.ts),
 * which the page reads first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../lib/progress.ts';
import { countSet } from '../lib/search/count-files.ts';
import { buildFacetColumns, facetColumnFile } from '../lib/search/facet-columns.ts';
import type { FacetTable } from '../lib/search/facets.ts';
import { FACET_FILE, FILTERS } from '../lib/search/index-fields.ts';
import { readBundle } from './bundle-files.ts';
import { readStoredPage, storedPageFile, storedPageIds } from './stored-pages.ts';

/**
 * `bundles`: the Pagefind bundles under `<site>/pagefind/`, each as its path
 * ("" for the primary) and the language it was indexed as (shards.ts).
 * Returns how many plans the table lists.
 */
export function writeFacetTable(site: string, bundles: readonly { path: string; language: string }[], log: (line: string) => void = () => {}): number {
  const perPlan = new Map<string, string[]>();
  const filtersOf = new Map<string, Record<string, string[]>>();
  const pages = bundles.flatMap(({ path: bundle }) => {
    const dir = join(site, 'pagefind', bundle);
    return storedPageIds(dir).map((id) => ({ bundle, dir, id }));
  });
  const tick = progress('Bảng facet: đã đọc', pages.length, 'trang', log);
  const bundleOf = new Map<string, string>();
  for (const [i, { bundle, dir, id }] of pages.entries()) {
    // Each shard's ids carry its own language (shards.ts, shardLanguage); a
    // repeat here would silently make two plans one, so it stops the build.
    const other = bundleOf.get(id);
    if (other !== undefined) {
      throw new Error(`Bảng facet: mã trang ${id} có ở cả pagefind/${other} và pagefind/${bundle}; hai kế hoạch sẽ bị gộp làm một.`);
    }
    bundleOf.set(id, bundle);
    const { filters } = readStoredPage(storedPageFile(dir, id));
    filtersOf.set(id, filters);
    perPlan.set(
      id,
      Object.entries(filters).flatMap(([key, values]) => values.map((v) => `${key}=${v}`)),
    );
    tick(i + 1);
  }
  const values = [...new Set([...perPlan.values()].flat())].sort();
  const index = new Map(values.map((v, i) => [v, i]));
  const plans: Record<string, number[]> = {};
  for (const id of [...perPlan.keys()].sort()) plans[id] = perPlan.get(id)!.map((v) => index.get(v)!).sort((a, b) => a - b);
  const table: FacetTable = { version: 1, values, plans };
  writeFileSync(join(site, 'pagefind', FACET_FILE), JSON.stringify(table));
  // By page number, in each bundle's page order, named as the count files are.
  const written = bundles.map(({ path, language }) => {
    const { hash, meta } = readBundle(join(site, 'pagefind', path), language);
    return { hash, pages: meta.pages.map((id) => filtersOf.get(id) ?? {}) };
  });
  const set = countSet(written.map((b) => b.hash));
  const columns = buildFacetColumns(written.map((b) => b.hash), written.map((b) => b.pages), FILTERS);
  for (const [name, text] of columns) {
    const file = join(site, 'pagefind', facetColumnFile(set, name));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return perPlan.size;
}
