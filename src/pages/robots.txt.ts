import type { APIContext } from 'astro';
import { absoluteUrl } from '../utils/absolute-url.ts';

/**
 * Everything may be crawled. Crawlers read robots.txt only at a domain's
 * root, so under a sub-path (SITE_BASE) the host's own robots.txt decides;
 * this one still names the sitemap for tools that look here.
 */
export function GET({ site }: APIContext) {
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl('sitemap-index.xml', site!)}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
