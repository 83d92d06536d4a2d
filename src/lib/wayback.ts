/**
 * The archived copy of a source address in the Internet Archive's Wayback
 * Machine. Portals move and vanish; the copy nearest the day the editor read
 * the source (else the day it was published) is the one that showed what the
 * entry describes. Without a date, the list of every copy.
 */

const WAYBACK = 'https://web.archive.org/web/';

export interface SourceDates {
  url?: string;
  /** ISO dates (yyyy-mm-dd). */
  retrievedOn?: string;
  publishedOn?: string;
}

/** web/20200122/URL at the source's date, else web/ + "*" + /URL (every copy); undefined without a URL. */
export function waybackUrl(source: SourceDates): string | undefined {
  if (!source.url) return undefined;
  const date = source.retrievedOn ?? source.publishedOn;
  const stamp = date ? date.replaceAll('-', '') : '*';
  return `${WAYBACK}${stamp}/${source.url}`;
}
