/**
 * Where the test suite keeps what it builds. The global setup builds the
 * fixture archive (the shipped plans plus tests/fixtures/plans) twice, at the
 * domain root and under a sub-path, and every build or browser test reads
 * those outputs instead of building again.
 */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_TMP = resolve(ROOT, 'tmp/test');
export const FIXTURE_PLANS = resolve(ROOT, 'tests/fixtures/plans');
export const SHIPPED_PLANS = resolve(ROOT, 'src/content/plans');
/** The shipped plans plus the fixture plans, as one collection. */
export const TEST_PLANS = resolve(TEST_TMP, 'plans');
export const SITE_ROOT = resolve(TEST_TMP, 'site-root');
export const SITE_SUB = resolve(TEST_TMP, 'site-sub');
export const SUB_BASE = '/kho-cchc/';
export const TEST_SITE_URL = 'https://kho-cchc.example.org';

/** Plans per search-index shard in the sub-path build: small, so it has several. */
export const SUB_SHARD_SIZE = '6';
