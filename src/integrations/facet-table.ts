/**
 * Writes the facet table (src/lib/search/facets.ts) beside the search index:
 * each plan's filter values, read back from the pages Pagefind stored, so
 * the search page can count facets for any result list with one download
 * instead of one Pagefind search per filter value.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { progress } from '../lib/progress.ts';
import type { FacetTable } from '../lib/search/facets.ts';
import { FACET_FILE, FRAGMENT_SIGNATURE } from '../lib/search/index-fields.ts';

function storedFilters(file: string): Record<string, string[]> {
  let bytes = readFileSync(file);
  if (bytes.subarray(0, FRAGMENT_SIGNATURE.length).toString() !== FRAGMENT_SIGNATURE) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file}: không phải tệp trang của Pagefind (thiếu chữ ký ${FRAGMENT_SIGNATURE})`);
  return (JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { filters?: Record<string, string[]> }).filters ?? {};
}

/**
 * `bundles`: the Pagefind bundles under `<site>/pagefind/`, as paths ("" for
 * the primary). Returns how many plans the table lists.
 */
export function writeFacetTable(site: string, bundles: readonly string[], log: (line: string) => void = () => {}): number {
  const perPlan = new Map<string, string[]>();
  const files = bundles.flatMap((bundle) => {
    const dir = join(site, 'pagefind', bundle, 'fragment');
    return readdirSync(dir)
      .filter((n) => n.endsWith('.pf_fragment'))
      .sort()
      .map((name) => ({ dir, name }));
  });
  const tick = progress('Bảng facet: đã đọc', files.length, 'trang', log);
  for (const [i, { dir, name }] of files.entries()) {
    const filters = storedFilters(join(dir, name));
    perPlan.set(
      name.replace(/\.pf_fragment$/, ''),
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
  return perPlan.size;
}
