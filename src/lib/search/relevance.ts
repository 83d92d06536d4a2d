/**
 * How relevant each plan a ranked search finds is, from the counts read out
 * of the index files (`countTerms` in pagefind-index.ts): BM25, the scoring
 * Pagefind itself uses, with Pagefind's default parameters, so that the
 * query layer's base order reads as Pagefind's would. Pure, so that the
 * search page and the tests run the same arithmetic.
 *
 * A sharded index is scored as one: how rare a word is, and how long a page
 * is against the average, are taken over every shard, so that a plan's
 * score does not depend on which shard it was indexed in.
 */

/** What one index (the whole one, or one shard) found, with what scoring needs of it. */
export interface IndexCounts<Id = string> {
  /** The pages having every term: ids, or numbers. */
  ids: ArrayLike<Id>;
  /** Per term, per page of `ids`: how often it has the term, weighted. */
  counts: ArrayLike<number>[];
  /** Words in each page of `ids`. */
  lengths: ArrayLike<number>;
  /** Per term, how many pages of the index have it. */
  pagesWith: number[];
  /** Pages in the index. */
  pageCount: number;
  /** Words in all its pages. */
  wordCount: number;
}

/** Pagefind's `termSaturation` default: how soon more occurrences stop adding. */
const SATURATION = 1.4;
/** Pagefind's `pageLength` default: how much a long page is held back. */
const LENGTH = 0.75;

/** Pages and their scores, best first, in two lists of the same order. */
export interface Scored<Id> {
  ids: Id[];
  scores: Float64Array;
}

/**
 * The pages' scores, best first; ties keep the indexes' order.
 *
 * A common word's search scores every plan of the archive, 100,000 of them
 * on the largest, while the reader waits. Sorting objects by score with a
 * comparator took 24 ms of that in node, and turning them into the typed
 * lists an answer keeps, 10 more; in Chrome, on the 100k bench build, even
 * a numeric sort and a binary search per page took 34 ms, as code a page
 * runs a few times is seldom fully optimised. So the scores are sorted by
 * their bits (`byScore`): four passes over them, and stable, which keeps
 * ties in the indexes' order.
 */
export function bm25<Id>(parts: readonly IndexCounts<Id>[]): Scored<Id> {
  const pages = parts.reduce((sum, p) => sum + p.pageCount, 0);
  const total = parts.reduce((sum, p) => sum + p.ids.length, 0);
  if (pages === 0 || total === 0) return { ids: [], scores: new Float64Array(0) };
  const average = parts.reduce((sum, p) => sum + p.wordCount, 0) / pages || 1;
  const terms = Math.max(0, ...parts.map((p) => p.pagesWith.length));
  const rarity = Array.from({ length: terms }, (_, t) => {
    const having = parts.reduce((sum, p) => sum + (p.pagesWith[t] ?? 0), 0);
    return Math.log(1 + (pages - having + 0.5) / (having + 0.5));
  });
  // In the indexes' order, with each page's id.
  const scores = new Float64Array(total);
  const idsIn = new Array<Id>(total);
  let at = 0;
  for (const p of parts) {
    for (let i = 0; i < p.ids.length; i++, at++) {
      const norm = SATURATION * (1 - LENGTH + (LENGTH * p.lengths[i]) / average);
      let score = 0;
      for (let t = 0; t < p.counts.length; t++) {
        const f = p.counts[t][i];
        score += (rarity[t] * f * (SATURATION + 1)) / (f + norm);
      }
      // Never below 0 (so that -0 cannot sort apart from 0), and a page whose counts are not numbers scores nothing.
      scores[at] = score > 0 ? score : 0;
      idsIn[at] = p.ids[i];
    }
  }
  const order = byScore(scores);
  const ids = new Array<Id>(total);
  const out = new Float64Array(total);
  for (let i = 0; i < total; i++) {
    ids[i] = idsIn[order[i]];
    out[i] = scores[order[i]];
  }
  return { ids, scores: out };
}

/** Which 32-bit half of a float64 holds its sign and exponent: the second on little-endian machines, which all browsers run on. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * The places of `scores` (each at least 0, none NaN) from the highest to
 * the lowest, equal ones in their order: a radix sort of their bits, 16 at
 * a time from the lowest, each pass stable. For numbers at least 0 the
 * bits, read as an unsigned integer, are in the numbers' order; inverted,
 * they sort the highest first.
 */
function byScore(scores: Float64Array): Uint32Array {
  const n = scores.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Each pass below costs a table of 65,537 counts, more than a short list's comparisons.
  if (n < 256) return order.sort((a, b) => scores[b] - scores[a] || a - b);
  const halves = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  let next = new Uint32Array(n);
  const starts = new Uint32Array(0x10001);
  for (const [half, shift] of [[1 - HIGH, 0], [1 - HIGH, 16], [HIGH, 0], [HIGH, 16]]) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[((~halves[2 * i + half] >>> shift) & 0xffff) + 1]++;
    // A pass where every score has the same digit keeps the order as it is.
    if (starts[((~halves[half] >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 1; d <= 0x10000; d++) starts[d] += starts[d - 1];
    for (let i = 0; i < n; i++) {
      const k = order[i];
      next[starts[(~halves[2 * k + half] >>> shift) & 0xffff]++] = k;
    }
    [order, next] = [next, order];
  }
  return order;
}
