/**
 * The plans' text as Pagefind extracted it: each bundle's fragment files
 * (`fragment/*.pf_fragment`, gzip of a signature and JSON), the only part of
 * a bundle the build reads back. Its search files stay Pagefind's own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from '../../lib/search/index-fields.ts';
import type { IndexedPlan } from './plan-terms.ts';

/** A fragment as the index reads it. */
export interface Fragment extends IndexedPlan {
  url: string;
}

/** One fragment file, gzipped as Pagefind writes it. */
export function readFragment(file: string): Fragment {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  if (!text.startsWith(PAGEFIND_SIGNATURE)) throw new Error(`${file}: không phải tệp trang của Pagefind (thiếu chữ ký ${PAGEFIND_SIGNATURE})`);
  const page = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as Partial<Fragment>;
  if (typeof page.url !== 'string' || typeof page.content !== 'string') throw new Error(`${file}: tệp trang của Pagefind thiếu địa chỉ hoặc nội dung`);
  return { ...page, url: page.url, content: page.content, meta: page.meta ?? {}, filters: page.filters ?? {} };
}

/** The plan a fragment's URL names: "/ke-hoach/<slug>/" gives its slug. */
export function slugOfUrl(url: string): string | undefined {
  const m = /\/ke-hoach\/([^/]+)\/$/.exec(url);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** A bundle's fragments, each with its file and its plan's number, in plan order. */
export function bundleFragments(bundle: string, numbers: ReadonlyMap<string, number>): { plan: number; file: string; fragment: Fragment }[] {
  const dir = join(bundle, 'fragment');
  const found = readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const file = join(dir, name);
      const fragment = readFragment(file);
      const slug = slugOfUrl(fragment.url);
      const plan = slug === undefined ? undefined : numbers.get(slug);
      if (plan === undefined) throw new Error(`${file}: địa chỉ ${fragment.url} không phải trang của một kế hoạch trong kho`);
      return { plan, file, fragment };
    });
  return found.sort((a, b) => a.plan - b.plan);
}
