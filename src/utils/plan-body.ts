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
