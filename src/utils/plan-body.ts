/**
 * A plan's body HTML, rendered by the plans loader (src/loaders/plans.ts) and
 * kept in a file of its own, outside the data store, so the store stays small
 * at 100,000 plans. Undefined for a body that needs MDX: render that one with
 * `render(entry)`.
 */
import { readFileSync } from 'node:fs';

interface BodyEntry {
  rendered?: { metadata?: { htmlFile?: unknown } };
}

export function planHtml(entry: BodyEntry): string | undefined {
  const file = entry.rendered?.metadata?.htmlFile;
  return typeof file === 'string' ? readFileSync(file, 'utf8') : undefined;
}

/**
 * A body's headings one level down: the page's "Nội dung" is an h2, so the
 * body's "## Mục tiêu" becomes an h3 under it. h6 stays h6.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/gi, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}`);
}

/** The same for a body rendered as MDX: its components, one level down. */
export const DEMOTED_HEADINGS = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' } as const;
