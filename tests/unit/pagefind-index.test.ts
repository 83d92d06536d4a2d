/**
 * Reading whole-word answers from Pagefind's index files
 * (src/lib/search/pagefind-index.ts), on an index Pagefind itself writes.
 * tests/e2e/search.test.ts checks the same answers against Pagefind's own
 * searches in the browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexShards } from '../../src/integrations/pagefind.ts';
import { readStoredPage, storedPageFile } from '../../src/integrations/stored-pages.ts';
import { toIndexText } from '../../src/lib/search/index-fields.ts';
import { IndexFormatError, chunkFor, countTerms, lookUpPages, readChunk, readFilter, readMeta, type IndexMeta } from '../../src/lib/search/pagefind-index.ts';
import { wordKey, words } from '../../src/lib/search/text.ts';

/** Syllables whose folded forms collide ("hòa", "hóa", "hoá", "hoa") or are prefixes of others ("hoa", "hoạch"). */
const SYLLABLES = ['hòa', 'hóa', 'hoá', 'hoa', 'hoạch', 'kế', 'đơn', 'dòng', 'đồng', 'đông', 'một', 'cửa', 'liên', 'thông', 'thống', 'chỉ', 'số', 'cải', 'cách', 'xã', 'phường', 'tỉnh', 'cán', 'bộ', 'năm', '2024', 'cchc'];

/** A deterministic spread of syllables over many pages, so that the index has several chunks. */
function text(page: number): string {
  const picked: string[] = [];
  for (let i = 0; i < 12; i++) picked.push(SYLLABLES[(page * 7 + i * i * 3 + (page % 5) * i) % SYLLABLES.length]);
  // Many words of their own, so that the word list needs several chunks.
  for (let i = 0; i < 100; i++) picked.push(`tu${(page * 101 + i * 13) % 4999}x${i % 7}`);
  return picked.join(' ');
}

const PAGES = 240;

/** A filter value per page: three groups, not in page order. */
const group = (page: number) => `g${(page * 5) % 3}`;

/** A date per page, in an order unlike the pages' own, with ties. */
const sortKey = (page: number) => `2020-${String(1 + ((page * 7) % 12)).padStart(2, '0')}-${String(1 + ((page * 5) % 28)).padStart(2, '0')}`;
let dir: string;
let meta: IndexMeta;
const bundle = () => join(dir, 'pagefind');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kho-words-'));
  const slugs: string[] = [];
  for (let p = 0; p < PAGES; p++) {
    const slug = `kh-${p}`;
    slugs.push(slug);
    mkdirSync(join(dir, 'ke-hoach', slug), { recursive: true });
    // Written as the build writes it for Pagefind: đ as ḏ (index-fields.ts).
    const body = toIndexText(text(p));
    writeFileSync(
      join(dir, 'ke-hoach', slug, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${slug}</title></head><body>` +
        `<article data-pagefind-body><p>${body}</p><span hidden data-pagefind-ignore data-pagefind-sort="ngay">${sortKey(p)}</span>` +
        `<span hidden data-pagefind-ignore data-pagefind-filter="nhom">${group(p)}</span></article></body></html>`,
    );
  }
  await indexShards(await import('pagefind'), dir, [{ name: 'all', path: '', language: 'vi', slugs }], { info: () => undefined });
  const metaFile = readdirSync(bundle()).find((f) => f.endsWith('.pf_meta'))!;
  meta = readMeta(gunzipSync(readFileSync(join(bundle(), metaFile))));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The slugs whose text has the word: folded, or spelled exactly (tone placement included: "hóa" is not "hoá"). */
function expected(key: string, spelling?: string): string[] {
  const out: string[] = [];
  for (let p = 0; p < PAGES; p++) {
    const ws = words(text(p));
    if (ws.some((w) => (spelling === undefined ? wordKey(w) === key : w.toLowerCase() === spelling))) out.push(`kh-${p}`);
  }
  return out.sort();
}

/** The slugs the index files say hold the word. */
const load = (hash: string, count: number) => readChunk(gunzipSync(readFileSync(join(bundle(), 'index', `${hash}.pf_index`))), count);

async function read(key: string, spelling?: string): Promise<string[]> {
  const pages = await lookUpPages(meta, [key], spelling === undefined ? undefined : toIndexText(spelling), load);
  return pages.map((p) => readStoredPage(storedPageFile(bundle(), meta.pages[p])).url.split('/').at(-2)!).sort();
}

describe('Pagefind index files', () => {
  it('are split into several chunks, so that choosing one matters', () => {
    expect(meta.pages).toHaveLength(PAGES);
    expect(meta.chunks.length).toBeGreaterThan(2);
  });

  it('give the pages of each word in any spelling, as whole words only', async () => {
    for (const key of new Set(SYLLABLES.map(wordKey))) expect(await read(key), key).toEqual(expected(key));
    // "hoa" is a prefix of "hoach", which the answer must not take in.
    expect(await read('hoa')).not.toEqual(expected('hoach'));
  });

  it('give the pages of each exact spelling, đ included', async () => {
    for (const s of SYLLABLES.filter((s) => wordKey(s) !== s)) expect(await read(wordKey(s), s), s).toEqual(expected(wordKey(s), s));
  });

  it('give no pages for a word no page has, before, between or after the chunks', async () => {
    for (const key of ['aaaa', 'hoax', 'tu5000', 'zzzz']) expect(await read(key), key).toEqual([]);
  });

  it('give the pages having words one after another, in the text or within one meta field', async () => {
    const pages = async (phrase: string) =>
      (await lookUpPages(meta, phrase.split(' '), undefined, load))
        .map((p) => readStoredPage(storedPageFile(bundle(), meta.pages[p])).url.split('/').at(-2)!)
        .sort();
    const folded = (p: number) => ` ${words(text(p)).map(wordKey).join(' ')} `;
    const having = (phrase: string) => [...Array(PAGES).keys()].filter((p) => folded(p).includes(` ${phrase} `)).map((p) => `kh-${p}`).sort();
    // Pairs the spread of syllables puts side by side on some pages and not on others.
    for (const phrase of ['hoa hoach', 'ke don', 'mot cua', 'cai cach xa', 'thong chi so']) {
      const expected = having(phrase);
      expect(await pages(phrase), phrase).toEqual(expected);
    }
    expect((await pages('hoa hoach')).length).toBeGreaterThan(0);
    expect(await pages('hoa xyzzy')).toEqual([]);
  });

  it('look for a word in the one chunk whose shortened bounds enclose it', () => {
    // Bounds of a real index of 10,000 plans: "hoach" is the last word of
    // "hoa0".."hoac", though it sorts after "hoac" and starts with "ho" and "hoa".
    const bounds = [['gop', 'hai'], ['hak', 'han'], ['ho', 'ho'], ['hoa', 'hoa'], ['hoa0', 'hoac'], ['hoad', 'hoc'], ['hoi', 'hop']];
    const m: IndexMeta = {
      version: '1.6.0',
      pages: [],
      wordCounts: new Uint32Array(),
      chunks: bounds.map(([from, to]) => ({ from, to, hash: `${from}-${to}` })),
      filters: new Map(),
      fields: [],
      sorts: new Map(),
    };
    const chunk = (w: string) => chunkFor(m, w)?.hash;
    expect(['hoach', 'hoa', 'ho', 'hai', 'hoc', 'hoi'].map(chunk)).toEqual(['hoa0-hoac', 'hoa-hoa', 'ho-ho', 'gop-hai', 'hoad-hoc', 'hoi-hop']);
    // Before every chunk, none; after the last, the last, which a lookup then finds without the word.
    expect(chunk('abc')).toBeUndefined();
    expect(chunk('zzz')).toBe('hoi-hop');
  });

  it('give the pages in the order of their sort key', () => {
    const order = meta.sorts.get('ngay')!;
    expect(order).toHaveLength(PAGES);
    const keys = Array.from(order, (p) => sortKey(Number(readStoredPage(storedPageFile(bundle(), meta.pages[p])).url.split('/').at(-2)!.slice(3))));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(order).size).toBe(PAGES);
  });

  /** The slug of a page number. */
  const slugOf = (page: number) => readStoredPage(storedPageFile(bundle(), meta.pages[page])).url.split('/').at(-2)!;

  // Not "tu" alone: Pagefind also indexes a part of some "tu…" words, at a lower weight, which the text model here does not know.
  it('count each word of a ranked search, the last as the start of longer words too', async () => {
    const count = (p: number, key: string, prefix: boolean) =>
      words(text(p))
        .map(wordKey)
        .reduce((sum, w) => sum + (w === key ? 1 : prefix && w.startsWith(key) ? key.length / w.length : 0), 0);
    for (const keys of [['hoa'], ['ho'], ['cai', 'cach'], ['mot', 'cua', 'li'], ['dong', 'tu1']]) {
      const found = await countTerms(meta, keys, [], load);
      const want = Array.from({ length: PAGES }, (_, p) => p).filter((p) => keys.every((k, i) => count(p, k, i === keys.length - 1) > 0));
      expect(found.pages.map(slugOf).sort(), keys.join(' ')).toEqual(want.map((p) => `kh-${p}`).sort());
      keys.forEach((k, i) => {
        const last = i === keys.length - 1;
        found.pages.forEach((page, j) => {
          expect(found.counts[i][j], `${k} in ${slugOf(page)}`).toBeCloseTo(count(Number(slugOf(page).slice(3)), k, last), 9);
        });
        const having = Array.from({ length: PAGES }, (_, p) => p).filter((p) => count(p, k, last) > 0).length;
        expect(found.pagesWith[i], k).toBe(having);
      });
    }
    // The words beginning with "tu1" fill several chunks, all of which count.
    expect(meta.chunks.filter((c) => c.from.startsWith('tu1')).length).toBeGreaterThan(0);
    // A last key that begins no word stands for its longest start that is one, as in Pagefind: "hoaz" for
    // "hoa", the word alone, not "hoach"; "qqq" for nothing, since no word begins with "q".
    const hoaz = await countTerms(meta, ['cai', 'hoaz'], [], load);
    expect(hoaz.pages.map(slugOf).sort()).toEqual(expected('cai').filter((slug) => expected('hoa').includes(slug)));
    expect(hoaz.pages.length).toBeGreaterThan(0);
    expect((await countTerms(meta, ['hoa', 'qqq'], [], load)).pages).toEqual([]);
    // Nothing for a word but the last that no page has.
    expect((await countTerms(meta, ['xyzzy', 'hoa'], [], load)).pages).toEqual([]);
  });

  it('give the word counts of the pages', () => {
    const sums = Array.from(meta.wordCounts);
    expect(sums).toHaveLength(PAGES);
    // Every page's text has 112 words, and its title one or two more.
    for (const n of sums) expect(n).toBeGreaterThanOrEqual(112);
  });

  it('give the pages of each filter value', () => {
    const hash = meta.filters.get('nhom')!;
    const values = readFilter(gunzipSync(readFileSync(join(bundle(), 'filter', `${hash}.pf_filter`))), PAGES);
    expect([...values.keys()].sort()).toEqual(['g0', 'g1', 'g2']);
    for (const [value, pages] of values) {
      expect(Array.from(pages, slugOf).sort(), value).toEqual(
        Array.from({ length: PAGES }, (_, p) => p)
          .filter((p) => group(p) === value)
          .map((p) => `kh-${p}`)
          .sort(),
      );
    }
  });

  it('refuse files that are not what they claim', () => {
    const metaFile = readdirSync(bundle()).find((f) => f.endsWith('.pf_meta'))!;
    const bytes = gunzipSync(readFileSync(join(bundle(), metaFile)));
    expect(() => readMeta(bytes.subarray(4))).toThrow(IndexFormatError);
    // The same layout under another version number.
    const other = Buffer.from(bytes);
    other.write('9', other.indexOf('1.'), 'latin1');
    expect(() => readMeta(other)).toThrow(/unknown Pagefind index version/);
    expect(() => readChunk(bytes, meta.pages.length)).toThrow(IndexFormatError);
  });
});
