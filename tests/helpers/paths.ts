/**
 * Where the test suite keeps what it builds. The global setup builds the
 * fixture archive (tests/fixtures/plans) twice, at the domain root and under a
 * sub-path, and the shipped archive (src/content/plans) once; every build or
 * browser test reads those outputs instead of building again.
 */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_TMP = resolve(ROOT, 'tmp/test');
export const FIXTURE_PLANS = resolve(ROOT, 'tests/fixtures/plans');
export const SHIPPED_PLANS = resolve(ROOT, 'src/content/plans');
/** The fixture plans, assembled as one collection. */
export const TEST_PLANS = resolve(TEST_TMP, 'plans');
export const SITE_ROOT = resolve(TEST_TMP, 'site-root');
export const SITE_SUB = resolve(TEST_TMP, 'site-sub');
/** The shipped archive, built as `npm run build` builds it. */
export const SITE_SHIPPED = resolve(TEST_TMP, 'site-shipped');
/** The exit code and output of that build, as JSON. */
export const SHIPPED_BUILD_LOG = resolve(TEST_TMP, 'site-shipped.json');
export const SUB_BASE = '/kho-cchc/';
export const TEST_SITE_URL = 'https://kho-cchc.example.org';

/** Plans per search-index shard in the sub-path build: small, so it has several. */
export const SUB_SHARD_SIZE = '6';
