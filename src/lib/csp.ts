/**
 * The Content-Security-Policy every page carries as a `<meta http-equiv>`, so
 * that it holds on any static host without server configuration. It allows
 * no inline script and nothing from another origin; docs/hosting.md says
 * why each directive reads as it does.
 */

/** The directives every page gets. */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'self'"],
  // Scripts only from the site's own files: Astro bundles every <script> into
  // /_astro/ (astro.config.mjs never inlines one). JSON-LD is data, not script.
  ['script-src', "'self'"],
  // Astro inlines small stylesheets and Observable Plot's SVG charts carry
  // their own style elements and attributes; styles cannot run code.
  ['style-src', "'self'", "'unsafe-inline'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  // The search reads its index files with fetch().
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

export function contentSecurityPolicy(): string {
  return BASE_DIRECTIVES.map(([name, ...values]) => `${name} ${values.join(' ')}`).join('; ');
}
