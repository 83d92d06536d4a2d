import type { APIContext } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../config.ts';
import { getCatalog } from '../utils/catalog.ts';
import { planFeed } from '../utils/feeds.ts';

/** The newest plans of the whole archive. */
export async function GET(context: APIContext) {
  const { all } = await getCatalog();
  return planFeed({ title: SITE_NAME, description: SITE_DESCRIPTION, plans: all, site: context.site!, listPath: '' });
}
