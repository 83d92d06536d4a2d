/**
 * How the search index is split into shards by year (src/integrations/search-index/shards.ts).
 */
import { describe, expect, it } from 'vitest';
import { sortKey } from '../../src/lib/plan-facts.ts';
import { DEFAULT_SHARD_SIZE, MAX_SHARDS, planShards, shardLanguage, shardSize, type ShardPlan } from '../../src/integrations/search-index/shards.ts';

/** `n` plans a year, issued on successive days from 1 January. */
const plans = (counts: Record<number, number>): ShardPlan[] =>
  Object.entries(counts).flatMap(([year, n]) =>
    Array.from({ length: n }, (_, i) => ({
      slug: `${year}-ke-hoach-${String(i).padStart(3, '0')}`,
      sortKey: new Date(Date.UTC(Number(year), 0, 1 + i)).toISOString().slice(0, 10),
    })),
  );

describe('planShards', () => {
  it('keeps an archive that fits in one shard whole, at the root of pagefind/', () => {
    const shards = planShards(plans({ 2020: 3, 2021: 2 }), 10);
    expect(shards).toHaveLength(1);
    expect(shards[0].path).toBe('');
    expect(shards[0].slugs).toHaveLength(5);
  });

  it('groups consecutive years, newest first, the newest shard being the primary index', () => {
    const shards = planShards(plans({ 2011: 2, 2012: 2, 2013: 2, 2024: 3, 2025: 1 }), 4);
    expect(shards.map((s) => [s.name, s.path, s.slugs.length])).toEqual([
      ['2024-2025', '', 4],
      ['2012-2013', '2012-2013/', 3],
      ['2011-2012', '2011-2012/', 3],
    ]);
  });

  it('makes as few shards as the cap allows, of even size, cut between years when one is near', () => {
    // 16 years of 300 plans, at most 1,700 a shard: three shards, not two full ones and a small third and fourth.
    const counts = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [2011 + i, 300]));
    const shards = planShards(plans(counts), 1700);
    // The first cut falls between 2021 and 2022, near enough to the even cut; the
    // second has no year boundary near enough and cuts 2016 by date.
    expect(shards.map((s) => s.name)).toEqual(['2022-2026', '2016-2021', '2011-2016']);
    const sizes = shards.map((s) => s.slugs.length);
    expect(sizes.every((n) => n <= 1700)).toBe(true);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(Math.ceil(4800 / 3 / 10));
    expect(sizes.reduce((a, b) => a + b)).toBe(4800);
  });

  it('cuts a year with more plans than a shard holds into numbered parts, by date, so that shards follow one another in time', () => {
    const all = plans({ 2020: 5, 2021: 1 });
    const shards = planShards([...all].reverse(), 2);
    expect(shards.map((s) => s.name)).toEqual(['2020-2021', '2020-2020', '2020-2020-2']);
    expect(shards.every((s) => s.slugs.length <= 2)).toBe(true);
    // Shard after shard, the archive newest first.
    const key = new Map(all.map((p) => [p.slug, p.sortKey]));
    const dates = shards.flatMap((s) => s.slugs.map((slug) => key.get(slug)!));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('indexes the primary as the pages\' language, Vietnamese, and every other shard as a language of its own', () => {
    expect(planShards(plans({ 2020: 3 }), 10).map((s) => s.language)).toEqual(['vi']);
    const languages = planShards(plans({ 2011: 2, 2012: 2, 2013: 2, 2024: 3, 2025: 1 }), 4).map((s) => s.language);
    expect(languages[0]).toBe('vi');
    expect(new Set(languages).size).toBe(languages.length);
    // Still Vietnamese to Pagefind and to BCP 47: "vi" with a private-use subtag.
    for (const language of languages.slice(1)) expect(language).toMatch(/^vi-x-[a-z0-9]{1,8}$/);
  });

  it('puts every plan in exactly one shard, whatever the order it is given in', () => {
    const all = plans({ 2015: 7, 2016: 3, 2019: 9, 2026: 4 });
    const shards = planShards([...all].reverse(), 5);
    const placed = shards.flatMap((s) => s.slugs);
    expect(placed.sort()).toEqual(all.map((p) => p.slug).sort());
    expect(planShards(all, 5)).toEqual(shards);
  });
});

describe('shard settings', () => {
  it('sorts a plan by its issue date, else by 1 January of the first year it covers', () => {
    expect(sortKey({ issuedOn: '2019-12-30', period: { from: 2020 } })).toBe('2019-12-30');
    expect(sortKey({ period: { from: 2021 } })).toBe('2021-01-01');
  });

  it('grows shards rather than their number for large archives', () => {
    expect(shardSize(10_000, {})).toBe(DEFAULT_SHARD_SIZE);
    expect(shardSize(100_000, {})).toBe(Math.ceil(100_000 / MAX_SHARDS));
    const all = plans({ 2020: 300, 2021: 300, 2022: 300 });
    expect(planShards(all, shardSize(all.length, {})).length).toBe(1);
  });

  it('reads the shard size from KHO_SEARCH_SHARD_SIZE and rejects nonsense in Vietnamese', () => {
    expect(shardSize(50, { KHO_SEARCH_SHARD_SIZE: '250' })).toBe(250);
    expect(() => shardSize(50, { KHO_SEARCH_SHARD_SIZE: 'nhiều' })).toThrow(/KHO_SEARCH_SHARD_SIZE phải là số nguyên dương.*ví dụ 3500/);
  });
});
