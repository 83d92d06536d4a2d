/**
 * Reads which pages hold a word, or words as a phrase, how often, the pages
 * in date order and the pages of a filter value, straight from Pagefind's
 * own index files.
 *
 * The query layer needs many yes-or-no answers per query: does a plan have
 * "hoa" as a whole word, "hóa" with exactly those diacritics, "cải cách
 * hành chính" as a phrase. Pagefind answers each only as a full search,
 * which scores every page it finds and hands back every position of the
 * words as JSON: on 10,000 plans about 60 ms for one common word and several
 * hundred for a phrase, even when the answer is "every plan". The same
 * answer is in the index chunks, so this module reads it from there, in a
 * few milliseconds. The same holds for the one ranked search of a query
 * (`countTerms`): Pagefind spends 100 to 600 ms on one at 10,000 plans, most
 * of it writing every position as JSON, where counting them here takes a few.
 *
 * The format is Pagefind's (1.x), not a public interface. Everything here
 * checks what it reads and throws on anything unexpected; the caller then
 * asks Pagefind instead, so a Pagefind with another layout stays correct,
 * only slower. tests/e2e/search.test.ts compares both on the built site, word
 * by word and phrase by phrase.
 *
 * Layout, after gunzip and the "pagefind_dcd" signature, in CBOR:
 * - `pagefind.<hash>.pf_meta`: [version, pages, chunks, filters, sorts,
 *   meta fields, ...], pages as [page id, word count, ...], chunks as [first
 *   word, last word, chunk hash], in word order, the words shortened,
 *   filters as [name, file hash], sorts as [key, page numbers in ascending
 *   order of the key], meta fields as the names of the indexed meta fields;
 * - `filter/<hash>.pf_filter`: [name, values], each value as [value, page
 *   numbers in ascending order];
 * - `index/<hash>.pf_index`: [words], each word as [folded word, pages,
 *   variants]; the folded word is lower case without diacritics, pages are
 *   [page number as a delta from the previous one, positions in the text,
 *   positions in meta fields], and variants are [the word with its
 *   diacritics, pages], one per spelling met, the folded spelling itself
 *   being the word's own pages. Positions in the text come in runs of one
 *   weight, each run begun by -(24 × weight + 1): -25 for body text, -169
 *   for a heading of weight 7. Positions in meta fields come in runs of
 *   one field, begun by -(field number + 1), the field numbered in the
 *   metadata's list of meta fields.
 */
import { PAGEFIND_SIGNATURE } from './index-fields.ts';

/** The index format this reader knows: Pagefind 1.x. */
const KNOWN_VERSION = /^1\./;

export class IndexFormatError extends Error {}

/** A minimal CBOR reader for the subset Pagefind writes. */
class Cbor {
  private at = 0;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The major type of the item `head` last read. */
  private major = 0;

  /**
   * Reads an item's head: its major type into `major`, its argument as the
   * result. No object per item: a phrase on a large archive reads hundreds
   * of thousands of them.
   */
  private head(): number {
    const bytes = this.bytes;
    if (this.at >= bytes.length) throw new IndexFormatError('unexpected end of data');
    const b = bytes[this.at++];
    this.major = b >> 5;
    const info = b & 31;
    if (info < 24) return info;
    if (info === 24) return bytes[this.at++];
    if (info === 25) return this.view.getUint16((this.at += 2) - 2);
    if (info === 26) return this.view.getUint32((this.at += 4) - 4);
    if (info === 27) return Number(this.view.getBigUint64((this.at += 8) - 8));
    throw new IndexFormatError(`unsupported CBOR length ${info}`);
  }

  private expect(major: number, what: string): number {
    const value = this.head();
    if (this.major !== major) throw new IndexFormatError(`expected ${what}, found CBOR type ${this.major}`);
    return value;
  }

  get offset(): number {
    return this.at;
  }

  seek(at: number): this {
    this.at = at;
    return this;
  }

  array(): number {
    return this.expect(4, 'an array');
  }

  /** A signed integer. */
  int(): number {
    const value = this.head();
    if (this.major === 0) return value;
    if (this.major === 1) return -1 - value;
    throw new IndexFormatError(`expected an integer, found CBOR type ${this.major}`);
  }

  uint(): number {
    return this.expect(0, 'an unsigned integer');
  }

  text(): string {
    const n = this.expect(3, 'a text string');
    const s = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  /** Steps over one item of any type. */
  skip(): void {
    const value = this.head();
    const major = this.major;
    if (major === 2 || major === 3) this.at += value;
    else if (major === 4) for (let i = 0; i < value; i++) this.skip();
    else if (major === 5) for (let i = 0; i < value * 2; i++) this.skip();
    else if (major === 6) this.skip();
    else if (major === 7 && value > 23) throw new IndexFormatError('unsupported CBOR simple value');
  }
}

/** Strips the signature, checking it is there. */
function body(bytes: Uint8Array, file: string): Cbor {
  const sig = new TextDecoder().decode(bytes.subarray(0, PAGEFIND_SIGNATURE.length));
  if (sig !== PAGEFIND_SIGNATURE) throw new IndexFormatError(`${file} does not begin with ${PAGEFIND_SIGNATURE}`);
  return new Cbor(bytes.subarray(PAGEFIND_SIGNATURE.length));
}

export interface ChunkRef {
  from: string;
  to: string;
  hash: string;
}

export interface IndexMeta {
  version: string;
  /** Page ids, by page number. */
  pages: string[];
  /** Words in each page, by page number. */
  wordCounts: Uint32Array;
  /** The file hash of each filter, by filter name. */
  filters: Map<string, string>;
  /** The indexed meta fields, in the order positions in meta fields number them. */
  fields: string[];
  /** Index chunks, in word order. */
  chunks: ChunkRef[];
  /**
   * Per sort key, the page numbers of the pages that have it, in ascending
   * order of the key: the order Pagefind's sorted searches follow.
   */
  sorts: Map<string, Uint32Array>;
}

/** An array of page numbers, each checked to name one of the `pageCount` pages. */
function pageNumbers(cbor: Cbor, pageCount: number, what: string): Uint32Array {
  const pages = new Uint32Array(cbor.array());
  for (let j = 0; j < pages.length; j++) {
    pages[j] = cbor.uint();
    if (pages[j] >= pageCount) throw new IndexFormatError(`${what} names page ${pages[j]} of ${pageCount}`);
  }
  return pages;
}

/** Decodes a decompressed `.pf_meta` file. */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const cbor = body(bytes, 'pf_meta');
  const parts = cbor.array();
  if (parts < 3) throw new IndexFormatError('pf_meta has fewer than 3 parts');
  const version = cbor.text();
  if (!KNOWN_VERSION.test(version)) throw new IndexFormatError(`unknown Pagefind index version ${version}`);
  const pages: string[] = [];
  const pageCount = cbor.array();
  const wordCounts = new Uint32Array(pageCount);
  for (let i = 0; i < pageCount; i++) {
    const parts = cbor.array();
    if (parts < 2) throw new IndexFormatError('pf_meta page is not [id, word count, ...]');
    pages.push(cbor.text());
    wordCounts[i] = cbor.uint();
    for (let j = 2; j < parts; j++) cbor.skip();
  }
  const chunks: ChunkRef[] = [];
  for (let i = 0, n = cbor.array(); i < n; i++) {
    if (cbor.array() !== 3) throw new IndexFormatError('pf_meta chunk is not [from, to, hash]');
    chunks.push({ from: cbor.text(), to: cbor.text(), hash: cbor.text() });
  }
  const filters = new Map<string, string>();
  const sorts = new Map<string, Uint32Array>();
  const fields: string[] = [];
  if (parts >= 4) {
    for (let i = 0, n = cbor.array(); i < n; i++) {
      if (cbor.array() !== 2) throw new IndexFormatError('pf_meta filter is not [name, hash]');
      filters.set(cbor.text(), cbor.text());
    }
  }
  if (parts >= 5) {
    for (let i = 0, n = cbor.array(); i < n; i++) {
      if (cbor.array() !== 2) throw new IndexFormatError('pf_meta sort is not [key, pages]');
      const key = cbor.text();
      sorts.set(key, pageNumbers(cbor, pages.length, `pf_meta sort ${key}`));
    }
  }
  if (parts >= 6) for (let i = 0, n = cbor.array(); i < n; i++) fields.push(cbor.text());
  return { version, pages, wordCounts, chunks, filters, fields, sorts };
}

/**
 * Compares as Pagefind (Rust) compares strings, byte by byte in UTF-8, which
 * is code point order; JavaScript's `<` compares UTF-16 units, which differs
 * beyond U+FFFF.
 */
export function compareWords(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

/**
 * The chunk that holds a word if any does: the last whose first bound is not
 * after it. Chunks hold the words in sorted order, and a chunk's bounds are
 * its first and last words cut to the shortest start that tells them from the
 * neighbouring chunk's ("hoa0".."hoac" for "hoa0411…".."hoach", between
 * "hoa".."hoa" and "hoad".."hoc"). The next chunk's first bound is then after
 * every word of this one, and this one's is before all of its own.
 */
export function chunkFor(meta: IndexMeta, folded: string): ChunkRef | undefined {
  return meta.chunks[chunkIndex(meta, folded)];
}

/** The index of `chunkFor`'s chunk in `meta.chunks`; -1 when the word is before them all. */
function chunkIndex(meta: IndexMeta, folded: string): number {
  let found = -1;
  for (let i = 0; i < meta.chunks.length; i++) {
    if (compareWords(meta.chunks[i].from, folded) > 0) break;
    found = i;
  }
  return found;
}

/**
 * The index's words that begin with `prefix`, with their pages. They lie in
 * the chunk `prefix` itself would be in and the chunks after it whose first
 * bound begins with it: a later chunk's first bound is after `prefix`, so it
 * can hold such words only by beginning with it.
 */
async function lookUpPrefix(meta: IndexMeta, prefix: string, load: ChunkLoader): Promise<[string, WordPages][]> {
  const first = Math.max(0, chunkIndex(meta, prefix));
  const refs = [meta.chunks[first]];
  for (let i = first + 1; i < meta.chunks.length && meta.chunks[i].from.startsWith(prefix); i++) refs.push(meta.chunks[i]);
  const loaded = await Promise.all(refs.filter(Boolean).map((ref) => load(ref.hash, meta.pages.length)));
  return loaded.flatMap((words) => [...words].filter(([word]) => word.startsWith(prefix)));
}

/** A chunk's words, by chunk hash, as the caller loads them. */
export type ChunkLoader = (hash: string, pageCount: number) => Map<string, WordPages> | Promise<Map<string, WordPages>>;

/** One word of the index, from the chunk that would hold it; undefined when the index has no such word. */
async function lookUpWord(meta: IndexMeta, folded: string, load: ChunkLoader): Promise<WordPages | undefined> {
  const ref = chunkFor(meta, folded);
  return ref && (await load(ref.hash, meta.pages.length)).get(folded);
}

/**
 * The page numbers holding the words one after another: with one word, in
 * any spelling that folds to it, or with `exact`, spelled exactly so.
 */
export async function lookUpPages(meta: IndexMeta, keys: readonly string[], exact: string | undefined, load: ChunkLoader): Promise<number[]> {
  if (keys.length === 1) {
    const seen = new Set<number>();
    for (const list of pagesOf(await lookUpWord(meta, keys[0], load), keys[0], exact)) for (const page of list) seen.add(page);
    return [...seen];
  }
  return phrasePages(await Promise.all(keys.map((k) => lookUpWord(meta, k, load))), meta.pages.length);
}

/** The pages of one word of a chunk: its folded spelling's own, and each variant's. */
export interface WordPages {
  /** Pages with the word spelled exactly as folded (no diacritics). */
  own: Uint32Array;
  /** Pages per spelling with diacritics. */
  variants: Map<string, Uint32Array>;
  /**
   * Where the word stands in each page that has it, in any spelling, in
   * order. Read only when asked, since only phrases need it, and not kept:
   * for a common word on a large archive it is most of the chunk, and the
   * query layer remembers the phrase's answer anyway.
   */
  positions(): Positions;
  /**
   * Adds, for each page having the word in any spelling, how often it has
   * it to `into` (indexed by page number): each occurrence counts its
   * weight, in the text the weight of its run (1 for body text), in a meta
   * field `fieldWeights[field number]` (1 when not given), times `factor`.
   * Marks the page in `has`, whatever the weights.
   */
  count(into: Float64Array, has: Uint8Array, fieldWeights: readonly number[], factor: number): void;
}

/**
 * Where a word stands in every page, in two flat arrays rather than an
 * array per page: a phrase of common words on a large archive reads
 * hundreds of thousands of positions, and one allocation per page cost more
 * than the reading.
 */
export interface Positions {
  /** Page p's positions are `at[start[p]]` up to `at[start[p + 1]]`, in order; none when the two are equal. */
  start: Int32Array;
  at: Int32Array;
}

/** Reads [page delta, positions, meta positions]* into absolute page numbers. */
function pageList(cbor: Cbor, pageCount: number): Uint32Array {
  const n = cbor.array();
  const out = new Uint32Array(n);
  let page = 0;
  for (let i = 0; i < n; i++) {
    const parts = cbor.array();
    if (parts < 2) throw new IndexFormatError('pf_index page entry is not [page, positions, ...]');
    page += cbor.uint();
    if (page >= pageCount) throw new IndexFormatError(`pf_index names page ${page} of ${pageCount}`);
    out[i] = page;
    for (let j = 1; j < parts; j++) cbor.skip();
  }
  return out;
}

/**
 * Positions in a meta field are counted from the field's start: they are
 * kept apart from the text's, and from each other field's, by this much per
 * field, so that a phrase never runs from one into the next.
 */
const FIELD_SPAN = 1 << 24;

/** A text run's weight from the number that begins it, -(24 × weight + 1). */
const runWeight = (marker: number) => (-marker - 1) / 24;

/**
 * Calls `visit` with each position of a page list and its weight. Positions
 * are word numbers in runs: in the page's text, a negative number starts a
 * run of one weight (`runWeight`); in its meta fields (the third part), a
 * negative number starts a field, -1 for the first, whose weight is
 * `fieldWeights[field number]` (1 when not given). Within a run each number
 * is the distance from the previous position.
 */
function walkPositions(cbor: Cbor, fieldWeights: readonly number[], visit: (page: number, position: number, weight: number) => void): void {
  let page = 0;
  for (let i = 0, n = cbor.array(); i < n; i++) {
    const parts = cbor.array();
    page += cbor.uint();
    let at = 0;
    let weight = 1;
    for (let j = 0, m = cbor.array(); j < m; j++) {
      const step = cbor.int();
      if (step < 0) {
        at = 0;
        weight = runWeight(step);
      } else visit(page, (at += step), weight);
    }
    if (parts >= 3) {
      let field = 0;
      for (let j = 0, m = cbor.array(); j < m; j++) {
        const step = cbor.int();
        if (step < 0) {
          field = -step;
          at = 0;
          weight = fieldWeights[field - 1] ?? 1;
        } else {
          if (field === 0 || field >= 127) throw new IndexFormatError('pf_index meta position outside a field');
          visit(page, field * FIELD_SPAN + (at += step), weight);
        }
      }
    }
    for (let j = 3; j < parts; j++) cbor.skip();
  }
}

/** The positions of page lists (starting at `lists`), in two passes: count per page, then fill. */
function readPositions(cbor: Cbor, lists: readonly number[], pageCount: number): Positions {
  const start = new Int32Array(pageCount + 1);
  for (const at of lists) walkPositions(cbor.seek(at), [], (page) => start[page + 1]++);
  for (let p = 0; p < pageCount; p++) start[p + 1] += start[p];
  const next = start.slice(0, pageCount);
  const at = new Int32Array(start[pageCount]);
  for (const list of lists) walkPositions(cbor.seek(list), [], (page, position) => (at[next[page]++] = position));
  // Runs of text, fields and spellings each come in order, but not one after another.
  for (let p = 0; p < pageCount; p++) if (start[p + 1] - start[p] > 1) at.subarray(start[p], start[p + 1]).sort();
  return { start, at };
}

/** Decodes a decompressed `.pf_index` chunk: each folded word's pages. */
export function readChunk(bytes: Uint8Array, pageCount: number): Map<string, WordPages> {
  const cbor = body(bytes, 'pf_index');
  if (cbor.array() < 1) throw new IndexFormatError('pf_index chunk has no word list');
  const words = new Map<string, WordPages>();
  for (let i = 0, n = cbor.array(); i < n; i++) {
    const parts = cbor.array();
    if (parts < 2) throw new IndexFormatError('pf_index word is not [word, pages, ...]');
    const word = cbor.text();
    const lists = [cbor.offset];
    const own = pageList(cbor, pageCount);
    const variants = new Map<string, Uint32Array>();
    if (parts >= 3) {
      for (let v = 0, m = cbor.array(); v < m; v++) {
        if (cbor.array() < 2) throw new IndexFormatError('pf_index variant is not [word, pages]');
        const spelling = cbor.text();
        lists.push(cbor.offset);
        variants.set(spelling, pageList(cbor, pageCount));
      }
    }
    for (let j = 3; j < parts; j++) cbor.skip();
    words.set(word, {
      own,
      variants,
      positions: () => readPositions(cbor, lists, pageCount),
      count(into, has, fieldWeights, factor) {
        const add = (page: number, _: number, weight: number) => {
          has[page] = 1;
          into[page] += weight * factor;
        };
        for (const at of lists) walkPositions(cbor.seek(at), fieldWeights, add);
      },
    });
  }
  return words;
}

/** Whether `at[from]` up to `at[to]`, in order, holds `value`. */
function holds(at: Int32Array, from: number, to: number, value: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] === value) return true;
    if (at[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The pages having the words one after another, in any spelling: a quoted phrase. */
function phrasePages(words: readonly (WordPages | undefined)[], pageCount: number): number[] {
  if (words.length === 0 || words.some((w) => !w)) return [];
  const [first, ...rest] = words.map((w) => w!.positions());
  const out: number[] = [];
  for (let page = 0; page < pageCount; page++) {
    const from = first.start[page];
    const to = first.start[page + 1];
    if (from === to || rest.some((t) => t.start[page] === t.start[page + 1])) continue;
    for (let i = from; i < to; i++) {
      const p = first.at[i];
      if (rest.every((t, k) => holds(t.at, t.start[page], t.start[page + 1], p + k + 1))) {
        out.push(page);
        break;
      }
    }
  }
  return out;
}

/**
 * The page numbers holding a word: with `exact`, spelled exactly so (lower
 * case, NFC, as the index stores it); without, in any spelling that folds to
 * `folded`.
 */
function pagesOf(entry: WordPages | undefined, folded: string, exact?: string): Uint32Array[] {
  if (!entry) return [];
  if (exact === undefined) return [entry.own, ...entry.variants.values()];
  if (exact === folded) return [entry.own];
  const v = entry.variants.get(exact);
  return v ? [v] : [];
}

/** How much a word counts for a key it begins, or that begins it: 1 for the key itself, less the more their lengths differ. */
export function likeness(key: string, word: string): number {
  if (word === key) return 1;
  const length = [...key].length;
  const other = [...word].length;
  return Math.min(length, other) / Math.max(length, other);
}

/** What a ranked search finds in one index, for `relevance.ts` to score. */
export interface TermCounts {
  /** The page numbers having every term. */
  pages: number[];
  /** Per term, per page of `pages`: how often the page has the term, weighted (`WordPages.count`). */
  counts: Float64Array[];
  /** Per term, how many pages of the index have it. */
  pagesWith: number[];
}

/**
 * The pages having every key, each a whole word but the last, which may
 * also begin a longer word (it may be half typed), in any spelling: what
 * Pagefind's own search of the keys finds, once the keys but the last are
 * held to whole words, which the query layer asks of every plan anyway. A
 * word counts in proportion to how alike in length it and the key are, so
 * that "hoa" ranks "hoa" above "hoach".
 *
 * As Pagefind does, a last key that begins no word of this index stands for
 * the longest start of it that is a word ("ct", the "CT" of "26/CT-TTg",
 * for "ctr"): a mistyped last letter still finds something, ranked lower.
 * (Pagefind looks for that word only among the words it has loaded, so
 * whether it finds one depends on earlier searches; this always does.)
 */
export async function countTerms(meta: IndexMeta, keys: readonly string[], fieldWeights: readonly number[], load: ChunkLoader): Promise<TermCounts> {
  const n = meta.pages.length;
  const terms = await Promise.all(
    keys.map(async (key, i): Promise<[string, WordPages][]> => {
      if (i < keys.length - 1) {
        const entry = await lookUpWord(meta, key, load);
        return entry ? [[key, entry]] : [];
      }
      const extensions = await lookUpPrefix(meta, key, load);
      if (extensions.length > 0) return extensions;
      for (const start = [...key].slice(0, -1); start.length > 0; start.pop()) {
        const word = start.join('');
        const entry = await lookUpWord(meta, word, load);
        if (entry) return [[word, entry]];
      }
      return [];
    }),
  );
  const one = new Float64Array(n);
  const counts = terms.map((words, i) => {
    const into = new Float64Array(n);
    const has = new Uint8Array(n);
    for (const [word, entry] of words) {
      // Each word's own count, then times its factor: count-files.ts adds up the counts it stores the same way.
      one.fill(0);
      entry.count(one, has, fieldWeights, 1);
      const factor = likeness(keys[i], word);
      for (let p = 0; p < n; p++) if (one[p] !== 0) into[p] += one[p] * factor;
    }
    return { into, has };
  });
  const pages: number[] = [];
  for (let p = 0; p < n; p++) if (counts.every((c) => c.has[p])) pages.push(p);
  return {
    pages,
    counts: counts.map((c) => Float64Array.from(pages, (p) => c.into[p])),
    pagesWith: counts.map((c) => c.has.reduce((sum, x) => sum + x, 0)),
  };
}

/** Decodes a decompressed `.pf_filter` file: the page numbers of each value. */
export function readFilter(bytes: Uint8Array, pageCount: number): Map<string, Uint32Array> {
  const cbor = body(bytes, 'pf_filter');
  if (cbor.array() < 2) throw new IndexFormatError('pf_filter is not [name, values]');
  cbor.text();
  const values = new Map<string, Uint32Array>();
  for (let i = 0, n = cbor.array(); i < n; i++) {
    if (cbor.array() !== 2) throw new IndexFormatError('pf_filter value is not [value, pages]');
    const value = cbor.text();
    const pages = pageNumbers(cbor, pageCount, `pf_filter ${value}`);
    if (pages.some((page, j) => j > 0 && page <= pages[j - 1])) throw new IndexFormatError(`pf_filter ${value} lists its pages out of order`);
    values.set(value, pages);
  }
  return values;
}
