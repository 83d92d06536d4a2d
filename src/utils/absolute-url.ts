import { url } from './url.ts';

/** A site page's full address, base included: for data files, feeds and structured data. */
export function absoluteUrl(path: string, site: URL): string {
  return new URL(url(path), site).href;
}
