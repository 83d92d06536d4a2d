/**
 * Serves a built site on the loopback interface, text gzipped as static hosts
 * serve it, and runs the fixed queries in Debian's headless Chromium (the
 * launcher and server the tests use too).
 */
import { launchBrowser } from '../browser.ts';
import { startStaticServer } from '../static-server.ts';
import { runQueries, type QueryResult, type RunOptions } from './queries.ts';

export async function measureSearch(dist: string, options: RunOptions = {}): Promise<{ results: QueryResult[]; browser: string }> {
  const server = await startStaticServer(dist, { base: '/', compress: true });
  try {
    const browser = await launchBrowser();
    try {
      return { results: await runQueries(browser, server.url, options), browser: `Chromium ${browser.version()}` };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
