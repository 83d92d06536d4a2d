/**
 * The search index the build would write for `plans` (in plan-number order), in memory:
 * each file's JSON value by its path under the set's folder.
 */
import { IndexBuilder, type IndexedPlan } from '../../src/integrations/search-index/files.ts';
import type { Manifest } from '../../src/lib/search/index-format.ts';

export function indexFiles(plans: IndexedPlan[], bundles: string[], options: { blockBytes?: number } = {}): { manifest: Manifest; files: Map<string, unknown> } {
  const builder = new IndexBuilder(bundles, options.blockBytes);
  for (const plan of plans) builder.add(plan);
  const files = new Map<string, unknown>();
  const manifest = builder.finish((path, value) => files.set(path, value));
  return { manifest, files };
}
