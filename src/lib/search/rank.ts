/**
 * The order of results, by: a document number carried, then cited; how many query units the plan
 * has; them as a phrase; the spellings typed with diacritics; the last word whole, not only a
 * prefix; relevance (BM25 impacts); last the plan number (date order, newest first).
 */

/** Most words a query keeps (parse.ts, MAX_WORDS), so the most a plan can lack. */
const MAX_MISSING = 20;

/** Tiers in all: `tier` is below this. */
export const TIERS = 3 * (MAX_MISSING + 1) * 3 * 2 * 2;

/**
 * The ranking keys before relevance as one number, smaller first. `number`: 0 carries it, 1 cites it,
 * 2 a text query; `missing`: units lacking; `phrase`: 2 every word in a row, 1 all but the last, 0 neither.
 */
export function tier(number: number, missing: number, phrase: number, exact: boolean, whole: boolean): number {
  return (((number * (MAX_MISSING + 1) + Math.min(missing, MAX_MISSING)) * 3 + (2 - phrase)) * 2 + (exact ? 0 : 1)) * 2 + (whole ? 0 : 1);
}

/** Relevance is a sum of whole impacts (index-format.ts), well below this. */
const MAX_BASE = 1 << 20;

/** Ranked plans in typed arrays: a query of common words ranks every plan of the archive. */
export class Hits {
  private readonly plans: Int32Array;
  private readonly tiers: Uint16Array;
  private readonly bases: Float64Array;
  size = 0;

  /** `archive`: the archive's size; plans are added in ascending order, each at most once. */
  constructor(archive: number) {
    this.plans = new Int32Array(archive);
    this.tiers = new Uint16Array(archive);
    this.bases = new Float64Array(archive);
  }

  add(plan: number, tierOf: number, base: number): void {
    this.plans[this.size] = plan;
    this.tiers[this.size] = tierOf;
    this.bases[this.size++] = base;
  }

  /** The plans by tier, relevance (best first), plan number: two stable counting sorts of hits added in plan order. */
  sorted(): Int32Array {
    const m = this.size;
    let best = 0;
    for (let i = 0; i < m; i++) {
      const b = this.bases[i];
      if (!(Number.isInteger(b) && b >= 0 && b < MAX_BASE) || (i > 0 && this.plans[i] <= this.plans[i - 1])) return this.byComparator();
      if (b > best) best = b;
    }
    // Keys of the first sort: relevance, best first.
    const keys = new Int32Array(m);
    for (let i = 0; i < m; i++) keys[i] = best - this.bases[i];
    const byBase = countingSort(null, keys, best + 1);
    for (let i = 0; i < m; i++) keys[i] = this.tiers[byBase[i]];
    const order = countingSort(byBase, keys, TIERS);
    for (let i = 0; i < m; i++) order[i] = this.plans[order[i]];
    return order;
  }

  /** The same order for hits out of plan order or with other relevance. */
  private byComparator(): Int32Array {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => this.tiers[a] - this.tiers[b] || this.bases[b] - this.bases[a] || this.plans[a] - this.plans[b]);
    return Int32Array.from(order, (i) => this.plans[i]);
  }
}

/** Stably sorts `items` (0, 1, 2… when null) by `keys`, whole numbers below `range`. */
function countingSort(items: Int32Array | null, keys: Int32Array, range: number): Int32Array {
  const starts = new Int32Array(range + 1);
  for (let i = 0; i < keys.length; i++) starts[keys[i] + 1]++;
  for (let k = 0; k < range; k++) starts[k + 1] += starts[k];
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[starts[keys[i]]++] = items ? items[i] : i;
  return out;
}
