/**
 * A load shared by its callers until it fails (src/lib/shared-load.ts): the
 * search page loads its index and each plan's text this way.
 */
import { describe, expect, it } from 'vitest';
import { sharedLoad, sharedLoads } from '../../src/lib/shared-load.ts';

describe('sharedLoad', () => {
  it('loads once for every caller while the load stands', async () => {
    let calls = 0;
    const get = sharedLoad(async () => ++calls);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so that the next call tries again', async () => {
    let calls = 0;
    const get = sharedLoad(async () => {
      calls++;
      if (calls === 1) throw new Error('mất kết nối');
      return 'đã tải';
    });
    await expect(get()).rejects.toThrow('mất kết nối');
    expect(await get()).toBe('đã tải');
    expect(await get()).toBe('đã tải');
    expect(calls).toBe(2);
  });
});

describe('sharedLoads', () => {
  it('loads each key once while its load stands, and again after it fails', async () => {
    const calls: string[] = [];
    const get = sharedLoads(async (key: string) => {
      calls.push(key);
      if (key === 'b' && calls.filter((k) => k === 'b').length === 1) throw new Error('mất kết nối');
      return key.toUpperCase();
    });
    expect(await Promise.all([get('a'), get('a')])).toEqual(['A', 'A']);
    await expect(get('b')).rejects.toThrow('mất kết nối');
    expect(await get('b')).toBe('B');
    expect(await get('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'b']);
  });

  it('keeps only the `limit` keys used most recently, so a long session does not hold every load', async () => {
    const calls: string[] = [];
    const get = sharedLoads(async (key: string) => calls.push(key), 2);
    for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await get(key);
    // "a", used again, stays; "b", used longest ago when "c" came, is loaded again.
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });
});
