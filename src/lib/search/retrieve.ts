/**
 * Answers a query plan (query-plan.ts): one fetch of every key, the last word's longer forms included, one
 * pass over typed arrays as long as the archive, one sort. The order, by: a document number carried, then
 * cited; how many query units the plan has; them as a phrase; the spellings typed with diacritics; the last
 * word whole, not only a prefix; relevance (BM25 impacts); last the plan number (date order, newest first).
 */
import { prefixKey } from './index-format.ts';
import type { SearchIndex, Term } from './index-reader.ts';
import { chainKeys, queryKeys, type QueryPlan } from './query-plan.ts';

export interface Ranking {
  /** `all`: plans with every word; `some`: none had all, so plans with most; `number`: plans carrying or citing a document number. */
  mode: 'all' | 'some' | 'number';
  /** Best first. */
  plans: Int32Array;
  /** Words no plan has. */
  missing: string[];
  /** The document number the query had, when no plan carries or cites it (the words were searched instead). */
  numberNotFound?: string;
}

const NONE = new Int32Array(0);

/** The plans in every list (each ascending). */
function intersect(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return NONE;
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  return rest.reduce(both, first);
}

/** The plans in both lists; a function of its own, so that no loop runs inside another (see `fromGaps`, index-reader.ts). */
function both(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let k = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else (out[k++] = a[i++]), j++;
  }
  return out.subarray(0, k);
}

/** What the fetch brought, and the lists made of it. */
class Found {
  readonly terms: Map<string, Term>;
  readonly size: number;
  /** The last word's longer forms, as one term, when it is a prefix. */
  readonly longer?: Term;

  constructor(terms: Map<string, Term>, plan: QueryPlan, size: number) {
    [this.terms, this.size] = [terms, size];
    this.longer = plan.prefix ? terms.get(prefixKey(plan.words[plan.words.length - 1].key)) : undefined;
  }

  plans = (key: string): Int32Array => this.terms.get(key)?.plans ?? NONE;
  /** The plans having the words in a row (pairs; one word whole). */
  chain = (keys: readonly string[]): Int32Array => (keys.length ? intersect(chainKeys(keys).map(this.plans)) : NONE);

  /** Adds each plan's impact for the word: for a word with longer forms, the best of it and them. */
  addImpacts(base: Float64Array, key: string, longer: boolean): void {
    const terms = [this.terms.get(key), longer ? this.longer : undefined].filter((t) => t !== undefined);
    const best = terms.length > 1 ? new Float64Array(this.size) : base;
    for (const { plans, impacts } of terms) {
      for (let i = 0; i < plans.length; i++) best[plans[i]] = best === base ? best[plans[i]] + impacts[i] : Math.max(best[plans[i]], impacts[i]);
    }
    if (best !== base) for (let p = 0; p < best.length; p++) base[p] += best[p];
  }
}

export async function retrieve(plan: QueryPlan, index: SearchIndex): Promise<Ranking> {
  const found = new Found(await index.terms(queryKeys(plan)), plan, index.size);
  if (!plan.number) return rankWords(plan, found);
  return rankNumber(plan.number, found) ?? { ...rankWords(plan, found), numberNotFound: plan.number.typed };
}

/** Plans carrying the number, then plans citing it, the query's other words ranking within each; undefined when there are none. */
function rankNumber(number: NonNullable<QueryPlan['number']>, found: Found): Ranking | undefined {
  const own = found.plans(number.own);
  const cited = found.plans(number.cited);
  if (own.length + cited.length === 0) return undefined;
  const base = new Float64Array(found.size);
  for (const key of new Set(number.rest)) found.addImpacts(base, key, false);
  // 1: carries it, 2: cites it.
  const kind = new Uint8Array(found.size);
  for (const p of cited) kind[p] = 2;
  for (const p of own) kind[p] = 1;
  const hits = new Hits(found.size);
  for (let p = 0; p < kind.length; p++) if (kind[p]) hits.add(p, tier(kind[p] - 1, 0, 0, false, false), base[p]);
  return { mode: 'number', plans: hits.sorted(), missing: [] };
}

/** Plans with every word (`all`), else with most of them (`some`). */
function rankWords(plan: QueryPlan, found: Found): Ranking {
  const { words, units } = plan;
  const size = found.size;
  const n = words.length;
  if (n === 0) return { mode: 'all', plans: NONE, missing: [] };
  const last = words[n - 1].key;

  // Bit u of a plan's mask: it has unit u (the last word as a whole word or the start of a longer one).
  const mask = new Uint32Array(size);
  units.forEach((unit, u) => {
    const bit = 1 << u;
    const [word] = unit.words;
    const lists = unit.quoted ? [found.chain(unit.words.map((i) => words[i].key))] : [found.plans(words[word].key), word === n - 1 ? found.longer?.plans ?? NONE : NONE];
    for (const list of lists) for (let i = 0; i < list.length; i++) mask[list[i]] |= bit;
  });
  const all = 2 ** units.length - 1;

  const base = new Float64Array(size);
  words.forEach((w, i) => found.addImpacts(base, w.key, i === n - 1 && plan.prefix));

  // Bit 0: the last word whole; bit 1: every word but the last in a row; bit 2: every word in a row.
  const marks = new Uint8Array(size);
  const mark = (list: Int32Array, bit: number) => {
    for (let i = 0; i < list.length; i++) marks[list[i]] |= bit;
  };
  mark(found.plans(last), 1);
  mark(found.chain(plan.head), 2);
  mark(found.chain(plan.phrase), 4);
  const exact = exactPlans(plan, found);
  const phraseOf = (p: number) => (n === 1 || marks[p] & 4 ? 2 : marks[p] & 2 ? 1 : 0);
  const tierOf = (p: number, missing: number, phrase: number) => tier(2, missing, phrase, exact[p] === 1, (marks[p] & 1) === 1);

  const reworded = rewordedPlans(plan, found, mask);
  const hits = new Hits(size);
  for (let p = 0; p < size; p++) {
    if (mask[p] === all) hits.add(p, tierOf(p, 0, phraseOf(p)), base[p]);
    // Plans found only through a rewording: no relevance of their own, so they follow the words as typed, tier by tier.
    else if (reworded[p]) hits.add(p, tierOf(p, 0, reworded[p] - 1), 0);
  }
  if (hits.size > 0) return { mode: 'all', plans: hits.sorted(), missing: [] };

  const missing = words.filter((w, i) => found.plans(w.key).length === 0 && !(i === n - 1 && found.longer)).map((w) => w.text);
  // No plan has every unit: plans by how many words, or quoted phrases, they have.
  if (units.length > 1) for (let p = 0; p < size; p++) if (mask[p] !== 0) hits.add(p, tierOf(p, units.length - bitCount(mask[p]), 0), base[p]);
  return { mode: hits.size ? 'some' : 'all', plans: hits.sorted(), missing };
}

/** Per plan found through a rewording: 1 + its phrase tier (2: the rewording's words in a row, or all replaced). */
function rewordedPlans(plan: QueryPlan, found: Found, mask: Uint32Array): Uint8Array {
  const reworded = new Uint8Array(found.size);
  for (const r of plan.rewordings) {
    const needs = r.units.reduce((m, u) => m | (1 << u), 0);
    // 2: the rewording's words in a row (all of them when it kept none of the query's).
    const inRow = new Uint8Array(found.size).fill(r.phrase ? 0 : 2);
    for (const p of r.phrase ? found.chain(r.phrase) : []) inRow[p] = 2;
    for (const p of intersect(r.spans.map((span) => found.chain(span)))) if (!reworded[p] && (mask[p] & needs) === needs) reworded[p] = 1 + inRow[p];
  }
  return reworded;
}

/** 1 for each plan having every word typed with diacritics in that spelling (either tone placement). */
function exactPlans(plan: QueryPlan, found: Found): Uint8Array {
  const typed = plan.words.filter((w) => w.spellings.length);
  const count = new Uint8Array(found.size);
  if (typed.length === 0) return count;
  typed.forEach((w, j) => {
    const term = found.terms.get(w.key);
    for (const spelling of w.spellings) {
      // A plan counts once per word, whichever spellings it has.
      for (const p of term?.spelled(spelling) ?? NONE) if (count[p] === j) count[p] = j + 1;
    }
  });
  if (typed.length > 1) for (let p = 0; p < count.length; p++) count[p] = count[p] === typed.length ? 1 : 0;
  return count;
}

function bitCount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Most words a query keeps (parse.ts, MAX_WORDS), so the most a plan can lack. */
const MAX_MISSING = 20;
/** Tiers in all: `tier` is below this. */
const TIERS = 3 * (MAX_MISSING + 1) * 3 * 2 * 2;

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
    [this.plans, this.tiers, this.bases] = [new Int32Array(archive), new Uint16Array(archive), new Float64Array(archive)];
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
