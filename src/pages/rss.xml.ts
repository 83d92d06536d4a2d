import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../config.ts';
import { getCatalog } from '../utils/catalog.ts';
import { url } from '../utils/url.ts';
import { absoluteUrl } from '../utils/absolute-url.ts';

/** The 50 newest plans. Dates are the plans' own, never the build time. */
export async function GET(context: APIContext) {
  const { all } = await getCatalog();
  return rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    // The channel links to the home page, base included (SITE_BASE).
    site: absoluteUrl('', context.site!),
    trailingSlash: true,
    items: all.slice(0, 50).map((f) => ({
      title: f.plan.title,
      link: url(`ke-hoach/${f.slug}/`),
      pubDate: new Date(`${f.sortKey}T00:00:00+07:00`),
      description: f.plan.summary,
      categories: f.plan.reformAreas,
    })),
    customData: '<language>vi</language>',
  });
}
