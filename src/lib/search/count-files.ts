/**
 * Count files: what the search page needs of a word, without where the word
 * stands.
 *
 * A Pagefind chunk (`index/*.pf_index`) holds, for each of its words, every
 * position of the word in every page: that is what a quoted phrase needs,
 * and for a common word on a large archive it is most of the chunk, tens of
 * kilobytes per shard. Most of what a query asks needs less. A ranked search
 * needs how often each page has each word, weighted (`countTerms`); a whole
 * word or a spelling needs the list of pages; and a phrase, which the query
 * layer asks of every query of two words or more, needs the pages that have
 * it, which the build can work out once for every short run of words. So after Pagefind
 * writes a bundle, the build reads every chunk of it with the search page's
 * own reader (pagefind-index.ts) and writes beside it, under
 * `kho-dem/<index hash>/`:
 *
 * - count files, `d<i>.json`: every word of the index, in Pagefind's word
 *   order, a few kilobytes (gzipped) of words per file. For each word: its
 *   pages, its weighted count in each (with `META_WEIGHTS`), its pages per
 *   spelling, and, when longer words begin with it, the same counts taken
 *   as Pagefind takes a query's last word, with every word it begins;
 * - phrase files, `c<i>.json`: for every run of two to `PHRASE_WORDS` words
 *   met in some page, the pages having it, grouped by the run's first two
 *   words. Every run is written, so a run that is not in its file is in no
 *   page. (Only runs of the `MAX_COMMON` most common words, should an index
 *   have more words than that: a phrase with another word is read from the
 *   chunks.) Most runs are in one page or a few, and on the 10,005-plan
 *   bench build the phrase files of a shard are about three times the size
 *   of its count files;
 * - `index.json`: the first word of each count file, the weights and the
 *   threshold.
 *
 * Page numbers are written as in phrase-files.ts (`pageSteps`), each as
 * its distance from the one before, so that long runs of consecutive pages
 * gzip to almost nothing. The folder carries the index's hash, as Pagefind names its own
 * files, because page numbers mean something only with the index they were
 * read from.
 *
 * Anything the files cannot answer (a phrase with a rare word, or one of
 * more than `PHRASE_WORDS` words that some page may hold: `longPhrase`), the
 * page reads from the chunks as before; the answers are the same either way, which
 * tests/e2e/search.test.ts checks word by word on the built site.
 */
import { pageSteps, pagesFromSteps } from './phrase-files.ts';
import { compareWords, countTerms, likeness, type ChunkLoader, type IndexMeta, type TermCounts, type WordPages } from './pagefind-index.ts';

/** The folder of a bundle the files go into. */
export const COUNT_DIR = 'kho-dem';
const FORMAT = 1;
/** The longest run of words the phrase files hold. */
export const PHRASE_WORDS = 4;
/**
 * At most this many words count as common, the most common first: the
 * phrase files' runs are keyed by pairs of word numbers (writePhrases),
 * which must stay small integers, below 2^30.
 */
const MAX_COMMON = 2 ** 15 - 1;
/** About how many gzipped bytes a file holds before the next begins: fewer bytes per question against more files. */
const FILE_BYTES = 4096;

export const manifestFile = (indexHash: string) => `${COUNT_DIR}/${indexHash}/index.json`;
export const countFile = (indexHash: string, i: number) => `${COUNT_DIR}/${indexHash}/d${i}.json`;
export const phraseFile = (indexHash: string, i: number) => `${COUNT_DIR}/${indexHash}/c${i}.json`;

export interface CountManifest {
  format: typeof FORMAT;
  /** The weight of each meta field, in the order of the index's meta fields, that the counts were taken with. */
  weights: number[];
  /** The first word of each count file. */
  bounds: string[];
  /** In how many pages a word must be for the phrase files to hold its runs. */
  common: number;
}

/** One word of a count file, decoded. */
export interface WordCounts {
  /** The pages having the word in any spelling, ascending. */
  pages: Uint32Array;
  /** Per page of `pages`: how often it has the word, weighted (`WordPages.count`). */
  counts: Float64Array;
  /** The pages of each spelling, the folded one included when a page has it. */
  spellings: Map<string, Uint32Array>;
  /** When longer words begin with this one: pages and counts with them, as `countTerms` takes a last word. */
  begun?: { pages: Uint32Array; counts: Float64Array };
  /** The phrase file of each word that follows this one in some page; undefined when the phrase files leave it out (`MAX_COMMON`). */
  next?: Map<string, number>;
}


interface RawEntry {
  p: number[];
  c: number[];
  /** 0 when the spelling's pages are `p`. */
  v: Record<string, number[] | 0>;
  x?: { p: number[]; c: number[] };
  g?: Record<string, number>;
}

/** Told how far the build of a bundle's files is: its words counted, then its pages' runs gathered. */
export type CountProgress = (stage: 'words' | 'pages', done: number, total: number) => void;

export interface CountFilesOut {
  manifest: CountManifest;
  counts: string[];
  phrases: string[];
}

/**
 * The files for the index `meta` describes, its chunks read through `load`.
 * `gzipSize` tells how large a text is once served; `common` (in how many
 * pages a word must be for the phrase files to hold its runs: by default
 * every word is), `maxCommon` (how many words at most, `MAX_COMMON`) and
 * `fileBytes` (the file size) are for tests; `progress` is told how far it is.
 */
export async function buildCountFiles(
  meta: IndexMeta,
  load: ChunkLoader,
  weights: number[],
  gzipSize: (text: string) => number,
  options: { common?: number; fileBytes?: number; maxCommon?: number; progress?: CountProgress } = {},
): Promise<CountFilesOut> {
  const n = meta.pages.length;
  const common = options.common ?? 1;
  const fileBytes = options.fileBytes ?? FILE_BYTES;
  const words: [string, WordPages][] = [];
  for (const ref of meta.chunks) for (const entry of await load(ref.hash, n)) words.push(entry);
  words.sort(([a], [b]) => compareWords(a, b));

  const into = new Float64Array(n);
  const has = new Uint8Array(n);
  const entries: RawEntry[] = [];
  const pagesWith: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const [word, pages] = words[i];
    pages.count(into, has, weights, 1);
    const found: number[] = [];
    const counts: number[] = [];
    for (let p = 0; p < n; p++) {
      if (!has[p]) continue;
      found.push(p);
      counts.push(into[p]);
      into[p] = 0;
      has[p] = 0;
    }
    const p = pageSteps(found);
    const same = (list: Uint32Array) => list.length === found.length && list.every((x, j) => x === found[j]);
    const v: RawEntry['v'] = {};
    for (const [spelling, list] of [[word, pages.own] as const, ...pages.variants]) if (list.length) v[spelling] = same(list) ? 0 : pageSteps(list);
    const entry: RawEntry = { p, c: counts, v };
    if (i + 1 < words.length && words[i + 1][0].startsWith(word)) {
      const begun = await countTerms(meta, [word], weights, load);
      entry.x = { p: pageSteps(begun.pages), c: Array.from(begun.counts[0]) };
    }
    entries.push(entry);
    pagesWith.push(found.length);
    options.progress?.('words', i + 1, words.length);
  }
  // The most common words, in word order.
  let commonWords = words.map((_, i) => i).filter((i) => pagesWith[i] >= common);
  const maxCommon = Math.min(options.maxCommon ?? MAX_COMMON, MAX_COMMON);
  if (commonWords.length > maxCommon) {
    const cut = pagesWith[[...commonWords].sort((a, b) => pagesWith[b] - pagesWith[a])[maxCommon - 1]];
    // Ties at the cut all go: never more than maxCommon.
    commonWords = commonWords.filter((i) => pagesWith[i] > cut);
  }
  for (const i of commonWords) entries[i].g = {};

  const phrases = writePhrases(words, commonWords, entries, n, gzipSize, fileBytes, options.progress);
  const counts: string[] = [];
  const bounds: string[] = [];
  let file: Record<string, RawEntry> = {};
  let size = 0;
  entries.forEach((entry, i) => {
    if (size >= fileBytes) {
      counts.push(JSON.stringify(file));
      file = {};
      size = 0;
    }
    if (size === 0) bounds.push(words[i][0]);
    file[words[i][0]] = entry;
    size += textSize(JSON.stringify(entry), gzipSize);
  });
  if (size > 0) counts.push(JSON.stringify(file));
  return { manifest: { format: FORMAT, weights, bounds, common }, counts, phrases };
}

/**
 * Every run of two to `PHRASE_WORDS` common words that some page has, with
 * its pages, packed into files by its first two words; fills each common
 * word's `g` with the file of each word that follows it.
 */
function writePhrases(
  words: readonly [string, WordPages][],
  commonWords: readonly number[],
  entries: RawEntry[],
  n: number,
  gzipSize: (text: string) => number,
  fileBytes: number,
  progress: CountProgress | undefined,
): string[] {
  const w = commonWords.length;
  if (w === 0) return [];
  // Each page's common words in order of position, as position × w + word: one sort per page.
  const positions = commonWords.map((i) => words[i][1].positions());
  const start = new Int32Array(n + 1);
  for (const pos of positions) for (let p = 0; p < n; p++) start[p + 1] += pos.start[p + 1] - pos.start[p];
  for (let p = 0; p < n; p++) start[p + 1] += start[p];
  const tokens = new Float64Array(start[n]);
  const next = start.slice(0, n);
  positions.forEach((pos, k) => {
    for (let p = 0; p < n; p++) for (let j = pos.start[p]; j < pos.start[p + 1]; j++) tokens[next[p]++] = pos.at[j] * w + k;
  });
  // Runs by their first two words (first × w + second), then by the rest (the words after the second, each plus
  // one so that none is 0, as digits in base w + 1; 0 for none): small integers, which Maps key fastest.
  const base = w + 1;
  const groups = new Map<number, Map<number, number[]>>();
  let at = new Float64Array(0);
  let ks = new Int32Array(0);
  for (let p = 0; p < n; p++) {
    const page = tokens.subarray(start[p], start[p + 1]).sort();
    if (page.length > at.length) {
      at = new Float64Array(page.length);
      ks = new Int32Array(page.length);
    }
    for (let i = 0; i < page.length; i++) {
      at[i] = Math.floor(page[i] / w);
      ks[i] = page[i] - at[i] * w;
    }
    const run: Run = { at, ks, count: page.length, page: p, w, groups };
    for (let i = 0; i < page.length; i++) if (i === 0 || at[i] !== at[i - 1]) extendRun(run, i, 1, 0, undefined, 0);
    progress?.('pages', p + 1, n);
  }
  const word = (k: number) => words[commonWords[k]][0];
  const restWords = (rest: number): string[] => (rest === 0 ? [] : [...restWords(Math.floor(rest / base)), word((rest % base) - 1)]);
  // In word order of the first two words, so that the runs of one first word share files.
  const sorted = [...groups.keys()].sort((x, y) => x - y);
  const files: string[] = [];
  let file: Record<string, number[]> = {};
  let size = 0;
  for (const key of sorted) {
    if (size >= fileBytes) {
      files.push(JSON.stringify(file));
      file = {};
      size = 0;
    }
    const first = word(Math.floor(key / w));
    const second = word(key % w);
    const part: Record<string, number[]> = {};
    for (const [rest, pages] of groups.get(key)!) part[[first, second, ...restWords(rest)].join(' ')] = pageSteps(pages);
    Object.assign(file, part);
    size += textSize(JSON.stringify(part), gzipSize);
    entries[commonWords[Math.floor(key / w)]].g![second] = files.length;
  }
  if (size > 0) files.push(JSON.stringify(file));
  return files;
}

/** One page's common words, in order of position, while its runs are added. */
interface Run {
  /** Each token's position and word (its number among the common words). */
  at: Float64Array;
  ks: Int32Array;
  count: number;
  page: number;
  w: number;
  groups: Map<number, Map<number, number[]>>;
}

/**
 * Adds the runs that begin at token `i` of the page and go on from a run of
 * `len - 1` words (`first`, then `rest` in `group`). Pagefind may index
 * several words at one position ("tu377" also as "tu"), so a run takes one
 * word per position, each in turn.
 */
function extendRun(r: Run, i: number, len: number, first: number, group: Map<number, number[]> | undefined, rest: number): void {
  const position = r.at[i];
  let next = i;
  while (next < r.count && r.at[next] === position) next++;
  const follows = next < r.count && r.at[next] === position + 1;
  for (let j = i; j < next; j++) {
    const k = r.ks[j];
    if (len === 1) {
      if (follows) extendRun(r, next, 2, k, undefined, 0);
      continue;
    }
    let g = group;
    let more = rest;
    if (len === 2) {
      g = r.groups.get(first * r.w + k);
      if (!g) r.groups.set(first * r.w + k, (g = new Map()));
    } else more = rest * (r.w + 1) + k + 1;
    let pages = g!.get(more);
    if (!pages) g!.set(more, (pages = []));
    if (pages[pages.length - 1] !== r.page) pages.push(r.page);
    if (len < PHRASE_WORDS && follows) extendRun(r, next, len + 1, first, g, more);
  }
}

/** About how many bytes a text is served in: gzip adds more than it saves to a short one. */
const textSize = (text: string, gzipSize: (text: string) => number) => (text.length < 256 ? text.length : gzipSize(text));

/** A file the page cannot read: it then reads the chunks. */
export class CountFileError extends Error {}

function countsFrom(raw: unknown, length: number, what: string): Float64Array {
  if (!Array.isArray(raw) || raw.length !== length || raw.some((c) => typeof c !== 'number' || !(c >= 0))) {
    throw new CountFileError(`${what}: counts do not match its pages`);
  }
  return Float64Array.from(raw as number[]);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function readManifest(text: string): CountManifest {
  const m: unknown = JSON.parse(text);
  if (!isObject(m) || m.format !== FORMAT) throw new CountFileError(`count files of an unknown format`);
  const { weights, bounds, common } = m;
  if (!Array.isArray(weights) || !weights.every((x) => typeof x === 'number')) throw new CountFileError('count files without weights');
  if (!Array.isArray(bounds) || !bounds.every((b, i) => typeof b === 'string' && (i === 0 || compareWords(bounds[i - 1] as string, b) < 0))) {
    throw new CountFileError('count files without ordered bounds');
  }
  if (!Number.isInteger(common)) throw new CountFileError('count files without a threshold');
  return m as unknown as CountManifest;
}

/** The count file that holds `word` if the index has it; -1 when it is before them all. */
export function countFileFor(manifest: CountManifest, word: string): number {
  let lo = 0;
  let hi = manifest.bounds.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareWords(manifest.bounds[mid], word) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One word of a count file, decoded and checked. */
function decodeWord(word: string, e: unknown, pageCount: number): WordCounts {
  if (!isObject(e) || !isObject(e.v)) throw new CountFileError(`${word}: not a word's counts`);
  const pages = pagesFromSteps(e.p, pageCount, word);
  const spellings = new Map<string, Uint32Array>();
  for (const [spelling, list] of Object.entries(e.v)) spellings.set(spelling, list === 0 ? pages : pagesFromSteps(list, pageCount, spelling));
  const counts: WordCounts = { pages, counts: countsFrom(e.c, pages.length, word), spellings };
  if (e.x !== undefined) {
    if (!isObject(e.x)) throw new CountFileError(`${word}: bad counts with longer words`);
    const begun = pagesFromSteps(e.x.p, pageCount, word);
    counts.begun = { pages: begun, counts: countsFrom(e.x.c, begun.length, word) };
  }
  if (e.g !== undefined) {
    if (!isObject(e.g) || !Object.values(e.g).every((f) => Number.isInteger(f) && (f as number) >= 0)) {
      throw new CountFileError(`${word}: bad phrase files`);
    }
    counts.next = new Map(Object.entries(e.g as Record<string, number>));
  }
  return counts;
}

/**
 * A count file of an index of `pageCount` pages. A query needs one or two
 * of its words, so each is decoded (and checked: `get` throws a
 * CountFileError on a bad one) when first asked for.
 */
export class CountFile {
  private readonly raw: Record<string, unknown>;
  private readonly pageCount: number;
  private readonly decoded = new Map<string, WordCounts>();

  constructor(text: string, pageCount: number) {
    const raw: unknown = JSON.parse(text);
    if (!isObject(raw)) throw new CountFileError('a count file that is not an object');
    this.raw = raw;
    this.pageCount = pageCount;
  }

  /** Its words, in no particular order. */
  words(): string[] {
    return Object.keys(this.raw);
  }

  get(word: string): WordCounts | undefined {
    if (!Object.hasOwn(this.raw, word)) return undefined;
    let counts = this.decoded.get(word);
    if (!counts) this.decoded.set(word, (counts = decodeWord(word, this.raw[word], this.pageCount)));
    return counts;
  }
}

/** Reads a count file of an index of `pageCount` pages. */
export const readCountFile = (text: string, pageCount: number) => new CountFile(text, pageCount);

/** Decodes a phrase file: the pages of each run of words. */
export function readPhraseFile(text: string, pageCount: number): Map<string, Uint32Array> {
  const raw: unknown = JSON.parse(text);
  if (!isObject(raw)) throw new CountFileError('a phrase file that is not an object');
  return new Map(Object.entries(raw).map(([phrase, list]) => [phrase, pagesFromSteps(list, pageCount, phrase)]));
}

/** The count files of one index, as the page or a test loads them. */
export interface CountReader {
  /** The word's counts; null when the index has no such word. */
  word(folded: string): Promise<WordCounts | null>;
  /** The words of the index that begin with `prefix`, in word order, with their counts. */
  beginning(prefix: string): Promise<[string, WordCounts][]>;
  phrases(file: number): Promise<Map<string, Uint32Array>>;
}

/** A reader over the files, each loaded through `loadCounts` and `loadPhrases` (which may cache). */
export function countReader(
  manifest: CountManifest,
  loadCounts: (file: number) => Promise<CountFile>,
  loadPhrases: (file: number) => Promise<Map<string, Uint32Array>>,
): CountReader {
  return {
    async word(folded) {
      const file = countFileFor(manifest, folded);
      // Every word of the index is in the file its bounds name.
      return file < 0 ? null : ((await loadCounts(file)).get(folded) ?? null);
    },
    async beginning(prefix) {
      // In the file the prefix itself would be in, and the files after it whose first word begins with it.
      const files = [Math.max(0, countFileFor(manifest, prefix))];
      while (files[files.length - 1] + 1 < manifest.bounds.length && manifest.bounds[files[files.length - 1] + 1].startsWith(prefix)) {
        files.push(files[files.length - 1] + 1);
      }
      const loaded = await Promise.all(files.map(loadCounts));
      // Sorted: an object keeps keys that look like numbers ("2025") ahead of the others.
      return loaded
        .flatMap((file) => file.words().flatMap((word): [string, WordCounts][] => (word.startsWith(prefix) ? [[word, file.get(word)!]] : [])))
        .sort(([a], [b]) => compareWords(a, b));
    },
    phrases: loadPhrases,
  };
}

/**
 * `lookUpPages` from the count files: the pages holding the words one after
 * another, or undefined when the files cannot tell (a phrase with a rare
 * word, or one longer than their runs that some pages may hold).
 */
export async function lookUpCounted(reader: CountReader, keys: readonly string[], exact: string | undefined): Promise<ArrayLike<number> | undefined> {
  if (keys.length === 1) {
    const word = await reader.word(keys[0]);
    if (!word) return [];
    return exact === undefined ? word.pages : (word.spellings.get(exact) ?? []);
  }
  if (exact !== undefined) return undefined;
  if (keys.length > PHRASE_WORDS) return longPhrase(reader, keys);
  const words = await Promise.all(keys.map((k) => reader.word(k)));
  if (words.some((w) => w === null)) return [];
  if (words.some((w) => !w!.next)) return undefined;
  const file = words[0]!.next!.get(keys[1]);
  if (file === undefined) return [];
  return (await reader.phrases(file)).get(keys.join(' ')) ?? [];
}

/**
 * A phrase longer than the files' runs holds each of its runs of
 * `PHRASE_WORDS` words, so when no page has them all, no page has the
 * phrase: the answer, with no chunk read. That is the usual case for a
 * phrase made by rewording a query (a document number with its
 * abbreviation spelt out, "4003 qd uy ban nhan dan"). When some page has
 * them all, only the words' positions can tell whether they follow one
 * another there: undefined.
 */
async function longPhrase(reader: CountReader, keys: readonly string[]): Promise<ArrayLike<number> | undefined> {
  const runs = await Promise.all(keys.slice(0, keys.length - PHRASE_WORDS + 1).map((_, i) => lookUpCounted(reader, keys.slice(i, i + PHRASE_WORDS), undefined)));
  if (runs.some((run) => run !== undefined && run.length === 0)) return [];
  if (runs.some((run) => run === undefined)) return undefined;
  let common = new Set(Array.from(runs[0]!));
  for (const run of runs.slice(1)) {
    const next = new Set<number>();
    for (let i = 0; i < run!.length; i++) if (common.has(run![i])) next.add(run![i]);
    common = next;
  }
  return common.size === 0 ? [] : undefined;
}

interface Term {
  pages: ArrayLike<number>;
  counts: ArrayLike<number>;
}

const NONE: Term = { pages: [], counts: [] };

/**
 * A last key as `countTerms` takes it: the key with every word it begins,
 * each counting its `likeness` to the key; when it begins no word, the
 * longest start of it that is a word.
 */
async function lastTerm(reader: CountReader, key: string, pageCount: number): Promise<Term> {
  const own = await reader.word(key);
  // Written by the build when longer words begin with it.
  if (own) return own.begun ?? own;
  let words = await reader.beginning(key);
  if (words.length === 0) {
    for (const start = [...key].slice(0, -1); start.length > 0 && words.length === 0; start.pop()) {
      const word = await reader.word(start.join(''));
      if (word) words = [[start.join(''), word]];
    }
  }
  if (words.length === 0) return NONE;
  const into = new Float64Array(pageCount);
  const has = new Uint8Array(pageCount);
  for (const [word, counts] of words) {
    const factor = likeness(key, word);
    counts.pages.forEach((p, j) => {
      has[p] = 1;
      if (counts.counts[j] !== 0) into[p] += counts.counts[j] * factor;
    });
  }
  const pages: number[] = [];
  for (let p = 0; p < pageCount; p++) if (has[p]) pages.push(p);
  return { pages, counts: pages.map((p) => into[p]) };
}

/** `countTerms` from the count files. */
export async function countTermsCounted(reader: CountReader, keys: readonly string[], pageCount: number): Promise<TermCounts> {
  const terms = await Promise.all(
    keys.map(async (key, i): Promise<Term> => (i < keys.length - 1 ? ((await reader.word(key)) ?? NONE) : lastTerm(reader, key, pageCount))),
  );
  const hits = new Uint8Array(pageCount);
  for (const t of terms) for (let j = 0; j < t.pages.length; j++) hits[t.pages[j]]++;
  const pages: number[] = [];
  for (let p = 0; p < pageCount; p++) if (hits[p] === terms.length) pages.push(p);
  const counts = terms.map((t) => {
    const at = new Float64Array(pageCount);
    for (let j = 0; j < t.pages.length; j++) at[t.pages[j]] = t.counts[j];
    return Float64Array.from(pages, (p) => at[p]);
  });
  return { pages, counts, pagesWith: terms.map((t) => t.pages.length) };
}
