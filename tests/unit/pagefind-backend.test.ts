/**
 * The search page's Pagefind backend over a sharded index, on a stand-in for
 * Pagefind's module: one instance per shard, so that page ids, which Pagefind
 * makes unique only within one index, cannot merge two plans into one.
 */
import { describe, expect, it } from 'vitest';
import { loadPagefind, type PagefindApi, type PagefindInstanceApi, type PagefindResult } from '../../src/scripts/search/pagefind-backend.ts';

const BASE = '/kho/';

/** Canned answers per index: its hits for a term, in its own (date) order for a search without words. */
type Index = Record<string, { id: string; score: number }[]>;

function fakePagefind(indexes: Record<string, Index>) {
  const log: string[] = [];
  const api: PagefindApi = {
    createInstance(options) {
      const basePath = String(options.basePath);
      const index = indexes[basePath];
      if (!index) throw new Error(`no index at ${basePath}`);
      let exact = Boolean(options.exactDiacritics);
      const instance: PagefindInstanceApi = {
        init: async () => undefined,
        options: async (o) => {
          if ('exactDiacritics' in o) exact = Boolean(o.exactDiacritics);
        },
        search: async (term) => {
          log.push(`${basePath} ${term ?? '(none)'}${exact ? ' exact' : ''}`);
          const results: PagefindResult[] = (index[term ?? ''] ?? []).map((h) => ({ ...h, data: async () => ({ url: h.id, content: '', meta: {} }) }));
          return { results };
        },
      };
      return instance;
    },
  };
  return { importer: async (url: string) => (url === `${BASE}pagefind/pagefind.js` ? api : Promise.reject(new Error(url))), log };
}

const SHARDS = [
  { name: '2021-2026', path: '' },
  { name: '2011-2020', path: '2011-2020/' },
];

describe('the Pagefind backend over shards', () => {
  it('keeps two plans whose page ids are the same in different shards apart', async () => {
    const { importer } = fakePagefind({
      [`${BASE}pagefind/`]: { 'ke hoach': [{ id: 'vi_1cd8a44', score: 2 }, { id: 'vi_aaaaaaa', score: 1 }] },
      [`${BASE}pagefind/2011-2020/`]: { 'ke hoach': [{ id: 'vi_1cd8a44', score: 3 }] },
    });
    const backend = await loadPagefind(BASE, SHARDS, importer);
    const hits = await backend.searchMany([{ term: 'ke hoach' }])[0];
    // Merged by score, as Pagefind merges, each id qualified by its shard.
    expect(hits.map((h) => h.id)).toEqual(['2011-2020/vi_1cd8a44', 'vi_1cd8a44', 'vi_aaaaaaa']);
  });

  it('orders a search without words by date shard after shard, either way', async () => {
    const { importer } = fakePagefind({
      [`${BASE}pagefind/`]: { '': [{ id: 'vi_new1', score: 0.9 }, { id: 'vi_new2', score: 0.1 }] },
      [`${BASE}pagefind/2011-2020/`]: { '': [{ id: 'vi_old1', score: 1 }] },
    });
    const backend = await loadPagefind(BASE, SHARDS, importer);
    const [desc, asc] = backend.searchMany([
      { term: null, sort: { ngay: 'desc' } },
      { term: null, sort: { ngay: 'asc' } },
    ]);
    expect((await desc).map((h) => h.id)).toEqual(['vi_new1', 'vi_new2', '2011-2020/vi_old1']);
    // Each shard answers in its own order, here the canned one; the shards come oldest first.
    expect((await asc).map((h) => h.id)).toEqual(['2011-2020/vi_old1', 'vi_new1', 'vi_new2']);
  });

  it('runs exact-diacritics searches with the option on in every shard, and the others with it off', async () => {
    const { importer, log } = fakePagefind({
      [`${BASE}pagefind/`]: { '"hoà"': [{ id: 'vi_a', score: 1 }] },
      [`${BASE}pagefind/2011-2020/`]: { '"hoà"': [{ id: 'vi_b', score: 1 }] },
    });
    const backend = await loadPagefind(BASE, SHARDS, importer);
    const [exact, loose] = backend.searchMany([
      { term: '"hoà"', exact: true },
      { term: '"hoà"', exact: false },
    ]);
    expect((await exact).map((h) => h.id).sort()).toEqual(['2011-2020/vi_b', 'vi_a']);
    expect((await loose).map((h) => h.id).sort()).toEqual(['2011-2020/vi_b', 'vi_a']);
    expect(log.filter((l) => l.endsWith(' exact')).sort()).toEqual([`${BASE}pagefind/ "hoà" exact`, `${BASE}pagefind/2011-2020/ "hoà" exact`]);
    expect(log.filter((l) => !l.endsWith(' exact'))).toHaveLength(2);
  });

  it('uses page ids as they are for an index that is not sharded', async () => {
    const { importer } = fakePagefind({ [`${BASE}pagefind/`]: { cchc: [{ id: 'vi_1', score: 1 }] } });
    const backend = await loadPagefind(BASE, [], importer);
    expect((await backend.searchMany([{ term: 'cchc' }])[0]).map((h) => h.id)).toEqual(['vi_1']);
  });
});
