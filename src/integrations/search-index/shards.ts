/**
 * How Pagefind's indexing is split when one process cannot hold it: as few even shards as hold
 * `maxPlans` each, each a run of consecutive dates, newest first (cut between years when one is
 * near), so their date orders, one after the other, are the archive's. Shard i's bundle goes to
 * `pagefind/<path>`, listed in the index's manifest. Design: docs/architecture.md, "Chia mảnh".
 */
import { newestFirst } from '../../lib/plan-facts.ts';
import { INDEX_LANGUAGE } from '../../lib/search/index-fields.ts';

export interface ShardPlan {
  slug: string;
  /** What the plan sorts by: its issue date, or 1 January of the first year it covers (YYYY-MM-DD). */
  sortKey: string;
}

export interface Shard {
  /** Its years, oldest first: "2021-2026"; "2016-2021" when cut within 2021; "2024-2024-2" for a second shard within one year. */
  name: string;
  /** Under pagefind/: "" for the first (newest) shard, which is the primary index; "<name>/" for the others. */
  path: string;
  /** The language the shard is indexed as (shardLanguage). */
  language: string;
  slugs: string[];
}

/**
 * The language shard `i` is indexed as: "vi" for the primary, "vi-x-m1", … for the others, so that
 * Pagefind's page ids (language + short hash) cannot repeat across shards; Pagefind has no Vietnamese stemmer.
 */
export function shardLanguage(i: number): string {
  return i === 0 ? INDEX_LANGUAGE : `${INDEX_LANGUAGE}-x-m${i}`;
}

/** Plans per shard, at least: Pagefind's indexer holds about 0.4 MB per plan until it writes; 3,500 keep it near 1.4 GB. */
export const DEFAULT_SHARD_SIZE = 3500;
/** Shards, at most (unless KHO_SEARCH_SHARD_SIZE says otherwise): a larger archive gets larger shards, not more bundles to merge. */
export const MAX_SHARDS = 16;

/** Plans per shard for an archive of `total` plans; KHO_SEARCH_SHARD_SIZE overrides. */
export function shardSize(total: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env.KHO_SEARCH_SHARD_SIZE;
  if (raw === undefined || raw === '') return Math.max(DEFAULT_SHARD_SIZE, Math.ceil(total / MAX_SHARDS));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`KHO_SEARCH_SHARD_SIZE phải là số nguyên dương (số kế hoạch mỗi mảnh chỉ mục), ví dụ 3500; đang là "${raw}".`);
  }
  return n;
}

/** How far from an even cut (share of the shard size) a cut between years is preferred: whole years name a shard ("2016-2020"). */
const YEAR_CUT_SLACK = 0.1;

export function planShards(plans: readonly ShardPlan[], maxPlans: number): Shard[] {
  if (!Number.isInteger(maxPlans) || maxPlans < 1) throw new RangeError(`planShards: maxPlans must be a positive integer, not ${maxPlans}`);
  if (plans.length <= maxPlans) return [{ name: 'all', path: '', language: shardLanguage(0), slugs: plans.map((p) => p.slug).sort() }];
  // Newest first; within a date, by slug, so that the order never depends on the input's.
  const sorted = [...plans].sort(newestFirst);
  const year = (i: number) => sorted[i].sortKey.slice(0, 4);
  const betweenYears = (i: number) => year(i) !== year(i - 1);
  // As few shards as the cap allows, as even as they can be.

  const groups: ShardPlan[][] = [];
  let start = 0;
  while (sorted.length - start > maxPlans) {
    const rest = sorted.length - start;
    const count = Math.ceil(rest / maxPlans);
    const even = start + Math.ceil(rest / count);
    // A cut must leave no shard above the cap, this one or the ones after it.
    const fits = (cut: number) => cut > start && cut - start <= maxPlans && sorted.length - cut <= (count - 1) * maxPlans;
    let cut = even;
    const slack = Math.floor((even - start) * YEAR_CUT_SLACK);
    for (let d = 0; d <= slack; d++) {
      const near = [even - d, even + d].find((c) => fits(c) && betweenYears(c));
      if (near !== undefined) {
        cut = near;
        break;
      }
    }
    groups.push(sorted.slice(start, cut));
    start = cut;
  }
  groups.push(sorted.slice(start));
  const seen = new Map<string, number>();
  return groups.map((g, i) => {
    const base = `${g[g.length - 1].sortKey.slice(0, 4)}-${g[0].sortKey.slice(0, 4)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base}-${n}`;
    return { name, path: i === 0 ? '' : `${name}/`, language: shardLanguage(i), slugs: g.map((p) => p.slug) };
  });
}
