/**
 * Reads which pages hold a word straight from Pagefind's own index files.
 *
 * The query layer needs many yes-or-no answers per query: does a plan have
 * "hoa" as a whole word, does it have "hóa" with exactly those diacritics.
 * Pagefind answers each only as a full search, which scores every page it
 * finds and hands back every position of the word, and on 10,000 plans that
 * costs about 60 ms even when the answer is "every plan". The same answer is
 * a list of page numbers in the index chunk Pagefind has just downloaded, so
 * this module reads it from there: no new download, a few milliseconds.
 *
 * The format is Pagefind's (1.x), not a public interface. Everything here
 * checks what it reads and throws on anything unexpected; the caller then
 * asks Pagefind instead, so a Pagefind with another layout stays correct,
 * only slower. tests/e2e/search.test.ts compares both on the built site.
 *
 * Layout, after gunzip and the "pagefind_dcd" signature, in CBOR:
 * - `pagefind.<hash>.pf_meta`: [version, pages, chunks, filters, sorts, ...],
 *   pages as [page id, word count, ...], chunks as [first word, last word,
 *   chunk hash], in word order;
 * - `index/<hash>.pf_index`: [words], each word as [folded word, pages,
 *   variants]; the folded word is lower case without diacritics, pages are
 *   [page number as a delta from the previous one, positions, meta
 *   positions], and variants are [the word with its diacritics, pages], one
 *   per spelling met, the folded spelling itself being the word's own pages.
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

  array(): number {
    return this.expect(4, 'an array');
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
}

/** Decodes a decompressed `.pf_meta` file. */
export function readMeta(bytes: Uint8Array): IndexMeta {
  const cbor = body(bytes, 'pf_meta');
  if (cbor.array() < 3) throw new IndexFormatError('pf_meta has fewer than 3 parts');
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
  return { version, pages, chunks };
}

const utf8 = new TextEncoder();

/** Compares as Pagefind (Rust) compares strings: byte by byte in UTF-8. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** The first `n` bytes of `s`, or undefined when they end inside a character (Rust's `str::get`). */
function head(s: Uint8Array, n: number): Uint8Array | undefined {
  return n < s.length && (s[n] & 0xc0) === 0x80 ? undefined : s.subarray(0, n);
}

/**
 * The chunk Pagefind loads for a word, chosen as Pagefind chooses it: the
 * first whose range holds the word, else the first whose bounds, cut to the
 * word's length, do. Chunk bounds are shortened words ("mo" for "mot"), so
 * the second rule is the common one.
 */
export function chunkFor(meta: IndexMeta, folded: string): ChunkRef | undefined {
  const term = utf8.encode(folded);
  const bounds = meta.chunks.map((c) => ({ c, from: utf8.encode(c.from), to: utf8.encode(c.to) }));
  const strict = bounds.find(({ from, to }) => compareBytes(term, from) >= 0 && compareBytes(term, to) <= 0);
  if (strict) return strict.c;
  return bounds.find(({ from, to }) => {
    const [termFrom, chunkFrom] = [head(term, Math.min(term.length, from.length)), head(from, Math.min(term.length, from.length))];
    const [termTo, chunkTo] = [head(term, Math.min(term.length, to.length)), head(to, Math.min(term.length, to.length))];
    if (!termFrom || !chunkFrom || !termTo || !chunkTo) return false;
    return compareBytes(termFrom, chunkFrom) >= 0 && compareBytes(termTo, chunkTo) <= 0;
  })?.c;
}

/** The pages of one word of a chunk: its folded spelling's own, and each variant's. */
export interface WordPages {
  /** Pages with the word spelled exactly as folded (no diacritics). */
  own: Uint32Array;
  /** Pages per spelling with diacritics. */
  variants: Map<string, Uint32Array>;
}

/** Reads [page delta, positions, meta positions]* into absolute page numbers. */
function pageList(cbor: Cbor, pageCount: number): Uint32Array {
  const n = cbor.array();
  const out = new Uint32Array(n);
  let page = 0;
  for (let i = 0; i < n; i++) {
    const parts = cbor.array();
    if (parts < 1) throw new IndexFormatError('pf_index page entry is empty');
    page += cbor.uint();
    if (page >= pageCount) throw new IndexFormatError(`pf_index names page ${page} of ${pageCount}`);
    out[i] = page;
    for (let j = 1; j < parts; j++) cbor.skip();
  }
  return out;
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
    const own = pageList(cbor, pageCount);
    const variants = new Map<string, Uint32Array>();
    if (parts >= 3) {
      for (let v = 0, m = cbor.array(); v < m; v++) {
        if (cbor.array() < 2) throw new IndexFormatError('pf_index variant is not [word, pages]');
        const spelling = cbor.text();
        variants.set(spelling, pageList(cbor, pageCount));
      }
    }
    for (let j = 3; j < parts; j++) cbor.skip();
    words.set(word, { own, variants });
  }
  return words;
}

/**
 * The page numbers holding a word: with `exact`, spelled exactly so (lower
 * case, NFC, as the index stores it); without, in any spelling that folds to
 * `folded`.
 */
export function pagesOf(entry: WordPages | undefined, folded: string, exact?: string): Uint32Array[] {
  if (!entry) return [];
  if (exact === undefined) return [entry.own, ...entry.variants.values()];
  if (exact === folded) return [entry.own];
  const v = entry.variants.get(exact);
  return v ? [v] : [];
}
