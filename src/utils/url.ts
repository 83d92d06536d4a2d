/** A site-internal URL under the configured base (SITE_BASE), e.g. url('ke-hoach/') → '/kho-cchc/ke-hoach/'. */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\/+/, '');
}
