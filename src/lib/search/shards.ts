/**
 * How the search index is split when one Pagefind process cannot hold it:
 * into shards of consecutive years, newest first, each with at most
 * `maxPlans` plans (a year with more is cut into parts, by date). The build
 * writes shard i to `pagefind/<path>`, the search page merges them in the
 * browser, and both compute the list with this one function from the same
 * plans, so the two cannot disagree. Shards never overlap in time, so the
 * shards' own date orders, one after the other, are the archive's.
 * Design: docs/architecture.md, "Chia mảnh".
 */

export interface ShardPlan {
  slug: string;
  /** What the plan sorts by: its issue date, or 1 January of the first year it covers (YYYY-MM-DD). */
  sortKey: string;
}

export interface Shard {
  /** "2021-2026", or "2024-2024-2" for the second part of a crowded year. */
  name: string;
  /** Under pagefind/: "" for the first (newest) shard, which is the primary index; "<name>/" for the others. */
  path: string;
  slugs: string[];
}

/**
 * Plans per shard, at least. Pagefind's indexer holds about 0.4 MB per plan
 * page of this site until it writes, beside the Astro process's own memory;
 * 3,500 plans keep the indexer near 1.4 GB, so that a build of 10,000 plans
 * stays under 4 GB in all.
 */
export const DEFAULT_SHARD_SIZE = 3500;

/**
 * Shards the search page merges, at most (unless KHO_SEARCH_SHARD_SIZE says
 * otherwise): every shard costs the first query a few more requests, so a
 * larger archive gets larger shards rather than more of them. At 100,000
 * plans that is 6,250 per shard, about 2.5 GB for the indexer.
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

/** What a plan sorts by, as `planFacts` has it: `issuedOn`, else 1 January of the period's first year. */
export function sortKey(plan: { issuedOn?: string; period: { from: number } }): string {
  return plan.issuedOn ?? `${plan.period.from}-01-01`;
}

export function planShards(plans: readonly ShardPlan[], maxPlans: number): Shard[] {
  if (plans.length <= maxPlans) return [{ name: 'all', path: '', slugs: plans.map((p) => p.slug).sort() }];
  // Newest first; within a date, by slug, so that the order never depends on the input's.
  const byYear = new Map<number, ShardPlan[]>();
  for (const p of plans) {
    const year = Number(p.sortKey.slice(0, 4));
    const list = byYear.get(year);
    if (list) list.push(p);
    else byYear.set(year, [p]);
  }
  const newestFirst = (a: ShardPlan, b: ShardPlan) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : a.slug.localeCompare(b.slug));
  const groups: { from: number; to: number; slugs: string[] }[] = [];
  let open: (typeof groups)[number] | undefined;
  for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
    const slugs = byYear.get(year)!.sort(newestFirst).map((p) => p.slug);
    if (slugs.length > maxPlans) {
      open = undefined;
      for (let i = 0; i < slugs.length; i += maxPlans) groups.push({ from: year, to: year, slugs: slugs.slice(i, i + maxPlans) });
      continue;
    }
    if (open && open.slugs.length + slugs.length <= maxPlans) {
      open.from = year;
      open.slugs.push(...slugs);
    } else {
      open = { from: year, to: year, slugs: [...slugs] };
      groups.push(open);
    }
  }
  const seen = new Map<string, number>();
  return groups.map((g, i) => {
    const base = `${g.from}-${g.to}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = n === 1 ? base : `${base}-${n}`;
    return { name, path: i === 0 ? '' : `${name}/`, slugs: g.slugs };
  });
}
