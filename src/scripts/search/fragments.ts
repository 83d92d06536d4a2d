/**
 * A plan's text, meta and URL from its Pagefind fragment (index-format.ts,
 * `fragmentFile`): once decompressed, "pagefind_dcd" then JSON. Only the
 * fields the result list shows are read.
 */
import type { PlanData } from '../../lib/search/engine.ts';
import { PAGEFIND_SIGNATURE } from '../../lib/search/index-fields.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** The plan in a fragment's decompressed text, of a site served under `base`; undefined when it is no fragment. */
export function readFragment(text: string, base: string): PlanData | undefined {
  if (!text.startsWith(PAGEFIND_SIGNATURE)) return undefined;
  let f: Partial<Fragment>;
  try {
    f = JSON.parse(text.slice(PAGEFIND_SIGNATURE.length)) as Partial<Fragment>;
  } catch {
    return undefined;
  }
  if (typeof f.url !== 'string' || typeof f.content !== 'string' || typeof f.meta !== 'object' || f.meta === null) return undefined;
  // Pagefind's URLs start at the site's root; its text marks some word breaks with zero-width spaces.
  return { url: `${base}${f.url}`.replace(/\/{2,}/g, '/'), content: f.content.replace(/\u200B/g, ''), meta: f.meta };
}
