/**
 * The URL path the site is served under (SITE_BASE), always with slashes at
 * both ends: '' and '/' give '/', 'kho-cchc' and '/kho-cchc' give '/kho-cchc/'.
 * The build (astro.config.mjs) and the local server (npm start) both read it
 * through this function, so they always agree.
 */
export function normaliseBase(value = '/'): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
