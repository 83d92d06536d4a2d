/**
 * The search index's files (src/lib/search/index-format.ts) from the plans' text, without I/O:
 * `IndexBuilder` takes the plans in plan-number order and hands each file over at the end.
 */
import { createHash } from 'node:crypto';
import { FILTERS, META_WEIGHTS, numberToken, type Fragment } from '../../lib/search/index-fields.ts';
import { ALIAS, BM25, blockFile, FILTER_FILE, filterKey, IMPACT_SCALE, INDEX_FORMAT, isAlias, pairKey, prefixKey, RUN, type FilterFile, type Manifest, type TermRow } from '../../lib/search/index-format.ts';
import { numbersText } from '../../lib/search/number-text.ts';
import { exactKey, wordKey, words } from '../../lib/search/text.ts';
import { byCodeUnit } from '../../lib/text/order.ts';
import { Postings, type Gathered } from './postings.ts';

/** A plan as Pagefind extracted it (its fragment's fields the index reads). */
export type IndexedPlan = Omit<Fragment, 'url'>;

/** JSON text per term block: a query reads a block per word; smaller wastes less of a download, larger costs fewer requests. */
const BLOCK_BYTES = 16_000;

/** Sorted plans as gaps (index-format.ts), `RUN` or more plans in a row as `0, n`. */
function gapsText(plans: ArrayLike<number>): string {
  const gaps: number[] = [];
  for (let i = 0, before = -1; i < plans.length; before = plans[i - 1]) {
    let end = i;
    while (end < plans.length && plans[end] === before + 1 + end - i) end++;
    if (end - i >= RUN) {
      gaps.push(0, end - i);
      i = end;
    } else gaps.push(plans[i++] - before);
  }
  return numbersText(gaps);
}

/** How many written words keep their ids at hand: most were seen before, and keying a word is costly. */
const KNOWN_WORDS = 200_000;

const WEIGHTS: Record<string, number> = META_WEIGHTS;

/** The plan's text (weight 1) and each meta field of non-zero weight, in a fixed order, each with its words as written. */
function planFields(plan: IndexedPlan): { weight: number; words: string[] }[] {
  const fields = [{ weight: 1, words: words(plan.content) }];
  for (const name of Object.keys(WEIGHTS)) {
    const text = plan.meta[name];
    if (WEIGHTS[name] > 0 && text) fields.push({ weight: WEIGHTS[name], words: words(text) });
  }
  return fields;
}

/** The id of `key` in `ids`; when it has none, a new one: `list`'s length, `item()` pushed on `list`. */
function idIn<K, T>(ids: Map<K, number>, key: K, list: T[], item: () => T): number {
  let id = ids.get(key);
  if (id === undefined) {
    ids.set(key, (id = list.length));
    list.push(item());
  }
  return id;
}

/** How number tokens begin ("zsohieu", "zcancu"): no one types their start, so they make no prefix rows. */
const NUMBER_STARTS = (['own', 'cited'] as const).map((kind) => numberToken(kind, '0').slice(0, -1));
const isNumber = (key: string) => NUMBER_STARTS.some((start) => key.startsWith(start));
const span = (g: Gathered, id: number) => [g.start[id], g.start[id + 1]] as const;

/** Prefix `start`'s row (index-format.ts) if a word from `from` on begins with it; an alias for one if `alias`. `best` is all 0 between calls. */
function prefixRows(sorted: readonly string[], from: number, start: string, alias: boolean, best: Int32Array, plansOf: (i: number) => [Int32Array, Int32Array]): TermRow[] {
  const longer: number[] = [];
  for (let i = from; i < sorted.length && sorted[i].startsWith(start); i++) if (!isNumber(sorted[i])) longer.push(i);
  if (longer.length === 0) return [];
  if (longer.length === 1 && alias) return [[prefixKey(start), ALIAS + sorted[longer[0]]]];
  const union: number[] = [];
  for (const i of longer) {
    const [plans, impacts] = plansOf(i);
    for (let k = 0; k < plans.length; k++) {
      if (best[plans[k]] === 0) union.push(plans[k]);
      best[plans[k]] = Math.max(best[plans[k]], impacts[k]);
    }
  }
  const plans = Int32Array.from(union).sort();
  const row: TermRow = [prefixKey(start), gapsText(plans), numbersText(Array.from(plans, (p) => best[p]))];
  for (const p of plans) best[p] = 0;
  return [row];
}

export class IndexBuilder {
  private plans = 0;
  private readonly hash = createHash('sha256');
  private readonly lengths: number[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly spellingIds = new Map<string, number>();
  /** Per spelling id: its word's id and its text. */
  private readonly spellings: [word: number, text: string][] = [];
  /** Per word id: the words following it in some field, by id, each with its pair's id. */
  private readonly next: (Map<number, number> | undefined)[] = [];
  private pairCount = 0;
  private readonly worded = new Postings(true);
  private readonly spelled = new Postings();
  private readonly paired = new Postings();
  /** Written words, each with its word's id (-1 when it has no key) and its spelling's (-1 for none). */
  private known = new Map<string, [word: number, spelling: number]>();
  private readonly filters = new Map<string, Map<string, number[]>>(FILTERS.map((name) => [name, new Map()]));

  private readonly bundles: string[];
  private readonly blockBytes: number;

  constructor(bundles: string[], blockBytes = BLOCK_BYTES) {
    [this.bundles, this.blockBytes] = [bundles, blockBytes];
  }

  /** How many distinct words the plans added so far have. */
  get words(): number {
    return this.keys.length;
  }

  /** Adds the next plan (its number is the count of plans added before it). */
  add(plan: IndexedPlan) {
    const n = this.plans++;
    this.hash.update(`${JSON.stringify(plan)}\n`);
    const counts = new Map<number, number>();
    let length = 0;
    for (const { weight, words } of planFields(plan)) {
      let before = -1;
      for (const word of words) {
        const [id, spelling] = this.idsOf(word);
        if (id < 0) continue;
        counts.set(id, (counts.get(id) ?? 0) + weight);
        length += weight;
        if (spelling >= 0) this.spelled.add(n, spelling);
        if (before >= 0) this.paired.add(n, this.pairId(before, id));
        before = id;
      }
    }
    for (const [id, count] of counts) this.worded.add(n, id, count);
    this.lengths.push(length);
    for (const [name, values] of this.filters) {
      for (const value of plan.filters[name] ?? []) {
        const plans = values.get(value) ?? values.set(value, []).get(value)!;
        if (plans.at(-1) !== n) plans.push(n);
      }
    }
  }

  /** A written word's id (-1 for a stray mark, which has no key) and its spelling's (-1 when it has no diacritics). */
  private idsOf(written: string): [word: number, spelling: number] {
    let ids = this.known.get(written);
    if (!ids) {
      const key = wordKey(written);
      const exact = exactKey(written);
      const word = key ? idIn(this.wordIds, key, this.keys, () => key) : -1;
      const spelled = exact && exact !== key && word >= 0;
      ids = [word, spelled ? idIn(this.spellingIds, `${word} ${exact}`, this.spellings, () => [word, exact]) : -1];
      if (this.known.size >= KNOWN_WORDS) this.known = new Map();
      this.known.set(written, ids);
    }
    return ids;
  }

  private pairId(first: number, second: number): number {
    const after = this.next[first] ?? (this.next[first] = new Map());
    let id = after.get(second);
    if (id === undefined) after.set(second, (id = this.pairCount++));
    return id;
  }

  /**
   * Every term's row, in key order (index-format.ts): filter values first ("#" sorts before letters and
   * digits); after the word "a", its prefix row "a*" and then its pairs "a+b" ("a" < "a*" < "a+b" < "a0"),
   * which sort as their second words.
   */
  private *rows(onWord?: (done: number, total: number) => void): Generator<TermRow> {
    const words = this.worded.gather(this.keys.length);
    const order = this.keys.map((_, id) => id).sort((a, b) => byCodeUnit(this.keys[a], this.keys[b]));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const spelled = this.spelled.gather(this.spellings.length);
    const spellingsOf = new Map<number, number[]>();
    this.spellings.forEach(([word], id) => spellingsOf.get(word)?.push(id) ?? spellingsOf.set(word, [id]));
    const pairs = this.paired.gather(this.pairCount);
    const average = this.lengths.reduce((a, b) => a + b, 0) / Math.max(this.plans, 1);
    const sorted = order.map((id) => this.keys[id]);
    const best = new Int32Array(this.plans);
    const filterRows = [...this.filters].flatMap(([name, values]) => [...values].map(([value, plans]): TermRow => [filterKey(name, value), gapsText(plans)]));
    yield* filterRows.sort((a, b) => byCodeUnit(a[0], b[0]));
    // Once per word: a word's plans and impacts are read again by each prefix row it extends.
    const impacts = this.impacts(words, average);
    const plansOf = (at: number): [Int32Array, Int32Array] => [words.plans.subarray(...span(words, order[at])), impacts.subarray(...span(words, order[at]))];
    for (const [done, id] of order.entries()) {
      onWord?.(done, order.length);
      const key = sorted[done];
      // Before the word, a prefix row for each start of it that is no word and that no word before begins with.
      for (let n = 1; n < key.length && !isNumber(key.slice(0, n)); n++) if (!sorted[done - 1]?.startsWith(key.slice(0, n))) yield* prefixRows(sorted, done, key.slice(0, n), true, best, plansOf);
      yield this.wordRow(id, words, impacts, spelled, spellingsOf.get(id) ?? []);
      // After it, its own, in its block: a query ending in the word reads both at once, or finds there that no longer word exists.
      if (!isNumber(key)) yield* prefixRows(sorted, done + 1, key, false, best, plansOf);
      const after = [...(this.next[id] ?? [])].sort(([a], [b]) => rank[a] - rank[b]);
      for (const [second, pair] of after) yield [pairKey(this.keys[id], this.keys[second]), gapsText(pairs.plans.subarray(...span(pairs, pair)))];
    }
  }

  /** Each word's impact in each of its plans, parallel to `words.plans`. */
  private impacts(words: Gathered, average: number): Int32Array {
    const out = new Int32Array(words.plans.length);
    for (let id = 0; id < this.keys.length; id++) {
      const [from, to] = span(words, id);
      const idf = Math.log(1 + (this.plans - (to - from) + 0.5) / (to - from + 0.5));
      for (let i = from; i < to; i++) {
        const tf = words.values[i];
        const norm = BM25.k1 * (1 - BM25.b + (BM25.b * this.lengths[words.plans[i]]) / average);
        out[i] = Math.max(1, Math.round(((idf * tf * (BM25.k1 + 1)) / (tf + norm)) * IMPACT_SCALE));
      }
    }
    return out;
  }

  private wordRow(id: number, words: Gathered, impacts: Int32Array, spelled: Gathered, spellings: number[]): TermRow {
    const plans = words.plans.subarray(...span(words, id));
    const row: TermRow = [this.keys[id], gapsText(plans), numbersText(impacts.subarray(...span(words, id)))];
    if (spellings.length === 0) return row;
    // Each spelling's plans are among the word's: written as their places in it.
    const texts: Record<string, string> = {};
    for (const sid of spellings.sort((a, b) => byCodeUnit(this.spellings[a][1], this.spellings[b][1]))) {
      const own = spelled.plans.subarray(...span(spelled, sid));
      const places: number[] = [];
      for (let i = 0, at = 0; i < own.length; i++, at++) {
        while (at < plans.length && plans[at] !== own[i]) at++;
        places.push(at);
      }
      texts[this.spellings[sid][1]] = own.length === plans.length ? '' : gapsText(places);
    }
    return [row[0], row[1], row[2], texts];
  }

  /** Hands `sink` each file (path in the set's folder, JSON value and text), then returns the manifest; `onWord` follows the words. */
  finish(sink: (path: string, value: unknown, text: string) => void, onWord?: (done: number, total: number) => void): Manifest {
    const blocks: string[] = [];
    const file = (path: string, value: unknown, text: string) => {
      this.hash.update(`${path}\n${text}\n`);
      sink(path, value, text);
    };
    let rows: TermRow[] = [];
    let texts: string[] = [];
    let bytes = 0;
    const close = () => {
      file(blockFile(blocks.length), rows, `[${texts.join(',')}]`);
      blocks.push(blocks.length === 0 ? '' : rows[0][0]);
      [rows, texts, bytes] = [[], [], 0];
    };
    for (const row of this.rows(onWord)) {
      const text = JSON.stringify(row);
      // An alias stays in its word's block, and a word's prefix row in the word's: a query reads both at once.
      const last = rows[rows.length - 1];
      if (last && bytes + text.length > this.blockBytes && !isAlias(last) && row[0] !== prefixKey(last[0])) close();
      rows.push(row);
      texts.push(text);
      bytes += text.length + 1;
    }
    if (rows.length > 0 || blocks.length === 0) close();
    const filters: FilterFile = {};
    for (const [name, values] of this.filters) filters[name] = Object.fromEntries([...values].map(([value, plans]) => [value, gapsText(plans)]));
    file(FILTER_FILE, filters, JSON.stringify(filters));
    const manifest: Manifest = { format: INDEX_FORMAT, set: '', plans: this.plans, blocks, bundles: this.bundles };
    this.hash.update(JSON.stringify(manifest));
    return { ...manifest, set: this.hash.digest('hex').slice(0, 12) };
  }
}
