/**
 * How the search index is split when one Pagefind process cannot hold it:
 * into as few shards as hold at most `maxPlans` plans each, of even size,
 * each a run of consecutive dates, newest first (cut between two years
 * when one is near, else within a year, by date). The build writes shard
 * i's Pagefind bundle to `pagefind/<path>` and lists the bundles in the
 * search index's manifest (docs/search-index.md); nothing else computes
 * the list. Shards follow one another in time (two may share the date they
 * are cut at), so the shards' own date orders, one after the other, are the
 * archive's.
 * Design: docs/architecture.md, "Chia mảnh".
 */

import { newestFirst } from '../plan-facts.ts';
import { INDEX_LANGUAGE } from './index-fields.ts';

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
 * The language shard `i` (0 for the primary) is indexed as: "vi" for the
 * primary, "vi-x-m1", "vi-x-m2", … for the others.
 *
 * Pagefind names a page by its language and a seven-hex-digit hash of the
 * stored page ("vi_1cd8a44"), and lengthens a hash only when it repeats
 * within one index. Across shards nothing keeps hashes apart (at 100,000
 * plans in 16 shards 19 ids repeated), so Pagefind's own search, merging
 * the bundles, would take each such pair for one page. A language of its own
 * per shard puts the shard in every id ("vi-x-m3_1cd8a44"), so ids cannot
 * repeat across shards. The private-use subtag ("x-m3") changes nothing
 * else: Pagefind has no Vietnamese stemmer, so every "vi-…" is indexed
 * alike, with the same WebAssembly module, and the hashes are the same.
 */
export function shardLanguage(i: number): string {
  return i === 0 ? INDEX_LANGUAGE : `${INDEX_LANGUAGE}-x-m${i}`;
}

/**
 * Plans per shard, at least. Pagefind's indexer holds about 0.4 MB per plan
 * page of this site until it writes, beside the Astro process's own memory;
 * 3,500 plans keep the indexer near 1.4 GB, so that a build of 10,000 plans
 * stays under 4 GB in all.
 */
export const DEFAULT_SHARD_SIZE = 3500;

/**
 * Shards, at most (unless KHO_SEARCH_SHARD_SIZE says otherwise): each is a
 * Pagefind bundle that Pagefind's own search would merge, so a larger
 * archive gets larger shards rather than more of them. At 100,000 plans
 * that is 6,250 per shard, about 2.5 GB for the indexer.
 */
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

/**
 * How far from an even cut, as a share of the shard size, a cut between two
 * years is preferred: a shard that holds whole years is named by them
 * ("2016-2020") without sharing a year with its neighbour.
 */
const YEAR_CUT_SLACK = 0.1;

export function planShards(plans: readonly ShardPlan[], maxPlans: number): Shard[] {
  if (!Number.isInteger(maxPlans) || maxPlans < 1) throw new RangeError(`planShards: maxPlans must be a positive integer, not ${maxPlans}`);
  if (plans.length <= maxPlans) return [{ name: 'all', path: '', language: shardLanguage(0), slugs: plans.map((p) => p.slug).sort() }];
  // Newest first; within a date, by slug, so that the order never depends on the input's.
  const sorted = [...plans].sort(newestFirst);
  const year = (i: number) => sorted[i].sortKey.slice(0, 4);
  const betweenYears = (i: number) => year(i) !== year(i - 1);
  // As few shards as the cap allows, as even as they can be: an uneven split
  // leaves a small last shard that costs every query its own requests.
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
