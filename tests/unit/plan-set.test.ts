/**
 * Plan numbers and their bitsets (src/lib/search/plan-set.ts), against plain
 * JavaScript sets of the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { Answer, PlanBits, PlanTable } from '../../src/lib/search/plan-set.ts';

/** Deterministic pseudo-random plan numbers (a linear congruential generator). */
function numbers(seed: number, count: number, below: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % below;
  });
}

const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

describe('PlanTable', () => {
  it('numbers each id once, from 0, in the order first seen', () => {
    const t = new PlanTable();
    expect(['b', 'a', 'b', 'c'].map((id) => t.number(id))).toEqual([0, 1, 0, 2]);
    expect(t.ids).toEqual(['b', 'a', 'c']);
    expect(t.size).toBe(3);
    expect(t.find('a')).toBe(1);
    expect(t.find('z')).toBeUndefined();
    // find() gives no number to an unknown id.
    expect(t.size).toBe(3);
  });

  it('numbers a block of plans before their ids are known, and finds each by id once it is learnt', () => {
    const t = new PlanTable();
    expect(Array.from(t.addAll(['a', 'b']))).toEqual([0, 1]);
    expect(Array.from(t.addBlock(3))).toEqual([2, 3, 4]);
    expect(t.size).toBe(5);
    expect(t.ids[3]).toBeUndefined();
    expect(t.find('a')).toBe(0);
    t.learn(3, 'd');
    // The id map, built above, follows what is learnt.
    expect(t.find('d')).toBe(3);
    expect(t.number('d')).toBe(3);
    // An id not among them gets the next number.
    expect(t.number('z')).toBe(5);
    expect(() => t.learn(9, 'x')).toThrow(RangeError);
  });
});

describe('PlanBits', () => {
  it('holds exactly the plans it was made of, whichever bit of a word they fall on', () => {
    // 31 and 63 are the top bits of their words, where a signed shift would go wrong.
    const plans = [0, 1, 30, 31, 32, 63, 64, 1000, 4095];
    const bits = PlanBits.of(plans);
    expect(sorted(bits)).toEqual(plans);
    expect(bits.size).toBe(plans.length);
    for (let n = 0; n < 5000; n++) expect(bits.has(n)).toBe(plans.includes(n));
  });

  it('is empty, and small, when made of no plans', () => {
    const bits = PlanBits.of([]);
    expect(bits.size).toBe(0);
    expect([...bits]).toEqual([]);
    expect(bits.has(0)).toBe(false);
    expect(bits.or(PlanBits.of([5])).has(5)).toBe(true);
    expect(bits.and(PlanBits.of([5])).size).toBe(0);
  });

  it('counts a plan named twice once', () => {
    expect(PlanBits.of([7, 7, 3]).size).toBe(2);
  });

  it('takes unions and intersections as sets do, for sets of different lengths', () => {
    for (const seed of [1, 2, 3]) {
      const a = numbers(seed, 300, 10_000);
      const b = numbers(seed + 100, 200, 3_000);
      const sa = new Set(a);
      const sb = new Set(b);
      const [ba, bb] = [PlanBits.of(a), PlanBits.of(b)];
      expect(sorted(ba.or(bb))).toEqual(sorted(new Set([...a, ...b])));
      expect(sorted(bb.or(ba))).toEqual(sorted(new Set([...a, ...b])));
      expect(sorted(ba.and(bb))).toEqual(sorted([...sa].filter((n) => sb.has(n))));
      expect(ba.and(bb).size).toBe([...sa].filter((n) => sb.has(n)).length);
      // Neither operand changes.
      expect(sorted(ba)).toEqual(sorted(sa));
      expect(sorted(bb)).toEqual(sorted(sb));
    }
  });
});

describe('Answer', () => {
  it('keeps its plans in answer order and makes its set once', () => {
    const answer = new Answer(Int32Array.from([9, 2, 40]), Float64Array.from([3, 2, 1]));
    expect(answer.size).toBe(3);
    expect(Array.from(answer.plans)).toEqual([9, 2, 40]);
    expect(answer.set()).toBe(answer.set());
    expect(sorted(answer.set())).toEqual([2, 9, 40]);
    expect(Answer.none.set().size).toBe(0);
  });
});
