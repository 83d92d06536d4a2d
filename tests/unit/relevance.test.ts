/**
 * Scoring ranked searches read from the index files (src/lib/search/relevance.ts).
 */
import { describe, expect, it } from 'vitest';
import { bm25, type IndexCounts } from '../../src/lib/search/relevance.ts';

/** One index of `lengths.length` pages: per page its length and, per term, its count (0: the page lacks the term). */
function index(prefix: string, lengths: number[], counts: number[][]): IndexCounts {
  const having = lengths.map((_, p) => counts.every((c) => c[p] > 0));
  const ids = lengths.map((_, p) => `${prefix}${p}`).filter((_, p) => having[p]);
  return {
    ids,
    counts: counts.map((c) => c.filter((_, p) => having[p])),
    lengths: lengths.filter((_, p) => having[p]),
    pagesWith: counts.map((c) => c.filter((n) => n > 0).length),
    pageCount: lengths.length,
    wordCount: lengths.reduce((a, b) => a + b, 0),
  };
}

const order = (parts: IndexCounts[]) => bm25(parts).ids;
/** The scores as pairs, best first. */
const hits = (parts: IndexCounts[]) => {
  const { ids, scores } = bm25(parts);
  return ids.map((id, i) => ({ id, score: scores[i] }));
};

describe('relevance of a ranked search', () => {
  it('ranks more occurrences higher, with diminishing returns', () => {
    const scores = hits([index('p', [100, 100, 100, 100], [[1, 2, 8, 0]])]);
    expect(scores.map((s) => s.id)).toEqual(['p2', 'p1', 'p0']);
    const [eight, two, one] = scores.map((s) => s.score);
    expect(two - one).toBeGreaterThan((eight - two) / 6);
  });

  it('ranks a shorter page higher for the same count', () => {
    expect(order([index('p', [1000, 100, 400], [[3, 3, 3]])])).toEqual(['p1', 'p2', 'p0']);
  });

  it('counts a rare word for more than a common one', () => {
    // Only p0 and p1 have both words: p0 the rare one often, p1 the common one.
    const common = [1, 5, 1, 1, 1, 1, 1, 1];
    const rare = [5, 1, 0, 0, 0, 0, 0, 0];
    expect(order([index('p', Array(8).fill(100), [common, rare])])).toEqual(['p0', 'p1']);
  });

  it('scores shards as one index', () => {
    const lengths = [120, 80, 300, 90, 150, 60];
    const counts = [
      [2, 1, 0, 4, 1, 3],
      [1, 1, 2, 3, 0, 1],
    ];
    const whole = new Map(hits([index('p', lengths, counts)]).map((h) => [h.id, h.score]));
    const split = hits([index('p', lengths.slice(0, 3), counts.map((c) => c.slice(0, 3))), index('q', lengths.slice(3), counts.map((c) => c.slice(3)))]);
    const renamed = new Map(split.map((h) => [h.id.startsWith('q') ? `p${Number(h.id.slice(1)) + 3}` : h.id, h.score]));
    expect([...renamed.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [id, score] of whole) expect(renamed.get(id), id).toBeCloseTo(score, 12);
  });

  it('orders many pages as a stable sort by score would, ties in the indexes order', () => {
    // Few distinct lengths and counts, so that many pages tie; spread over three indexes.
    let seed = 11;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const parts = ['p', 'q', 'r'].map((prefix) => {
      const lengths = Array.from({ length: 400 }, () => 100 * (1 + next(3)));
      return index(prefix, lengths, [lengths.map(() => next(4)), lengths.map(() => 1 + next(2))]);
    });
    const scored = hits(parts);
    const score = new Map(scored.map((h) => [h.id, h.score]));
    // Array.prototype.sort is stable: the indexes' order on ties.
    const expected = parts.flatMap((p) => Array.from(p.ids)).sort((a, b) => score.get(b)! - score.get(a)!);
    expect(scored.map((h) => h.id)).toEqual(expected);
    expect(new Set(score.values()).size).toBeLessThan(scored.length / 10);
  });

  it('scores a page whose counts are not numbers as nothing, last', () => {
    const part: IndexCounts = { ids: ['a', 'b', 'c'], counts: [[Number.NaN, 2, 1]], lengths: [100, 100, 100], pagesWith: [3], pageCount: 3, wordCount: 300 };
    expect(hits([part]).map((h) => [h.id, h.score > 0])).toEqual([
      ['b', true],
      ['c', true],
      ['a', false],
    ]);
  });

  it('finds nothing in an empty index, and keeps the indexes order on ties', () => {
    expect(hits([])).toEqual([]);
    expect(order([index('p', [100, 100], [[1, 1]]), index('q', [100], [[1]])])).toEqual(['p0', 'p1', 'q0']);
  });
});
