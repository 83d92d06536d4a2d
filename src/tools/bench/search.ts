/**
 * Serves a built site on the loopback interface and runs the fixed queries in
 * Debian's headless Chromium (the launcher and server the tests use too),
 * twice over: text gzipped, as a CDN sends it, and every file as it is, as
 * nginx and Apache send it by default. The index's `.json.gz` blocks and the
 * `.pf_fragment` files are compressed already and go as they are either way
 * (static-server.ts gzips only HTML, CSS, JavaScript, JSON, SVG and XML).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_DIR, MANIFEST_FILE } from '../../lib/search/index-format.ts';
import { launchBrowser } from '../browser.ts';
import { startStaticServer } from '../static-server.ts';
import { runQueries, type Query, type QueryResult } from './queries.ts';

export interface SearchFigures {
  /** Every query, cold and warm, over `runs` runs: the figures of time and of gzipped bytes. */
  gzip: QueryResult[];
  /** Every query cold, once: bytes are the same on every run, and time is the gzip run's business. */
  plain: QueryResult[];
  browser: string;
}

/** The URL path a built site expects to be served under, from its home page's search form. */
export function siteBase(dist: string): string {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return /action="([^"]*)tim-kiem\/"/.exec(html)?.[1] || '/';
}

/** The plans in a built site's search index, or undefined when it has none (no manifest). */
export function indexedPlans(dist: string): number | undefined {
  const file = join(dist, INDEX_DIR, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const plans = (JSON.parse(readFileSync(file, 'utf8')) as { plans?: unknown }).plans;
  return typeof plans === 'number' ? plans : undefined;
}

export async function measureSearch(dist: string, options: { runs: number; queries: readonly Query[] }): Promise<SearchFigures> {
  const base = siteBase(dist);
  const browser = await launchBrowser();
  try {
    const serve = async (compress: boolean, run: (url: string) => Promise<QueryResult[]>) => {
      const server = await startStaticServer(dist, { base, compress });
      try {
        return await run(server.url);
      } finally {
        await server.close();
      }
    };
    const gzip = await serve(true, (url) => runQueries(browser, url, options));
    const plain = await serve(false, (url) => runQueries(browser, url, { queries: options.queries, runs: 1, warm: false }));
    return { gzip, plain, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}
