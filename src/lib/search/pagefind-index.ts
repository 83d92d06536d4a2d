/**
 * Reads which pages hold a word, or words as a phrase, and the pages in
 * date order, straight from Pagefind's own index files.
 *
 * The query layer needs many yes-or-no answers per query: does a plan have
 * "hoa" as a whole word, "hóa" with exactly those diacritics, "cải cách
 * hành chính" as a phrase. Pagefind answers each only as a full search,
 * which scores every page it finds and hands back every position of the
 * words as JSON: on 10,000 plans about 60 ms for one common word and several
 * hundred for a phrase, even when the answer is "every plan". The same
 * answer is in the index chunks Pagefind has just downloaded, so this module
 * reads it from there: no new download, a few milliseconds.
 *
 * The format is Pagefind's (1.x), not a public interface. Everything here
 * checks what it reads and throws on anything unexpected; the caller then
 * asks Pagefind instead, so a Pagefind with another layout stays correct,
 * only slower. tests/e2e/search.test.ts compares both on the built site, word
 * by word and phrase by phrase.
 *
 * Layout, after gunzip and the "pagefind_dcd" signature, in CBOR:
 * - `pagefind.<hash>.pf_meta`: [version, pages, chunks, filters, sorts, ...],
 *   pages as [page id, word count, ...], chunks as [first word, last word,
 *   chunk hash], in word order, the words shortened, sorts as [key, page
 *   numbers in ascending order of the key];
 * - `index/<hash>.pf_index`: [words], each word as [folded word, pages,
 *   variants]; the folded word is lower case without diacritics, pages are
 *   [page number as a delta from the previous one, positions in the text,
 *   positions in meta fields], and variants are [the word with its
 *   diacritics, pages], one per spelling met, the folded spelling itself
 *   being the word's own pages.
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

  private head(): { major: number; value: number } {
    if (this.at >= this.bytes.length) throw new IndexFormatError('unexpected end of data');
    const b = this.bytes[this.at++];
    const major = b >> 5;
    const info = b & 31;
    let value: number;
    if (info < 24) value = info;
    else if (info === 24) value = this.bytes[this.at++];
    else if (info === 25) value = this.view.getUint16((this.at += 2) - 2);
    else if (info === 26) value = this.view.getUint32((this.at += 4) - 4);
    else if (info === 27) value = Number(this.view.getBigUint64((this.at += 8) - 8));
    else throw new IndexFormatError(`unsupported CBOR length ${info}`);
    return { major, value };
  }

  private expect(major: number, what: string): number {
    const h = this.head();
    if (h.major !== major) throw new IndexFormatError(`expected ${what}, found CBOR type ${h.major}`);
    return h.value;
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
    const h = this.head();
    if (h.major === 0) return h.value;
    if (h.major === 1) return -1 - h.value;
    throw new IndexFormatError(`expected an integer, found CBOR type ${h.major}`);
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
    const { major, value } = this.head();
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
  /** Index chunks, in word order. */
  chunks: ChunkRef[];
  /**
   * Per sort key, the page numbers of the pages that have it, in ascending
   * order of the key: the order Pagefind's sorted searches follow.
   */
  sorts: Map<string, Uint32Array>;
}

/** Decodes a decompressed `.pf_meta` file. */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const cbor = body(bytes, 'pf_meta');
  const parts = cbor.array();
  if (parts < 3) throw new IndexFormatError('pf_meta has fewer than 3 parts');
  const version = cbor.text();
  if (!KNOWN_VERSION.test(version)) throw new IndexFormatError(`unknown Pagefind index version ${version}`);
  const pages: string[] = [];
  for (let i = 0, n = cbor.array(); i < n; i++) {
    const parts = cbor.array();
    if (parts < 1) throw new IndexFormatError('pf_meta page without an id');
    pages.push(cbor.text());
    for (let j = 1; j < parts; j++) cbor.skip();
  }
  const chunks: ChunkRef[] = [];
  for (let i = 0, n = cbor.array(); i < n; i++) {
    if (cbor.array() !== 3) throw new IndexFormatError('pf_meta chunk is not [from, to, hash]');
    chunks.push({ from: cbor.text(), to: cbor.text(), hash: cbor.text() });
  }
  const sorts = new Map<string, Uint32Array>();
  if (parts >= 5) {
    cbor.skip(); // filters: [name, chunk hash]
    for (let i = 0, n = cbor.array(); i < n; i++) {
      if (cbor.array() !== 2) throw new IndexFormatError('pf_meta sort is not [key, pages]');
      const key = cbor.text();
      const order = new Uint32Array(cbor.array());
      for (let j = 0; j < order.length; j++) {
        order[j] = cbor.uint();
        if (order[j] >= pages.length) throw new IndexFormatError(`pf_meta sort ${key} names page ${order[j]} of ${pages.length}`);
      }
      sorts.set(key, order);
    }
  }
  return { version, pages, chunks, sorts };
}

/**
 * Compares as Pagefind (Rust) compares strings, byte by byte in UTF-8, which
 * is code point order; JavaScript's `<` compares UTF-16 units, which differs
 * beyond U+FFFF.
 */
function compareWords(a: string, b: string): number {
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
  let found: ChunkRef | undefined;
  for (const c of meta.chunks) {
    if (compareWords(c.from, folded) > 0) break;
    found = c;
  }
  return found;
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
  return phrasePages(await Promise.all(keys.map((k) => lookUpWord(meta, k, load))));
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
  positions(): Map<number, Int32Array>;
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

/**
 * Reads the positions of a page list into `into`. Positions are word numbers
 * in runs: in the page's text, a negative number starts a run of one weight;
 * in its meta fields (the third part), a negative number starts a field, -1
 * for the first. Within a run each number is the distance from the previous
 * position.
 */
function positionsInto(cbor: Cbor, into: Map<number, number[]>): void {
  let page = 0;
  for (let i = 0, n = cbor.array(); i < n; i++) {
    const parts = cbor.array();
    page += cbor.uint();
    let list = into.get(page);
    if (!list) into.set(page, (list = []));
    let at = 0;
    for (let j = 0, m = cbor.array(); j < m; j++) {
      const step = cbor.int();
      if (step < 0) at = 0;
      else list.push((at += step));
    }
    if (parts >= 3) {
      let field = 0;
      for (let j = 0, m = cbor.array(); j < m; j++) {
        const step = cbor.int();
        if (step < 0) {
          field = -step;
          at = 0;
        } else {
          if (field === 0 || field >= 127) throw new IndexFormatError('pf_index meta position outside a field');
          list.push(field * FIELD_SPAN + (at += step));
        }
      }
    }
    for (let j = 3; j < parts; j++) cbor.skip();
  }
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
      positions() {
        const all = new Map<number, number[]>();
        for (const at of lists) positionsInto(cbor.seek(at), all);
        return new Map([...all].map(([page, list]) => [page, Int32Array.from(list).sort()]));
      },
    });
  }
  return words;
}

/** Whether the sorted `list` holds `value`. */
function holds(list: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return true;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The pages having the words one after another, in any spelling: a quoted phrase. */
function phrasePages(words: readonly (WordPages | undefined)[]): number[] {
  if (words.length === 0 || words.some((w) => !w)) return [];
  const maps = words.map((w) => w!.positions());
  const [first, ...rest] = maps;
  const out: number[] = [];
  for (const [page, starts] of first) {
    const others = rest.map((m) => m.get(page));
    if (others.some((o) => !o)) continue;
    if (starts.some((p) => others.every((o, i) => holds(o!, p + i + 1)))) out.push(page);
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
