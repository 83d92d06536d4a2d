/**
 * Count and phrase files (src/lib/search/count-files.ts): on an index
 * Pagefind itself writes, they give every answer the chunks give, and say
 * so when they cannot. tests/e2e/search.test.ts checks the same on the
 * built site and in the search page.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexShards } from '../../src/integrations/pagefind.ts';
import {
  PHRASE_WORDS,
  begunFile,
  countBundle,
  countFile,
  countReader,
  countSet,
  countTermsCounted,
  lookUpCounted,
  manifestFile,
  packInMemory,
  phraseFile,
  readBegunFile,
  readCountFile,
  readManifest,
  readPhraseFile,
  type CountFilesOut,
  type CountReader,
} from '../../src/lib/search/count-files.ts';
import { META_WEIGHTS, toIndexText } from '../../src/lib/search/index-fields.ts';
import { compareWords, countTerms, lookUpPages, readChunk, readMeta, type IndexMeta, type WordPages } from '../../src/lib/search/pagefind-index.ts';

/** Syllables whose folded forms collide or begin one another, common and rare. */
const COMMON = ['hòa', 'hóa', 'hoá', 'hoa', 'hoạch', 'kế', 'đơn', 'đồng', 'một', 'cửa', 'liên', 'thông', 'cải', 'cách', 'hành', 'chính', 'xã'];
const RARE = ['thủy', 'lợi', 'dòng', 'đông', 'thống', 'hoàn'];

/** A deterministic text per page: common syllables in varying runs, a rare one in a page of its own, and words of its own. */
function text(page: number): string {
  const picked: string[] = [];
  for (let i = 0; i < 40; i++) picked.push(COMMON[(page * 7 + i * i * 3 + (page % 5) * i) % COMMON.length]);
  if (page % 9 === 0 && page / 9 < RARE.length) picked.splice(page % 30, 0, RARE[(page / 9) % RARE.length]);
  for (let i = 0; i < 30; i++) picked.push(`tu${(page * 101 + i * 13) % 997}`);
  return picked.join(' ');
}

const PAGES = 180;
let dir: string;
let meta: IndexMeta;
let hash: string;
const bundle = () => join(dir, 'pagefind');
const chunks = new Map<string, Map<string, WordPages>>();
const load = (chunk: string, count: number) => {
  let words = chunks.get(chunk);
  if (!words) chunks.set(chunk, (words = readChunk(gunzipSync(readFileSync(join(bundle(), 'index', `${chunk}.pf_index`))), count)));
  return words;
};
const weights = () => meta.fields.map((f) => (META_WEIGHTS as Record<string, number>)[f] ?? 1);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-counts-'));
  const slugs: string[] = [];
  for (let p = 0; p < PAGES; p++) {
    const slug = `kh-${p}`;
    slugs.push(slug);
    mkdirSync(join(dir, 'ke-hoach', slug), { recursive: true });
    writeFileSync(
      join(dir, 'ke-hoach', slug, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${slug}</title></head><body><article data-pagefind-body>` +
        `<h1 data-pagefind-meta="title">${toIndexText(COMMON[p % COMMON.length])} ${slug}</h1><p>${toIndexText(text(p))}</p></article></body></html>`,
    );
  }
  await indexShards(await import('pagefind'), dir, [{ name: 'all', path: '', language: 'vi', slugs }], { info: () => undefined });
  const metaFile = readdirSync(bundle()).find((f) => f.endsWith('.pf_meta'))!;
  meta = readMeta(gunzipSync(readFileSync(join(bundle(), metaFile))));
  hash = metaFile.replace(/^pagefind\.|\.pf_meta$/g, '');
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A reader over the files as the build wrote them into the bundle. */
function writtenReader(): CountReader {
  const set = countSet([hash]);
  const read = (file: string) => readFileSync(join(bundle(), file), 'utf8');
  return countReader(readManifest(read(manifestFile(set)), [hash]), 0, meta.pages.length, {
    counts: async (i) => readCountFile(read(countFile(set, i))),
    phrases: async (i) => readPhraseFile(read(phraseFile(set, i))),
    begun: async (i) => readBegunFile(read(begunFile(set, i))),
  });
}

/** A reader over files built in memory, for bundle `b` of them. */
function memoryReader(out: CountFilesOut, b = 0): CountReader {
  const manifest = readManifest(JSON.stringify(out.manifest), out.manifest.bundles);
  return countReader(manifest, b, meta.pages.length, {
    counts: async (i) => readCountFile(out.counts[i]),
    phrases: async (i) => readPhraseFile(out.phrases[i]),
    begun: async (i) => readBegunFile(out.begun[i]),
  });
}

const gzipSize = (t: string) => gzipSync(t).length;
/** The test index counted with these options (`countBundle`). */
const counted = (options: Parameters<typeof countBundle>[4] = {}) => countBundle(meta, load, weights(), gzipSize, options);
/** The files of the test index alone, counted with these options. */
const built = async (options: Parameters<typeof countBundle>[4] & { fileBytes?: number } = {}) =>
  packInMemory(['x'], [await counted(options)], { gzipSize, fileBytes: options.fileBytes });

const indexWords = () => meta.chunks.flatMap((c) => [...load(c.hash, meta.pages.length).keys()]);
const sorted = (pages: ArrayLike<number>) => Array.from(pages).sort((a, b) => a - b);
const folded = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

/** Runs of two to PHRASE_WORDS + 1 words from the pages, and runs no page has. */
function phrases(): string[][] {
  const out = new Map<string, string[]>();
  for (let p = 0; p < PAGES; p += 5) {
    const ws = text(p).split(' ').map(folded);
    for (let at = 0; at + 6 < ws.length; at += 7) for (let n = 2; n <= PHRASE_WORDS + 1; n++) out.set(ws.slice(at, at + n).join(' '), ws.slice(at, at + n));
  }
  // Longer than the files' runs and in no page: with a word no page has, and with words every page has, in an order none has.
  const long = ['cai cach hanh chinh xyzzy', 'ke ke ke ke ke', 'mot cua lien thong ke ke'];
  for (const extra of ['hoa hoach hoa', 'thuy loi', 'cai cach xyzzy', 'xyzzy cai', 'ke ke ke', ...long]) out.set(extra, extra.split(' '));
  return [...out.values()];
}

describe('count files', () => {
  it('are written beside the index, and hold every word of it', () => {
    const reader = writtenReader();
    const words = indexWords();
    expect(words.length).toBeGreaterThan(100);
    return Promise.all(words.map(async (w) => expect(await reader.word(w), w).not.toBeNull()));
  });

  it.each([
    ['as written by the build', () => writtenReader()],
    // Every word rare, and a file per word or two: phrases then fall back to the chunks.
    ['with a threshold no word meets, in small files', async () => memoryReader(await built({ common: PAGES + 1, fileBytes: 1 }))],
  ])('give the pages of every word and spelling that the chunks give (%s)', async (_, make) => {
    const reader = await make();
    for (const w of indexWords()) {
      expect(sorted((await lookUpCounted(reader, [w], undefined))!), w).toEqual(sorted(await lookUpPages(meta, [w], undefined, load)));
      for (const spelling of [w, ...load(meta.chunks.find((c) => load(c.hash, meta.pages.length).has(w))!.hash, meta.pages.length).get(w)!.variants.keys()]) {
        expect(sorted((await lookUpCounted(reader, [w], spelling))!), spelling).toEqual(sorted(await lookUpPages(meta, [w], spelling, load)));
      }
    }
    // Words the index does not have.
    for (const w of ['xyzzy', 'aaa', 'zzzz']) expect(await lookUpCounted(reader, [w], undefined)).toEqual([]);
  });

  it.each([
    ['as written by the build, every run of words', () => writtenReader(), true],
    ['with a threshold only some words meet', async () => memoryReader(await built({ common: 3 })), false],
    ['with room for only the most common words', async () => memoryReader(await built({ maxCommon: 8 })), false],
    // Each word's runs cut across many files, within a pair of words as well (see the test below).
    ['in files smaller than one pair of words', async () => memoryReader(await built({ fileBytes: 64 })), true],
    // Bundles side by side: each reads its own part, whatever the others hold.
    ['as the last of three bundles, the others holding fewer runs', async () => memoryReader(await packInMemory(['a', 'b', 'c'], [await counted({ maxCommon: 8 }), await counted({ common: 3 }), await counted()], { gzipSize }), 2), true],
    ['as the first of three bundles, holding fewest runs', async () => memoryReader(await packInMemory(['a', 'b', 'c'], [await counted({ maxCommon: 8 }), await counted({ common: 3 }), await counted()], { gzipSize }), 0), false],
  ])('give the pages of every phrase they hold, and leave the others to the chunks (%s)', async (_, make, holdsAll) => {
    const reader = await make();
    let answered = 0;
    let left = 0;
    let long = 0;
    for (const keys of phrases()) {
      const files = await lookUpCounted(reader, keys, undefined);
      const fromChunks = sorted(await lookUpPages(meta, keys, undefined, load));
      if (files === undefined) {
        // Only a phrase too long, or with a word the files leave out.
        const outside = await Promise.all(keys.map(async (k) => (await reader.word(k))?.followedBy === undefined));
        expect(keys.length > PHRASE_WORDS || (!holdsAll && outside.some(Boolean)), keys.join(' ')).toBe(true);
        if (keys.length <= PHRASE_WORDS) left++;
        continue;
      }
      answered++;
      if (keys.length > PHRASE_WORDS) long++;
      expect(sorted(files), keys.join(' ')).toEqual(fromChunks);
    }
    expect(answered).toBeGreaterThan(20);
    // Longer phrases that no page holds are answered without the chunks (all three when every run is written).
    expect(long).toBeGreaterThanOrEqual(holdsAll ? 3 : 1);
    // A word in one page only ("thủy") is in the runs only when every word is.
    const rare = await lookUpCounted(reader, ['thuy', 'cai'], undefined);
    if (holdsAll) expect(rare).toEqual(sorted(await lookUpPages(meta, ['thuy', 'cai'], undefined, load)));
    else expect(rare).toBeUndefined();
    expect(left > 0).toBe(!holdsAll);
  });

  it("give each bundle its own words when bundles have different words, and none of another's", async () => {
    const full = await counted();
    // A bundle without every third word, nor the runs with one.
    const dropped = new Set(full.words.filter((_, i) => i % 3 === 0).map(([w]) => w));
    const part = {
      ...full,
      words: full.words.filter(([w]) => !dropped.has(w)),
      pairs: full.pairs
        .filter(([a, b]) => !dropped.has(a) && !dropped.has(b))
        .map(([a, b, runs, size]): (typeof full.pairs)[number] => [a, b, runs.filter(([run]) => !run.split(' ').some((w) => dropped.has(w))), size]),
    };
    const out = await packInMemory(['a', 'b'], [{ ...part, wordCount: part.words.length, pairCount: part.pairs.length }, full], { gzipSize, fileBytes: 512 });
    const [mine, other] = [memoryReader(out, 0), memoryReader(out, 1)];
    for (const w of indexWords()) {
      const fromChunks = sorted(await lookUpPages(meta, [w], undefined, load));
      expect(sorted((await lookUpCounted(other, [w], undefined))!), w).toEqual(fromChunks);
      if (dropped.has(w)) expect(await mine.word(w), w).toBeNull();
      else expect(sorted((await lookUpCounted(mine, [w], undefined))!), w).toEqual(fromChunks);
    }
    let shared = 0;
    for (const keys of phrases().filter((k) => k.length <= PHRASE_WORDS)) {
      const fromChunks = sorted(await lookUpPages(meta, keys, undefined, load));
      expect(sorted((await lookUpCounted(other, keys, undefined))!), keys.join(' ')).toEqual(fromChunks);
      if (keys.some((k) => dropped.has(k))) continue;
      expect(sorted((await lookUpCounted(mine, keys, undefined))!), keys.join(' ')).toEqual(fromChunks);
      shared++;
    }
    expect(shared).toBeGreaterThan(5);
    expect(dropped.size).toBeGreaterThan(10);
  });

  it('cut a pair of words with more runs than a file holds between files, in the order of the runs', async () => {
    const out = await built({ fileBytes: 64 });
    // Each word's phrase files: the first, and the rest of the run that begins each later one.
    const files = out.counts.flatMap((text) => Object.entries(JSON.parse(text) as Record<string, { g?: [number, string[]] }>)).filter(([, e]) => e.g);
    const cutInPair = files.filter(([, e]) => e.g![1].some((rest) => rest.includes(' ')));
    expect(cutInPair.length).toBeGreaterThan(0);
    for (const [word, e] of cutInPair) {
      const [first, bounds] = e.g!;
      // Each file holds the runs of this word from its bound (inclusive) to the next one's (exclusive), and those only.
      [undefined, ...bounds].forEach((from, i) => {
        const rests = Object.keys(JSON.parse(out.phrases[first + i]) as object)
          .filter((run) => run.startsWith(`${word} `))
          .map((run) => run.slice(word.length + 1));
        expect(rests.length, `${word} ${from}`).toBeGreaterThan(0);
        if (from !== undefined) expect(rests, word).toContain(from);
        const next = bounds[i];
        for (const rest of rests) {
          if (from !== undefined) expect(compareWords(from, rest), `${word} ${rest}`).toBeLessThanOrEqual(0);
          if (next !== undefined) expect(compareWords(rest, next), `${word} ${rest}`).toBeLessThan(0);
        }
      });
    }
  });

  it('hold the runs of at most the most common words, when an index has more words than they take', async () => {
    const out = await built({ maxCommon: 8 });
    const reader = memoryReader(out);
    const words = await Promise.all(indexWords().map(async (w) => [w, (await reader.word(w))!] as const));
    const kept = words.filter(([, c]) => c.followedBy !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(8);
    // None left out is in more pages than one kept.
    const fewest = Math.min(...kept.map(([, c]) => c.pages.length));
    for (const [w, c] of words) if (c.followedBy === undefined) expect(c.pages.length, w).toBeLessThanOrEqual(fewest);
  });

  it("tell how far they are: every word counted, then every page's runs gathered", async () => {
    const told: [string, number, number][] = [];
    await counted({ progress: (stage, done, total) => told.push([stage, done, total]) });
    const last = (stage: string) => told.filter(([s]) => s === stage).at(-1);
    expect(last('words')).toEqual(['words', indexWords().length, indexWords().length]);
    expect(last('pages')).toEqual(['pages', PAGES, PAGES]);
    // Words first, then pages.
    expect(told.findIndex(([s]) => s === 'pages')).toBe(indexWords().length);
  });

  it("give ranked searches the pages and weighted counts of the chunks' reading", async () => {
    const reader = writtenReader();
    // Every word, half of every word (as one being typed), runs of words, and last words that begin no word.
    const queries = [
      ...indexWords().map((w) => [w]),
      ...indexWords().map((w) => [w.slice(0, Math.ceil(w.length / 2))]),
      ...phrases(),
      ['cai', 'hoac'],
      ['hoa', 'xyzzy'],
      ['kex'],
      ['cai', 'cach', 'h'],
    ];
    let differentFromOwn = 0;
    for (const keys of queries) {
      const files = await countTermsCounted(reader, keys, meta.pages.length);
      const fromChunks = await countTerms(meta, keys, weights(), load);
      expect({ pages: files.pages, counts: files.counts.map((c) => [...c]), pagesWith: files.pagesWith }, keys.join(' ')).toEqual({
        pages: fromChunks.pages,
        counts: fromChunks.counts.map((c) => [...c]),
        pagesWith: fromChunks.pagesWith,
      });
      // "hoa" as a last word also counts "hoach", less.
      if ((await reader.word(keys[keys.length - 1]))?.begunFile !== undefined) differentFromOwn++;
    }
    expect(differentFromOwn).toBeGreaterThan(0);
    // A last word that begins no word stands for its longest start that is one ("ke" for "kex").
    expect((await countTermsCounted(reader, ['kex'], meta.pages.length)).pages.length).toBeGreaterThan(0);
  });

  it('refuse files they cannot read', () => {
    const manifest = (m: object) => JSON.stringify({ format: 4, bundles: ['a'], weights: [[1]], common: [1], bounds: ['a'], ...m });
    for (const text of ['{}', manifest({ format: 1 }), manifest({ format: 2 }), manifest({ format: 3 }), manifest({ bounds: ['b', 'a'] }), manifest({ bundles: ['b'] }), manifest({ bundles: ['a', 'b'] }), manifest({ weights: [] }), 'nope']) {
      expect(() => readManifest(text, ['a']), text).toThrow();
    }
    expect(readManifest(manifest({}), ['a']).bounds).toEqual(['a']);
    const bad = [
      '[]',
      '{"a":{"p":[0],"c":[1],"v":{}}}',
      '{"a":{"b":[{"p":[0,0],"c":[1,1],"v":{}}]}}',
      '{"a":{"b":[{"p":[0],"c":[],"v":{}}]}}',
      '{"a":{"b":[{"p":[999],"c":[1],"v":{}}]}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{"à":[5000]}}]}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{}}],"g":{"b":-1}}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{}}],"g":[-1,[]]}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{}}],"g":[0,["c","b"]]}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{}}],"o":"x"}}',
      '{"a":{"b":[{"p":[0],"c":[1],"v":{}}],"x":-1}}',
      // Numbers as text (number-text.ts): a character that is no digit, a number without its last digit, steps beyond the pages.
      '{"a":{"b":[{"p":"é","c":[1],"v":{}}]}}',
      '{"a":{"b":[{"p":"!","c":"~","v":{}}]}}',
      '{"a":{"b":[{"p":"~~~!","c":"\'","v":{}}]}}',
    ];
    // Each word is checked when first asked for; its spellings and phrase files, when they are.
    const readAll = (text: string) => {
      const word = readCountFile(text).bundle(0, PAGES).get('a')!;
      word.spelling('à');
      word.followedBy?.('b');
    };
    for (const text of bad) expect(() => readAll(text), text).toThrow();
    expect(() => readPhraseFile('{"a b":[[1,-1]]}').phrases(0, PAGES).get('a b')).toThrow();
    // A well-formed file reads back, for each bundle.
    const file = readCountFile('{"a":{"b":[0,{"p":"$#","c":[1,2.5],"v":{"a":0,"à":"%"}}],"g":[4,["c","e"]],"o":[0]}}');
    expect(file.bundle(0, PAGES).get('a')).toBeUndefined();
    const a = file.bundle(1, PAGES).get('a')!;
    expect(a.spelling('à')).toEqual(Uint32Array.from([3]));
    expect(a.spelling('a')).toEqual(Uint32Array.from([2, 3]));
    expect(a.spelling('á')).toBeUndefined();
    // Runs "a b" are in file 4, "a c" and "a d" in 5, "a e" and after in 6.
    expect(['b', 'c', 'd', 'e', 'f'].map((w) => a.followedBy!(w))).toEqual([4, 5, 5, 6, 6]);
    expect(file.bundle(2, PAGES).get('a')).toBeUndefined();
    expect(readPhraseFile('{"a b":[0,[1,2]]}').phrases(1, PAGES).get('a b')).toEqual(Uint32Array.from([1, 3]));
  });

  it('are named after every bundle of the archive, in order', () => {
    const names = [countSet(['vi_1']), countSet(['vi_2']), countSet(['vi_1', 'vi_2']), countSet(['vi_2', 'vi_1'])];
    expect(new Set(names).size).toBe(names.length);
    expect(countSet(['vi_1', 'vi_2'])).toBe(countSet(['vi_1', 'vi_2']));
    for (const name of names) expect(manifestFile(name)).toMatch(/^kho-dem\/chung_[0-9a-f]{14}\/index\.json$/);
  });
});
