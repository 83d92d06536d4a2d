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
 * own reader (pagefind-index.ts) and counts it (`countBundle`); once every
 * bundle is counted, it writes the files of all of them together
 * (`packCountFiles`), under `kho-dem/<set>/` in the primary bundle, the set
 * named after every bundle's index hash (`countSet`):
 *
 * - count files, `d<i>.json`: every word of every bundle, in Pagefind's
 *   word order, a few kilobytes (gzipped) of words per file. For each word
 *   and bundle: its pages, its weighted count in each (with
 *   `META_WEIGHTS`), its pages per spelling, and, when longer words begin
 *   with it, the same counts taken as Pagefind takes a query's last word,
 *   with every word it begins;
 * - phrase files, `c<i>.json`: for every run of two to `PHRASE_WORDS` words
 *   met in some page, the pages of each bundle having it, in word order of
 *   the runs, a few kilobytes per file; the first word's entry in the count
 *   files tells which file holds each of its runs. Every run is written, so a
 *   run that is not in its file is in no page. (Only runs of a bundle's `MAX_COMMON` most common
 *   words, should it have more words than that: a phrase with another word
 *   is read from its chunks.) Most runs are in one page or a few, and the
 *   phrase files are about three times the size of the count files;
 * - `index.json`: the first word of each count file, each bundle's index
 *   hash, weights and threshold.
 *
 * One set for every bundle, rather than one per bundle, because a sharded
 * archive would otherwise cost a request per shard for each word of a query
 * (16 shards at 100,000 plans), each for a file mostly of other words.
 *
 * Page numbers are written as in phrase-files.ts (`pageSteps`), each as
 * its distance from the one before, so that long runs of consecutive pages
 * gzip to almost nothing; in the count files, as text (number-text.ts),
 * like the counts. They are a bundle's own page numbers, which mean
 * something only with the index they were read from: hence the set's name,
 * which also carries the files' format, so that a browser's cached file of
 * another format is never read with this one's manifest.
 *
 * Anything the files cannot answer (a phrase with a rare word, or one of
 * more than `PHRASE_WORDS` words that some page may hold: `longPhrase`), the
 * page reads from the chunks as before; the answers are the same either way, which
 * tests/e2e/search.test.ts checks word by word on the built site.
 */
import { listNumbers, numbersText } from './number-text.ts';
import { pageSteps, pagesFromSteps } from './phrase-files.ts';
import { compareWords, countTerms, likeness, type ChunkLoader, type IndexMeta, type TermCounts, type WordPages } from './pagefind-index.ts';

/** The folder, in a bundle, of the files the build writes for the page to read instead of the chunks and metadata. */
export const COUNT_DIR = 'kho-dem';
const FORMAT = 4;
/** The longest run of words the phrase files hold. */
export const PHRASE_WORDS = 4;
/**
 * At most this many words of a bundle count as common, the most common
 * first: its runs are keyed by pairs of word numbers (`bundleRuns`), which
 * must stay small integers, below 2^30.
 */
const MAX_COMMON = 2 ** 15 - 1;
/** About how many gzipped bytes a file holds before the next begins: fewer bytes per question against more files. */
const FILE_BYTES = 4096;

/**
 * The folder of the files of an archive whose bundles' indexes have these
 * hashes, primary first: page numbers mean something only with the indexes
 * they were read from, and the page knows the hashes before anything else
 * (each bundle's pagefind-entry.json). cyrb53, a small well-spread string
 * hash: the name needs to change with the indexes, not to resist anyone.
 */
export function countSet(indexHashes: readonly string[]): string {
  const text = `${FORMAT}:${indexHashes.join(',')}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `chung_${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')}`;
}

export const manifestFile = (set: string) => `${COUNT_DIR}/${set}/index.json`;
export const countFile = (set: string, i: number) => `${COUNT_DIR}/${set}/d${i}.json`;
export const phraseFile = (set: string, i: number) => `${COUNT_DIR}/${set}/c${i}.json`;
export const begunFile = (set: string, i: number) => `${COUNT_DIR}/${set}/x${i}.json`;

export interface CountManifest {
  format: typeof FORMAT;
  /** The index hash of each bundle, primary first: a word's counts are listed in this order. */
  bundles: string[];
  /** Per bundle, the weight of each of its meta fields, in the order of its index's meta fields, that its counts were taken with. */
  weights: number[][];
  /** Per bundle, in how many pages a word must be for the phrase files to hold its runs. */
  common: number[];
  /** The first word of each count file. */
  bounds: string[];
}

/** One word of a count file, for one bundle, decoded. */
export interface WordCounts {
  /** The pages having the word in any spelling, ascending. */
  pages: Uint32Array;
  /** Per page of `pages`: how often it has the word, weighted (`WordPages.count`). */
  counts: Float64Array;
  /**
   * The pages of one spelling (the folded one included when a page has it);
   * undefined when no page has it. Decoded when asked: a common word has a
   * dozen spellings, each a list of nearly every page, and only a query
   * typed with diacritics asks for one.
   */
  spelling(spelled: string): Uint32Array | undefined;
  /**
   * When longer words begin with this one in some bundle: the file of
   * longer words (`x<i>.json`) with its pages and counts with them, as
   * `countTerms` takes a last word (`CountReader.begun`).
   */
  begunFile?: number;
  /**
   * The phrase file that holds the run of this word followed by `rest` (the
   * other words, joined by spaces) if some page has it: a run that is not
   * in that file is in no page. Undefined (the function) when the bundle's
   * runs leave this word out (`MAX_COMMON`); undefined (its answer) when no
   * word follows this one. A run no page has still names a file, which
   * tells so: a word's followers are too many to list (`packCountFiles`).
   */
  followedBy?: (rest: string) => number | undefined;
}

/**
 * One word of one bundle, as written: lists of whole numbers as their text
 * (number-text.ts), which gzips to about one symbol a number.
 */
export interface RawEntry {
  /** Its pages, as steps. */
  p: string;
  /** Its weighted count in each page: the text when they are whole numbers, as they are with whole weights. */
  c: string | number[];
  /** The pages of each spelling, as steps; 0 when they are `p`. */
  v: Record<string, string | 0>;
}

/** Counts as text when every one is a whole number (number-text.ts); a list otherwise. */
const countsText = (counts: number[]): string | number[] => (counts.every((c) => Number.isSafeInteger(c) && c >= 0) ? numbersText(counts) : counts);

/** Told how far the build of a bundle's counts is: its words counted, then its pages' runs gathered. */
export type CountProgress = (stage: 'words' | 'pages', done: number, total: number) => void;

/**
 * A bundle's word, counted: its entry as JSON, about how many bytes it is
 * served in, whether the bundle's runs hold it, and, when longer words begin
 * with it, its pages and counts with them (as JSON, `{p, c}`) and their
 * size. JSON already, so that packing the bundles together only joins texts.
 */
export type CountedWord = [word: string, entry: string, size: number, runs: boolean, begun: string | null, begunSize: number];
/** A bundle's runs that begin with one pair of words: each run with its page steps as JSON, and about how many bytes they are served in. */
export type CountedPair = [first: string, second: string, runs: [run: string, steps: string][], size: number];

/**
 * One bundle's words and runs, in word order, before the files of every
 * bundle are packed together (`packCountFiles`). The lists may be read from
 * disk: a large archive's bundles do not fit in memory together.
 */
export interface BundleCounts {
  weights: number[];
  common: number;
  words: Iterable<CountedWord>;
  wordCount: number;
  pairs: Iterable<CountedPair>;
  pairCount: number;
}

/**
 * Counts the bundle `meta` describes, its chunks read through `load`.
 * `gzipSize` tells how large a text is once served; `common` (in how many
 * pages a word must be for the runs to hold it: by default every word is)
 * and `maxCommon` (how many words at most, `MAX_COMMON`) are for tests;
 * `progress` is told how far it is.
 */
export async function countBundle(
  meta: IndexMeta,
  load: ChunkLoader,
  weights: number[],
  gzipSize: (text: string) => number,
  options: { common?: number; maxCommon?: number; progress?: CountProgress } = {},
): Promise<BundleCounts & { words: CountedWord[]; pairs: CountedPair[] }> {
  const n = meta.pages.length;
  const common = options.common ?? 1;
  const words: [string, WordPages][] = [];
  for (const ref of meta.chunks) for (const entry of await load(ref.hash, n)) words.push(entry);
  words.sort(([a], [b]) => compareWords(a, b));

  const into = new Float64Array(n);
  const has = new Uint8Array(n);
  const counted: CountedWord[] = [];
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
    const p = numbersText(pageSteps(found));
    const same = (list: Uint32Array) => list.length === found.length && list.every((x, j) => x === found[j]);
    const v: RawEntry['v'] = {};
    for (const [spelling, list] of [[word, pages.own] as const, ...pages.variants]) if (list.length) v[spelling] = same(list) ? 0 : numbersText(pageSteps(list));
    const entry: RawEntry = { p, c: countsText(counts), v };
    let begun: string | null = null;
    if (i + 1 < words.length && words[i + 1][0].startsWith(word)) {
      const found = await countTerms(meta, [word], weights, load);
      begun = JSON.stringify({ p: numbersText(pageSteps(found.pages)), c: countsText(Array.from(found.counts[0])) });
    }
    const json = JSON.stringify(entry);
    counted.push([word, json, textSize(json, gzipSize), false, begun, begun === null ? 0 : textSize(begun, gzipSize)]);
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
  for (const i of commonWords) counted[i][3] = true;
  const pairs = bundleRuns(words, commonWords, n, gzipSize, options.progress);
  return { weights, common, words: counted, wordCount: counted.length, pairs, pairCount: pairs.length };
}

/**
 * Every run of two to `PHRASE_WORDS` common words that some page has, with
 * its pages, grouped by its first two words, in word order of them.
 */
function bundleRuns(
  words: readonly [string, WordPages][],
  commonWords: readonly number[],
  n: number,
  gzipSize: (text: string) => number,
  progress: CountProgress | undefined,
): CountedPair[] {
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
  // Common words are numbered in word order, so the keys' order is the word order of the pairs.
  return [...groups.keys()]
    .sort((x, y) => x - y)
    .map((key): CountedPair => {
      const first = word(Math.floor(key / w));
      const second = word(key % w);
      const runs = [...groups.get(key)!].map(([rest, pages]): [string, string] => [[first, second, ...restWords(rest)].join(' '), JSON.stringify(pageSteps(pages))]);
      return [first, second, runs, textSize(objectText(runs), gzipSize)];
    });
}

/**
 * The items of sorted lists, each value once with the list number and item
 * of every list that has it, in order: the bundles' words (or pairs) side by
 * side. A few lists (shards), so the head of each is looked at in turn.
 */
function* mergeSorted<T>(lists: Iterable<T>[], compare: (a: T, b: T) => number): Generator<[number, T][]> {
  const its = lists.map((l) => l[Symbol.iterator]());
  const heads = its.map((it) => it.next());
  for (;;) {
    let least: T | undefined;
    let any = false;
    for (const h of heads) if (!h.done && (!any || compare(h.value, least as T) < 0)) ((least = h.value), (any = true));
    if (!any) return;
    const group: [number, T][] = [];
    heads.forEach((h, i) => {
      if (!h.done && compare(h.value, least as T) === 0) {
        group.push([i, h.value]);
        heads[i] = its[i].next();
      }
    });
    yield group;
  }
}

/** A JSON object of keys and values already JSON. */
const objectText = (entries: readonly [string, string][]) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** Values by bundle as a JSON list, 0 for a bundle that has none, up to the last that has one. */
function byBundle(values: readonly [bundle: number, json: string][]): string {
  const list: string[] = [];
  for (const [bundle, json] of values) {
    while (list.length < bundle) list.push('0');
    list[bundle] = json;
  }
  return `[${list.join(',')}]`;
}

export type PackProgress = (stage: 'runs' | 'words', done: number, total: number) => void;
/** The files of a set: count files (`d<i>`), phrase files (`c<i>`), files of longer words (`x<i>`). */
export type CountFileKind = 'counts' | 'phrases' | 'begun';

/**
 * The count and phrase files of every bundle of an archive together, each
 * word and each run once with what each bundle has of it: a query's word is
 * one file, however many shards the archive has. `write` is given each file
 * as it is done, and may ask to be waited for (a write that is behind);
 * returns the manifest. The phrase files come first, since a word's entry
 * names the phrase files of its runs.
 */
export async function packCountFiles(
  hashes: readonly string[],
  bundles: readonly BundleCounts[],
  write: (kind: CountFileKind, i: number, text: string) => Promise<void> | void,
  options: { gzipSize: (text: string) => number; fileBytes?: number; progress?: PackProgress },
): Promise<CountManifest> {
  const fileBytes = options.fileBytes ?? FILE_BYTES;
  /** Packs entries into files of about `fileBytes`; `first` is told the first key of each. */
  const packer = (kind: CountFileKind, first?: (key: string) => void) => {
    let entries: [string, string][] = [];
    let size = 0;
    let files = 0;
    return {
      get files() {
        return files;
      },
      async add(more: [string, string][], bytes: number) {
        if (size >= fileBytes) await this.flush();
        if (size === 0 && first) first(more[0][0]);
        for (const entry of more) entries.push(entry);
        size += bytes;
      },
      async flush() {
        if (size === 0) return;
        const text = objectText(entries);
        entries = [];
        size = 0;
        await write(kind, files++, text);
      },
    };
  };

  // Per first word: the phrase file of its first run, and the rest of the run (the words after the
  // first) that begins each later file.
  const fileOf = new Map<string, [number, string[]]>();
  const phrases = packer('phrases');
  let done = 0;
  const pairTotal = bundles.reduce((sum, b) => sum + b.pairCount, 0);
  const comparePairs = (a: CountedPair, b: CountedPair) => compareWords(a[0], b[0]) || compareWords(a[1], b[1]);
  for (const group of mergeSorted(bundles.map((b) => b.pairs), comparePairs)) {
    const [, [first, second]] = group[0];
    // Each run with its pages in every bundle having it, in the order the bundles first name them.
    const runs = new Map<string, [number, string][]>();
    let bytes = 0;
    for (const [b, [, , list, size]] of group) {
      for (const [run, steps] of list) {
        const lists = runs.get(run);
        if (lists) lists.push([b, steps]);
        else runs.set(run, [[b, steps]]);
      }
      bytes += size;
    }
    // The file this pair goes into: the current one, unless it is full. A pair of more than a file
    // ("kế hoạch", followed by every plan's number) is cut between runs in their order, so that a
    // query reads the part with its own run: its two-word run comes first.
    const entries = [...runs].map(([run, lists]): [string, string] => [run, byBundle(lists)]);
    const pieces: [[string, string][], number, string][] = [];
    if (bytes <= fileBytes) pieces.push([entries, bytes, second]);
    else {
      const rest = (run: string) => run.slice(first.length + 1);
      entries.sort(([a], [b]) => compareWords(rest(a), rest(b)));
      const length = entries.reduce((sum, [run, lists]) => sum + run.length + lists.length, 0);
      let piece: [string, string][] = [];
      let pieceLength = 0;
      for (const entry of entries) {
        piece.push(entry);
        pieceLength += entry[0].length + entry[1].length;
        if ((pieceLength / length) * bytes >= fileBytes) {
          pieces.push([piece, (pieceLength / length) * bytes, rest(piece[0][0])]);
          piece = [];
          pieceLength = 0;
        }
      }
      if (piece.length) pieces.push([piece, (pieceLength / length) * bytes, rest(piece[0][0])]);
    }
    for (const [piece, pieceBytes, from] of pieces) {
      await phrases.add(piece, pieceBytes);
      const followers = fileOf.get(first);
      if (!followers) fileOf.set(first, [phrases.files, []]);
      else if (followers[0] + followers[1].length < phrases.files) followers[1].push(from);
    }
    done += group.length;
    options.progress?.('runs', done, pairTotal);
  }
  await phrases.flush();

  const bounds: string[] = [];
  const counts = packer('counts', (word) => bounds.push(word));
  const begun = packer('begun');
  done = 0;
  const wordTotal = bundles.reduce((sum, b) => sum + b.wordCount, 0);
  for (const group of mergeSorted(bundles.map((b) => b.words), (a, b) => compareWords(a[0], b[0]))) {
    const [, [word]] = group[0];
    let bytes = 0;
    const outside: number[] = [];
    const longer: [number, string][] = [];
    let longerBytes = 0;
    for (const [b, [, , size, runs, counted, countedSize]] of group) {
      bytes += size;
      if (!runs) outside.push(b);
      if (counted !== null) {
        longer.push([b, counted]);
        longerBytes += countedSize;
      }
    }
    // b: each bundle's entry, 0 for none; g: the phrase files of the runs it begins in some bundle,
    // as the first and the rest of the run (the words after this one) that begins each one after
    // it (runs are packed in word order; a common word may have ten thousand followers, numbers
    // mostly, in a few dozen files); o: the bundles having it whose runs leave it out (`CountFile.bundle`).
    const fields: [string, string][] = [['b', byBundle(group.map(([b, [, entry]]) => [b, entry]))]];
    const followers = fileOf.get(word);
    if (followers) {
      const g = JSON.stringify(followers);
      fields.push(['g', g]);
      bytes += textSize(g, options.gzipSize);
    }
    if (outside.length) fields.push(['o', JSON.stringify(outside)]);
    // x: the file of its counts with the longer words it begins, which only a last word needs.
    if (longer.length) {
      await begun.add([[word, byBundle(longer)]], longerBytes);
      fields.push(['x', String(begun.files)]);
    }
    await counts.add([[word, objectText(fields)]], bytes);
    done += group.length;
    options.progress?.('words', done, wordTotal);
  }
  await counts.flush();
  await begun.flush();
  return { format: FORMAT, bundles: [...hashes], weights: bundles.map((b) => b.weights), common: bundles.map((b) => b.common), bounds };
}

export interface CountFilesOut {
  manifest: CountManifest;
  counts: string[];
  phrases: string[];
  begun: string[];
}

/** `packCountFiles` into memory: for tests, and for a look at small indexes. */
export async function packInMemory(
  hashes: readonly string[],
  bundles: readonly BundleCounts[],
  options: { gzipSize: (text: string) => number; fileBytes?: number },
): Promise<CountFilesOut> {
  const out: Omit<CountFilesOut, 'manifest'> = { counts: [], phrases: [], begun: [] };
  const manifest = await packCountFiles(hashes, bundles, (kind, i, text) => void (out[kind][i] = text), options);
  return { manifest, ...out };
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

function countsFrom(written: unknown, length: number, what: string): Float64Array {
  const raw = checked(() => listNumbers(written));
  // Decoded from text: whole numbers, each at least 0, already.
  if (raw instanceof Float64Array && raw.length === length) return raw;
  if (!Array.isArray(raw) || raw.length !== length) throw new CountFileError(`${what}: counts do not match its pages`);
  // A plain loop: a common word has a count for nearly every page, and this runs while the reader waits.
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const c: unknown = raw[i];
    if (typeof c !== 'number' || !(c >= 0)) throw new CountFileError(`${what}: counts do not match its pages`);
    out[i] = c;
  }
  return out;
}

/** Words (or runs of them) in strictly ascending word order. */
const orderedWords = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((w, i) => typeof w === 'string' && (i === 0 || compareWords(x[i - 1] as string, w) < 0));

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => typeof n === 'number');

/** The manifest of the files of the bundles whose indexes have `hashes`; refused when it is another archive's. */
export function readManifest(text: string, hashes: readonly string[]): CountManifest {
  const m: unknown = JSON.parse(text);
  if (!isObject(m) || m.format !== FORMAT) throw new CountFileError(`count files of an unknown format`);
  const { bundles, weights, common, bounds } = m;
  if (!Array.isArray(bundles) || bundles.length !== hashes.length || bundles.some((h, i) => h !== hashes[i])) {
    throw new CountFileError('count files of other indexes');
  }
  if (!Array.isArray(weights) || weights.length !== hashes.length || !weights.every(numbers)) throw new CountFileError('count files without weights');
  if (!numbers(common) || common.length !== hashes.length || !common.every(Number.isInteger)) throw new CountFileError('count files without thresholds');
  if (!orderedWords(bounds)) throw new CountFileError('count files without ordered bounds');
  return m as unknown as CountManifest;
}

/** The count file that holds `word` if some bundle has it; -1 when it is before them all. */
export function countFileFor(manifest: Pick<CountManifest, 'bounds'>, word: string): number {
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

/** Runs `read`, a CountFileError for whatever it throws: the page then reads the chunks. */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof CountFileError ? error : new CountFileError((error as Error).message);
  }
}

/** Page numbers from their steps, as `pagesFromSteps`, a CountFileError when they are bad. */
const stepPages = (written: unknown, pageCount: number, what: string) => checked(() => pagesFromSteps(written, pageCount, what));

/** One word of one bundle, decoded and checked (its spellings when asked); `next` and `begun` as its entry in the file says. */
function decodeWord(word: string, e: unknown, next: unknown, begun: unknown, pageCount: number): WordCounts {
  if (!isObject(e) || !isObject(e.v)) throw new CountFileError(`${word}: not a word's counts`);
  const pages = stepPages(e.p, pageCount, word);
  const lists = e.v;
  const spellings = new Map<string, Uint32Array>();
  const counts: WordCounts = {
    pages,
    counts: countsFrom(e.c, pages.length, word),
    spelling(spelled) {
      if (!Object.hasOwn(lists, spelled)) return undefined;
      let found = spellings.get(spelled);
      if (!found) {
        const list = lists[spelled];
        spellings.set(spelled, (found = list === 0 ? pages : stepPages(list, pageCount, spelled)));
      }
      return found;
    },
  };
  if (begun !== undefined) {
    if (!Number.isInteger(begun) || (begun as number) < 0) throw new CountFileError(`${word}: bad file of longer words`);
    counts.begunFile = begun as number;
  }
  if (next !== undefined) counts.followedBy = followedBy(word, next);
  return counts;
}

/**
 * A word's phrase files as its entry writes them (`g`, see `packCountFiles`),
 * as a function of the words that follow it in a run; checked when first
 * asked. The words are joined by spaces, which sort before any letter, so
 * that runs compare as strings in the order they were packed.
 */
function followedBy(word: string, g: unknown): (rest: string) => number | undefined {
  if (g === null) return () => undefined;
  let files: { first: number; bounds: string[] } | undefined;
  return (rest) => {
    if (!files) {
      if (!Array.isArray(g) || g.length !== 2 || !Number.isInteger(g[0]) || g[0] < 0 || !orderedWords(g[1])) throw new CountFileError(`${word}: bad phrase files`);
      files = { first: g[0] as number, bounds: g[1] };
    }
    // The file of the last bound at or before `rest`; the first file when none is.
    return files.first + countFileFor(files, rest) + 1;
  };
}

/** A file's JSON object; a CountFileError when it is not one. */
function parsedObject(text: string, what: string): Record<string, unknown> {
  const raw: unknown = JSON.parse(text);
  if (!isObject(raw)) throw new CountFileError(`a ${what} that is not an object`);
  return raw;
}

/** What a query reads of a count file, for one bundle. */
export interface CountFileView {
  /** The words this bundle has, in no particular order. */
  words(): string[];
  /** Throws a CountFileError when the word's entry is bad. */
  get(word: string): WordCounts | undefined;
}

/**
 * A count file, parsed once and read by every bundle. A query needs one or
 * two of its words, so each is decoded (and checked) when a bundle first
 * asks for it.
 */
export class CountFile {
  private readonly raw: Record<string, unknown>;

  constructor(text: string) {
    this.raw = parsedObject(text, 'count file');
  }

  /** What bundle number `bundle`, of `pageCount` pages, has in the file. */
  bundle(bundle: number, pageCount: number): CountFileView {
    const raw = this.raw;
    const entry = (word: string): { e: unknown; next: unknown; begun: unknown } | undefined => {
      if (!Object.hasOwn(raw, word)) return undefined;
      const set = raw[word];
      if (!isObject(set) || !Array.isArray(set.b)) throw new CountFileError(`${word}: not a word's entry`);
      const e: unknown = set.b[bundle];
      if (e === undefined || e === 0) return undefined;
      const outside = set.o;
      if (outside !== undefined && !numbers(outside)) throw new CountFileError(`${word}: bad list of bundles`);
      // A bundle whose runs hold the word has its followers in `g`, or none.
      return { e, next: outside?.includes(bundle) ? undefined : (set.g ?? null), begun: set.x };
    };
    const decoded = new Map<string, WordCounts>();
    return {
      words: () => Object.keys(raw).filter((word) => entry(word) !== undefined),
      get(word) {
        let counts = decoded.get(word);
        if (!counts) {
          const found = entry(word);
          if (!found) return undefined;
          decoded.set(word, (counts = decodeWord(word, found.e, found.next, found.begun, pageCount)));
        }
        return counts;
      },
    };
  }
}

export const readCountFile = (text: string) => new CountFile(text);

/** What a query reads of a phrase file, for one bundle: a run's pages. */
export interface PhraseFileView {
  get(phrase: string): Uint32Array | undefined;
}

/**
 * A file of keys, each with a value per bundle (0 for none; the list may
 * stop early): phrase files and files of longer words. Parsed once and read
 * by every bundle.
 */
export class ListFile {
  private readonly raw: Record<string, unknown>;

  constructor(text: string, what: string) {
    this.raw = parsedObject(text, what);
  }

  /** Bundle number `bundle`'s value of `key`, as written; undefined when it has none. */
  get(key: string, bundle: number): unknown {
    if (!Object.hasOwn(this.raw, key)) return undefined;
    const lists = this.raw[key];
    if (!Array.isArray(lists)) throw new CountFileError(`${key}: not a value per bundle`);
    const value: unknown = lists[bundle];
    return value === 0 ? undefined : value;
  }

  /** As a phrase file: each run's pages, decoded when asked for. */
  phrases(bundle: number, pageCount: number): PhraseFileView {
    return {
      get: (phrase) => {
        const steps = this.get(phrase, bundle);
        return steps === undefined ? undefined : stepPages(steps, pageCount, phrase);
      },
    };
  }
}

export const readPhraseFile = (text: string) => new ListFile(text, 'phrase file');
export const readBegunFile = (text: string) => new ListFile(text, 'file of longer words');

/** The count files of one bundle, as the page or a test loads them. */
export interface CountReader {
  /** The word's counts; null when the bundle has no such word. */
  word(folded: string): Promise<WordCounts | null>;
  /** The words of the bundle that begin with `prefix`, in word order, with their counts. */
  beginning(prefix: string): Promise<[string, WordCounts][]>;
  phrases(file: number): Promise<PhraseFileView>;
  /** A word's pages and counts with the longer words it begins, from its file of them (`WordCounts.begunFile`); undefined when this bundle has none. */
  begun(word: string, file: number): Promise<Term | undefined>;
}

/**
 * A reader for bundle number `bundle` (of `pageCount` pages) over the files,
 * each loaded through `load` (which may cache, and share between bundles).
 */
export function countReader(
  manifest: CountManifest,
  bundle: number,
  pageCount: number,
  load: { counts: (file: number) => Promise<CountFile>; phrases: (file: number) => Promise<ListFile>; begun: (file: number) => Promise<ListFile> },
): CountReader {
  const views = new Map<number, CountFileView>();
  const counts = async (file: number) => {
    let view = views.get(file);
    if (!view) views.set(file, (view = (await load.counts(file)).bundle(bundle, pageCount)));
    return view;
  };
  return {
    async word(folded) {
      const file = countFileFor(manifest, folded);
      // Every word of every bundle is in the file its bounds name.
      return file < 0 ? null : ((await counts(file)).get(folded) ?? null);
    },
    async beginning(prefix) {
      // In the file the prefix itself would be in, and the files after it whose first word begins with it.
      const files = [Math.max(0, countFileFor(manifest, prefix))];
      while (files[files.length - 1] + 1 < manifest.bounds.length && manifest.bounds[files[files.length - 1] + 1].startsWith(prefix)) {
        files.push(files[files.length - 1] + 1);
      }
      const loaded = await Promise.all(files.map(counts));
      // Sorted: an object keeps keys that look like numbers ("2025") ahead of the others.
      return loaded
        .flatMap((file) => file.words().flatMap((word): [string, WordCounts][] => (word.startsWith(prefix) ? [[word, file.get(word)!]] : [])))
        .sort(([a], [b]) => compareWords(a, b));
    },
    phrases: async (file) => (await load.phrases(file)).phrases(bundle, pageCount),
    async begun(word, file) {
      const found = (await load.begun(file)).get(word, bundle);
      if (found === undefined) return undefined;
      if (!isObject(found)) throw new CountFileError(`${word}: bad counts with longer words`);
      const pages = stepPages(found.p, pageCount, word);
      return { pages, counts: countsFrom(found.c, pages.length, word) };
    },
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
    return exact === undefined ? word.pages : (word.spelling(exact) ?? []);
  }
  if (exact !== undefined) return undefined;
  if (keys.length > PHRASE_WORDS) return longPhrase(reader, keys);
  const words = await Promise.all(keys.map((k) => reader.word(k)));
  if (words.some((w) => w === null)) return [];
  if (words.some((w) => !w!.followedBy)) return undefined;
  const file = words[0]!.followedBy!(keys.slice(1).join(' '));
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
  if (own) return (own.begunFile !== undefined ? await reader.begun(key, own.begunFile) : undefined) ?? own;
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
    for (let j = 0; j < counts.pages.length; j++) {
      const p = counts.pages[j];
      has[p] = 1;
      if (counts.counts[j] !== 0) into[p] += counts.counts[j] * factor;
    }
  }
  const pages: number[] = [];
  for (let p = 0; p < pageCount; p++) if (has[p]) pages.push(p);
  return { pages, counts: picked(into, pages) };
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
    return picked(at, pages);
  });
  return { pages, counts, pagesWith: terms.map((t) => t.pages.length) };
}

/**
 * `values` at each of `pages`. A plain loop: a common word's pages are
 * nearly every page of the bundle, for every bundle, while the reader
 * waits, and `Float64Array.from` with a function costs several times more.
 */
function picked(values: Float64Array, pages: readonly number[]): Float64Array {
  const out = new Float64Array(pages.length);
  for (let i = 0; i < pages.length; i++) out[i] = values[pages[i]];
  return out;
}
