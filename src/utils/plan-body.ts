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

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/;

interface SourceEntry {
  body?: string;
  filePath?: string;
}

/**
 * The entry's MDX body as the editor wrote it. The plans loader does not keep
 * bodies in the data store (100,000 of them would not fit in its one string),
 * so it is read from the entry's file.
 */
export function planSource(entry: SourceEntry): string {
  if (entry.body !== undefined) return entry.body;
  if (!entry.filePath) return '';
  return readFileSync(entry.filePath, 'utf8').replace(FRONTMATTER, '');
}
