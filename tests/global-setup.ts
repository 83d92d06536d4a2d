/**
 * Builds the fixture archive once for the whole run. Set KHO_TEST_REUSE=1 to
 * keep the previous build while iterating on tests that only read it.
 *
 * Every run shares tmp/test, so a second run started while one is going
 * would rebuild the sites under the first one's feet: a lock file stops it
 * with a message instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleTestPlans, buildSite } from './helpers/build.ts';
import { SHIPPED_BUILD_LOG, SHIPPED_PLANS, SITE_ROOT, SITE_SHIPPED, SITE_SUB, SUB_BASE, SUB_SHARD_SIZE, TEST_PLANS, TEST_SITE_URL, TEST_TMP } from './helpers/paths.ts';

const LOCK = join(TEST_TMP, 'run.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes tmp/test for this run; returns the function that gives it back. */
function lock(): () => void {
  mkdirSync(TEST_TMP, { recursive: true });
  const holder = existsSync(LOCK) ? Number(readFileSync(LOCK, 'utf8')) : undefined;
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`Another test run (process ${holder}) is using ${TEST_TMP}. Wait for it to finish, or stop it, then run the tests again.`);
  }
  writeFileSync(LOCK, String(process.pid));
  return () => rmSync(LOCK, { force: true });
}

export default async function setup() {
  const unlock = lock();
  if (process.env.KHO_TEST_REUSE === '1' && existsSync(`${SITE_ROOT}/index.html`) && existsSync(`${SITE_SUB}/index.html`) && existsSync(SHIPPED_BUILD_LOG)) return unlock;
  assembleTestPlans(TEST_PLANS);
  const started = Date.now();
  process.stdout.write('[setup] building the fixture archive at / and at ' + SUB_BASE + ', and the shipped archive ...\n');
  const [root, sub, shipped] = await Promise.all([
    buildSite({ plansDir: TEST_PLANS, outDir: SITE_ROOT, siteUrl: TEST_SITE_URL }),
    // The sub-path build also splits its search index into small shards, so
    // that merging shards in the browser is tested on every run.
    buildSite({ plansDir: TEST_PLANS, outDir: SITE_SUB, base: SUB_BASE, siteUrl: TEST_SITE_URL, env: { KHO_SEARCH_SHARD_SIZE: SUB_SHARD_SIZE } }),
    // The real archive, as `npm run build` builds it: every shipped plan must build.
    buildSite({ plansDir: SHIPPED_PLANS, outDir: SITE_SHIPPED, siteUrl: TEST_SITE_URL }),
  ]);
  // A shipped entry that does not build fails its own test (tests/archive/shipped.test.ts), not every test.
  writeFileSync(SHIPPED_BUILD_LOG, JSON.stringify({ code: shipped.code, output: shipped.output.slice(-8000) }));
  for (const [name, r] of [['root', root], ['sub-path', sub]] as const) {
    if (r.code !== 0) throw new Error(`The ${name} fixture build failed:\n${r.output.slice(-4000)}`);
  }
  process.stdout.write(`[setup] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return unlock;
}
