/**
 * The index files the build writes beside Pagefind's, checked against
 * Pagefind's own answers in headless Chromium on the fixture archive: words,
 * spellings, phrases, ranked and filtered searches and sort orders, on the
 * whole index and on the sharded one. The checks run on every third of the
 * fixtures' words, spellings and runs. An index split into shards is in
 * search-shards.test.ts; how the page uses these files, and copes when one
 * is missing, is in search-fallback.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FILTERS, INDEX_LANGUAGE, META_WEIGHTS, SHARD_FILTER, SORT_BY_DATE, pageIdLanguage, toIndexText } from '../../src/lib/search/index-fields.ts';
import { countTerms, lookUpPages, readChunk, readFilter, readMeta } from '../../src/lib/search/pagefind-index.ts';
import { PHRASE_WORDS, begunFile, countFile, countReader, countSet, countTermsCounted, lookUpCounted, manifestFile, phraseFile, readBegunFile, readCountFile, readManifest, readPhraseFile } from '../../src/lib/search/count-files.ts';
import { facetColumnFile, readFacetColumn } from '../../src/lib/search/facet-columns.ts';
import { ID_BLOCK, idFile, pageFile, pageFragment, pageInfo, readIdFile, readPageFile } from '../../src/lib/search/page-files.ts';
import { bundlePages, phraseFiles } from '../../src/lib/search/phrase-files.ts';
import { wordKeys, words } from '../../src/lib/search/text.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { type StaticServer } from '../helpers/server.ts';
import { browser, plans, root, shardsOf, sub, useSearchSite } from '../helpers/search-site.ts';

useSearchSite();

describe('whole words and phrases read from the index files', () => {
  /** The metadata of the bundle in `folder`, found through its entry file as the search page finds it. */
  function bundleMeta(folder: string, language: string) {
    return readMeta(gunzipSync(readFileSync(join(folder, `pagefind.${indexHash(folder, language)}.pf_meta`))));
  }

  /** The hash of the index of the bundle in `folder`, as its entry file names it. */
  const indexHash = (folder: string, language: string): string => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).languages[language].hash;

  /** Each bundle of a build, with its metadata and a chunk loader, as the search page reads them. */
  function bundlesOf(dir: string) {
    const shards = shardsOf(dir);
    return (shards.length ? shards : [{ path: '', language: INDEX_LANGUAGE }]).map((b) => {
      const folder = join(dir, 'pagefind', b.path);
      const load = (hash: string, count: number) => readChunk(gunzipSync(readFileSync(join(folder, 'index', `${hash}.pf_index`))), count);
      const meta = bundleMeta(folder, b.language);
      return { folder, language: b.language, meta, load, words: () => meta.chunks.flatMap((c) => [...load(c.hash, meta.pages.length).keys()]) };
    });
  }

  /** The search page's reading of a build's index files, run in Node: the ids of the pages holding the words, over every bundle. */
  async function fromFiles(dir: string, keys: string[], exact?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of await lookUpPages(meta, keys, exact, load)) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /** The pages a ranked search of the keys reads from the index files, over every bundle. */
  async function rankedFromFiles(dir: string, keys: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const { meta, load } of bundlesOf(dir)) for (const page of (await countTerms(meta, keys, [], load)).pages) ids.push(meta.pages[page]);
    return ids.sort();
  }

  /**
   * Runs `body`, a function body with `pagefind` in scope (every bundle
   * merged), on the search page of a build, and returns what it returns. A
   * string, so that the test runner leaves its dynamic import alone.
   */
  async function inPagefind<T>(server: StaticServer, dir: string, base: string, body: string): Promise<T> {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}tim-kiem/`);
      return (await page.evaluate(`(async () => {
        const base = ${JSON.stringify(base)};
        const pagefind = await import(base + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: base, noWorker: true });
        for (const s of ${JSON.stringify(shardsOf(dir).slice(1))}) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        ${body}
      })()`)) as T;
    } finally {
      await page.close();
    }
  }

  /**
   * Words of the fixture plans, folded, spellings with diacritics, as the
   * index writes them, and runs of two to four words from each plan: every
   * third of each, in the order the plans give them. Comparing every word
   * with Pagefind's answer cost a minute of browser time on each build; a
   * third keeps words from every plan and every kind of file.
   */
  const vocabulary = () => {
    const { keys, spellings, phrases } = fullVocabulary();
    const third = <T,>(list: T[]) => list.filter((_, i) => i % 3 === 0);
    return { keys: third(keys), spellings: third(spellings), phrases: third(phrases) };
  };

  const fullVocabulary = () => {
    const keys = new Set<string>();
    const spellings = new Map<string, string>();
    const phrases = new Set<string>();
    for (const p of plans) {
      const ks = wordKeys(p.text);
      for (let at = 0; at + 4 < ks.length; at += 11) phrases.add(ks.slice(at, at + 2 + (at % 3)).join(' '));
      for (const w of words(p.text)) {
        const key = wordKeys(w)[0];
        keys.add(key);
        // As exactKey spells it, "&" dropped, but with the tone placement written.
        const spelled = toIndexText(w.toLowerCase().replace(/&/g, ''));
        if (spelled !== key) spellings.set(spelled, key);
      }
    }
    // Words no plan has side by side, and across a sentence or a field.
    for (const extra of ['ke hoach cai cach hanh chinh', 'chi so cai cach hanh chinh', 'hanh chinh ke', 'so 4003', 'cai cach xyzzy']) phrases.add(extra);
    return { keys: [...keys], spellings: [...spellings], phrases: [...phrases] };
  };

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])('give, for every third word, spelling and run of words of the plans, the pages Pagefind finds for them (%s index)', async (_, which) => {
    const [server, dir, base] = which();
    const { keys, spellings, phrases } = vocabulary();
    expect(keys.length).toBeGreaterThan(70);
    expect(spellings.length).toBeGreaterThan(30);
    expect(phrases.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    const shards = shardsOf(dir);
    // A string, so that the test runner leaves its dynamic import alone.
    const pagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const exact = pagefind.createInstance({ baseUrl: base, noWorker: true, exactDiacritics: true });
      for (const s of shards.slice(1)) {
        await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language });
        await exact.mergeIndex(base + 'pagefind/' + s.path, { exactDiacritics: true, language: s.language });
      }
      const ids = async (instance, term) => ((await instance.search('"' + term + '"'))?.results ?? []).map((r) => r.id).sort();
      const out = { keys: {}, spellings: {}, phrases: {} };
      for (const k of ${JSON.stringify(keys)}) out.keys[k] = await ids(pagefind, k);
      for (const [s] of ${JSON.stringify(spellings)}) out.spellings[s] = await ids(exact, s);
      for (const p of ${JSON.stringify(phrases)}) out.phrases[p] = await ids(pagefind, p);
      return out;
    })()`)) as Record<'keys' | 'spellings' | 'phrases', Record<string, string[]>>;
    for (const key of keys) expect(await fromFiles(dir, [key]), key).toEqual(pagefind.keys[key]);
    for (const [spelled, key] of spellings) expect(await fromFiles(dir, [key], spelled), spelled).toEqual(pagefind.spellings[spelled]);
    for (const phrase of phrases) expect(await fromFiles(dir, phrase.split(' ')), phrase).toEqual(pagefind.phrases[phrase]);
    // Some runs are found only as runs: the test is not only of single words.
    expect(phrases.filter((p) => pagefind.phrases[p].length > 0).length).toBeGreaterThan(phrases.length / 2);
    await page.close();
  }, 120_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for ranked searches the pages of Pagefind's own search, held to whole words but the last (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const { keys, phrases } = vocabulary();
    // Half of each word, as one being typed; every word; runs of words, the last whole or half typed.
    const queries = [
      ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]),
      ...keys.map((k) => [k]),
      ...phrases.flatMap((p) => {
        const ks = p.split(' ');
        const last = ks[ks.length - 1];
        return [ks, [...ks.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))]];
      }),
    ];
    // Pagefind stands a last word that begins no word of an index for the longest start of it that is a word,
    // but only among the words it has loaded so far, which depends on earlier searches: the unit tests cover
    // that. So each query is compared in the bundles having a word it begins.
    const bundleWords = bundlesOf(dir).map((b) => ({ language: b.language, words: b.words() }));
    const comparedIn = (q: string[]) => new Set(bundleWords.filter((b) => b.words.some((w) => w.startsWith(q[q.length - 1]))).map((b) => b.language));
    const wholeWords = [...new Set(queries.flatMap((q) => q.slice(0, -1)))];
    const pagefind = await inPagefind<{ ranked: Record<string, string[]>; whole: Record<string, string[]> }>(
      server,
      dir,
      base,
      `const ids = async (term) => ((await pagefind.search(term))?.results ?? []).map((r) => r.id);
      const out = { ranked: {}, whole: {} };
      for (const q of ${JSON.stringify(queries)}) out.ranked[q.join(' ')] = await ids(q.join(' '));
      for (const w of ${JSON.stringify(wholeWords)}) out.whole[w] = await ids('"' + w + '"');
      return out;`,
    );
    let found = 0;
    let compared = 0;
    for (const q of queries) {
      const held = q.slice(0, -1).map((w) => new Set(pagefind.whole[w]));
      const bundles = comparedIn(q);
      const inBundles = (id: string) => bundles.has(pageIdLanguage(id) ?? '');
      const expected = pagefind.ranked[q.join(' ')].filter((id) => inBundles(id) && held.every((s) => s.has(id))).sort();
      expect((await rankedFromFiles(dir, q)).filter(inBundles), q.join(' ')).toEqual(expected);
      if (expected.length) found++;
      compared += bundles.size;
    }
    expect(found).toBeGreaterThan(queries.length / 2);
    expect(compared).toBeGreaterThan(queries.length * bundleWords.length * 0.6);
  }, 180_000);

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give for every filter value the pages of Pagefind's filtered search (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    // Every value of every filter, as the index files have them.
    const fromFiles = new Map<string, string[]>();
    for (const { folder, meta } of bundlesOf(dir)) {
      for (const name of FILTERS) {
        const hash = meta.filters.get(name);
        if (!hash) continue;
        for (const [value, pages] of readFilter(gunzipSync(readFileSync(join(folder, 'filter', `${hash}.pf_filter`))), meta.pages.length)) {
          const key = `${name}=${value}`;
          fromFiles.set(key, [...(fromFiles.get(key) ?? []), ...Array.from(pages, (p) => meta.pages[p])]);
        }
      }
    }
    expect(new Set([...fromFiles.keys()].map((k) => k.split('=')[0]))).toEqual(new Set(FILTERS));
    const viaPagefind = await inPagefind<Record<string, string[]>>(
      server,
      dir,
      base,
      `const out = {};
      for (const key of ${JSON.stringify([...fromFiles.keys()])}) {
        const [name, value] = key.split('=');
        out[key] = ((await pagefind.search(null, { filters: { [name]: value } }))?.results ?? []).map((r) => r.id).sort();
      }
      return out;`,
    );
    for (const [key, ids] of fromFiles) expect(ids.sort(), key).toEqual(viaPagefind[key]);
    // The same from the facet columns, a file per filter, which the page reads first.
    const bundles = bundlesOf(dir);
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    for (const name of FILTERS) {
      const text = readFileSync(join(dir, 'pagefind', facetColumnFile(set, name)), 'utf8');
      const column = readFacetColumn(text, name, hashes, bundles.map((b) => b.meta.pages.length));
      expect([...column.all].sort(), name).toEqual([...fromFiles.keys()].filter((k) => k.startsWith(`${name}=`)).map((k) => k.slice(name.length + 1)).sort());
      for (const value of column.all) {
        const ids = bundles.flatMap((b, i) => Array.from(column.pagesWith(i, value), (page) => b.meta.pages[page]));
        expect(ids.sort(), `${name}=${value}`).toEqual(viaPagefind[`${name}=${value}`]);
      }
    }
  });

  it.each([
    ['whole', () => [root, SITE_ROOT, '/'] as const],
    ['sharded', () => [sub, SITE_SUB, SUB_BASE] as const],
  ])("give every plan in the order of Pagefind's sorted search, newest or oldest first (%s index)", async (_, which) => {
    const [server, dir, base] = which();
    const shards = shardsOf(dir);
    const bundles = shards.length ? shards : [{ name: '', path: '', language: INDEX_LANGUAGE }];
    // Each bundle's ascending order from its metadata, as the search page reads it.
    const ascending = bundles.map((b) => {
      const meta = bundleMeta(join(dir, 'pagefind', b.path), b.language);
      return Array.from(meta.sorts.get(SORT_BY_DATE)!, (p) => meta.pages[p]);
    });
    expect(ascending.flat()).toHaveLength(plans.length);
    const page = await browser.newPage();
    await page.goto(`${server.url}tim-kiem/`);
    // Pagefind's own sorted search, one bundle at a time (merged bundles interleave).
    const viaPagefind = (await page.evaluate(`(async () => {
      const base = ${JSON.stringify(base)};
      const shards = ${JSON.stringify(shards)};
      const pagefind = await import(base + 'pagefind/pagefind.js');
      await pagefind.options({ baseUrl: base, noWorker: true });
      const sorted = async (d, filters) => ((await pagefind.search(null, { sort: { ${JSON.stringify(SORT_BY_DATE)}: d }, filters }))?.results ?? []).map((r) => r.id);
      if (shards.length === 0) return [{ desc: await sorted('desc', {}), asc: await sorted('asc', {}) }];
      const tag = (s) => ({ ${JSON.stringify(SHARD_FILTER)}: s.name });
      await pagefind.options({ mergeFilter: tag(shards[0]) });
      for (const s of shards.slice(1)) await pagefind.mergeIndex(base + 'pagefind/' + s.path, { language: s.language, mergeFilter: tag(s) });
      const out = [];
      for (const s of shards) out.push({ desc: await sorted('desc', tag(s)), asc: await sorted('asc', tag(s)) });
      return out;
    })()`)) as { desc: string[]; asc: string[] }[];
    ascending.forEach((ids, i) => {
      expect(viaPagefind[i].asc).toEqual(ids);
      expect(viaPagefind[i].desc).toEqual([...ids].reverse());
    });
    await page.close();
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the files the build writes the pages each rewording phrase reads from the index (%s index)', async (_, dir) => {
    let found = 0;
    // One file per phrase for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const set = countSet(bundles.map(({ folder, language }) => indexHash(folder, language)));
    for (const [keys, file] of phraseFiles(set)) {
      const lists: unknown = JSON.parse(readFileSync(join(dir(), 'pagefind', file), 'utf8'));
      for (const [b, { folder, meta, load }] of bundles.entries()) {
        const written = Array.from(bundlePages(lists, b, bundles.length, meta.pages.length));
        const read = await lookUpPages(meta, keys, undefined, load);
        expect(written, `${folder} ${keys.join(' ')}`).toEqual(read.sort((a, b) => a - b));
        if (written.length) found++;
      }
    }
    expect(found).toBeGreaterThan(1);
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])('give in the count files the answers the index gives, for every word, spelling, phrase and ranked search of the plans (%s index)', async (_, dir) => {
    const { keys, spellings, phrases } = vocabulary();
    const queries = [...keys.map((k) => [k]), ...keys.map((k) => [k.slice(0, Math.ceil(k.length / 2))]), ...phrases.map((p) => p.split(' '))];
    let phrasesAnswered = 0;
    // One set of files for every bundle, in the primary's folder, named after all their indexes.
    const bundles = bundlesOf(dir());
    const hashes = bundles.map(({ folder, language }) => indexHash(folder, language));
    const set = countSet(hashes);
    const file = (name: string) => readFileSync(join(dir(), 'pagefind', name), 'utf8');
    const manifest = readManifest(file(manifestFile(set)), hashes);
    for (const [b, { meta, load }] of bundles.entries()) {
      const reader = countReader(manifest, b, meta.pages.length, {
        counts: async (i) => readCountFile(file(countFile(set, i))),
        phrases: async (i) => readPhraseFile(file(phraseFile(set, i))),
        begun: async (i) => readBegunFile(file(begunFile(set, i))),
      });
      const sorted = (pages: ArrayLike<number>) => Array.from(pages).sort((a, b) => a - b);
      for (const key of keys) expect(sorted((await lookUpCounted(reader, [key], undefined))!), key).toEqual(sorted(await lookUpPages(meta, [key], undefined, load)));
      for (const [spelled, key] of spellings) {
        expect(sorted((await lookUpCounted(reader, [key], spelled))!), spelled).toEqual(sorted(await lookUpPages(meta, [key], spelled, load)));
      }
      for (const phrase of phrases) {
        const ks = phrase.split(' ');
        const counted = await lookUpCounted(reader, ks, undefined);
        // Undefined only for what the files leave to the index: a phrase longer than their runs.
        if (counted === undefined) {
          expect(ks.length, phrase).toBeGreaterThan(PHRASE_WORDS);
          continue;
        }
        if (ks.length <= PHRASE_WORDS) phrasesAnswered++;
        expect(sorted(counted), phrase).toEqual(sorted(await lookUpPages(meta, ks, undefined, load)));
      }
      const weights = meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);
      for (const q of queries) {
        const counted = await countTermsCounted(reader, q, meta.pages.length);
        const read = await countTerms(meta, q, weights, load);
        expect({ ...counted, counts: counted.counts.map((c) => [...c]) }, q.join(' ')).toEqual({ ...read, counts: read.counts.map((c) => [...c]) });
      }
    }
    expect(phrasesAnswered).toBeGreaterThan(phrases.length / 2);
    expect(phrasesAnswered).toBe(phrases.filter((p) => p.split(' ').length <= PHRASE_WORDS).length * bundlesOf(dir()).length);
  });

  it.each([
    ['whole', () => SITE_ROOT],
    ['sharded', () => SITE_SUB],
  ])("give in the page files what each bundle's .pf_meta gives: word counts, sort orders, filters, fields, ids and each page's fragment (%s index)", (_, dir) => {
    for (const { folder, language, meta } of bundlesOf(dir())) {
      const hash = indexHash(folder, language);
      const info = readPageFile(readFileSync(join(folder, pageFile(hash)), 'utf8'));
      expect(info, folder).toEqual({ ...pageInfo(meta), idBlock: ID_BLOCK });
      const ids: string[] = [];
      for (let block = 0; block * ID_BLOCK < meta.pages.length; block++) ids.push(...readIdFile(readFileSync(join(folder, idFile(hash, block)), 'utf8'), block, info));
      expect(ids, folder).toEqual(meta.pages);
      // Each page's fragment under its number is Pagefind's fragment of that page's id.
      meta.pages.forEach((id, page) => {
        expect(readFileSync(join(folder, pageFragment(hash, page))).equals(readFileSync(join(folder, 'fragment', `${id}.pf_fragment`))), `${folder} ${page}`).toBe(true);
      });
    }
  });

});
