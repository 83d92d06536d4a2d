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
 * lists an answer keeps, 10 more; here the scores are sorted as numbers
 * (the engine's own sort, 6 ms), and each page is put in the first free
 * place among those of its score, which keeps ties in the indexes' order.
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
  // In the indexes' order, then negated and sorted: the best first.
  const scores = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    for (let i = 0; i < p.ids.length; i++) {
      const norm = SATURATION * (1 - LENGTH + (LENGTH * p.lengths[i]) / average);
      let score = 0;
      for (let t = 0; t < p.counts.length; t++) {
        const f = p.counts[t][i];
        score += (rarity[t] * f * (SATURATION + 1)) / (f + norm);
      }
      // A page whose counts are not numbers scores nothing rather than breaking the order.
      scores[at++] = Number.isNaN(score) ? 0 : score;
    }
  }
  const sorted = new Float64Array(total);
  for (let i = 0; i < total; i++) sorted[i] = -scores[i];
  sorted.sort();
  const ids = new Array<Id>(total);
  const out = new Float64Array(total);
  const taken = new Int32Array(total);
  at = 0;
  for (const p of parts) {
    for (let i = 0; i < p.ids.length; i++, at++) {
      const key = -scores[at];
      let lo = 0;
      let hi = total;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      const place = lo + taken[lo]++;
      ids[place] = p.ids[i];
      out[place] = scores[at];
    }
  }
  return { ids, scores: out };
}
