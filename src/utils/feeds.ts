/**
 * RSS feeds of plan lists: the whole archive (/rss.xml) and each province,
 * issuer level and reform area (<list>/rss.xml), so a reader can follow the
 * plans of one place or topic. Dates are the plans' own, never the build time.
 */
import rss from '@astrojs/rss';
import { SITE_NAME } from '../config.ts';
import { REFORM_AREAS } from '../data/taxonomy.ts';
import type { PlanFacts } from '../lib/plan-facts.ts';
import { absoluteUrl } from './absolute-url.ts';
import { url } from './url.ts';

/** Items per feed: the newest plans of the list. */
export const FEED_SIZE = 50;

/** The feed of a list page, beside it: "tinh/ha-noi/" → "tinh/ha-noi/rss.xml". */
export function feedPath(listPath: string): string {
  return `${listPath.replace(/\/?$/, '/')}rss.xml`;
}

export interface FeedInput {
  title: string;
  description: string;
  plans: readonly PlanFacts[];
  site: URL;
  /** The list page the channel links to, e.g. "tinh/ha-noi/"; "" for the home page. */
  listPath: string;
}

export function planFeed({ title, description, plans, site, listPath }: FeedInput): Promise<Response> {
  return rss({
    title: title === SITE_NAME ? title : `${title} · ${SITE_NAME}`,
    description,
    // The channel links to the list page, base included (SITE_BASE).
    site: absoluteUrl(listPath, site),
    trailingSlash: true,
    items: plans.slice(0, FEED_SIZE).map((f) => ({
      title: f.plan.title,
      link: url(`ke-hoach/${f.slug}/`),
      pubDate: new Date(`${f.sortKey}T00:00:00+07:00`),
      description: f.plan.summary,
      categories: f.plan.reformAreas.map((a) => REFORM_AREAS[a].label),
    })),
    customData: '<language>vi</language>',
  });
}
