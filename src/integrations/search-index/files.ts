/**
 * The search index's files (src/lib/search/index-format.ts) from the plans'
 * text, without reading or writing anything: `IndexBuilder` takes the plans
 * one at a time, in plan-number order, and hands each file over at the end;
 * `indexFiles` does both at once, for tests.
 */
import { createHash } from 'node:crypto';
import { FILTERS } from '../../lib/search/index-fields.ts';
import { BM25, blockFile, FILTER_FILE, IMPACT_SCALE, INDEX_FORMAT, pairKey, type FilterFile, type Manifest, type TermRow } from '../../lib/search/index-format.ts';
import { numbersText } from '../../lib/search/number-text.ts';
import { keysOf, planFields, type IndexedPlan } from './plan-terms.ts';
import { Postings, type Gathered } from './postings.ts';

export type { IndexedPlan } from './plan-terms.ts';

/**
 * JSON text per term block. Gzipped, a block is 10 to 20 KB (half of them
 * about 10 KB on generated plans, more on real text, which repeats less):
 * a query reads a block per word, so a smaller block wastes less of what it
 * downloads, and a larger one costs fewer requests.
 */
export const BLOCK_BYTES = 64_000;

/** Receives each file of the set: its path under the set's folder, its JSON value and that value's JSON text. */
export type FileSink = (path: string, value: unknown, text: string) => void;

/** Sorted plans as gaps (index-format.ts). */
function gapsText(plans: ArrayLike<number>): string {
  const gaps = new Array<number>(plans.length);
  for (let i = 0, before = -1; i < plans.length; before = plans[i++]) gaps[i] = plans[i] - before;
  return numbersText(gaps);
}

/**
 * How many written words keep their ids at hand: most words of a plan were
 * seen in the plans before it, and keying a word (its spelling above all)
 * was most of the time of adding a plan.
 */
const KNOWN_WORDS = 200_000;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const span = (g: Gathered, id: number) => [g.start[id], g.start[id + 1]] as const;

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
    this.bundles = bundles;
    this.blockBytes = blockBytes;
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

  private idsOf(written: string): [word: number, spelling: number] {
    let ids = this.known.get(written);
    if (!ids) {
      const [key, spelling] = keysOf(written);
      const word = key ? this.wordId(key) : -1;
      ids = [word, spelling && word >= 0 ? this.spellingId(word, spelling) : -1];
      if (this.known.size >= KNOWN_WORDS) this.known = new Map();
      this.known.set(written, ids);
    }
    return ids;
  }

  private wordId(key: string): number {
    let id = this.wordIds.get(key);
    if (id === undefined) {
      this.wordIds.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  private spellingId(word: number, text: string): number {
    const name = `${word} ${text}`;
    let id = this.spellingIds.get(name);
    if (id === undefined) {
      this.spellingIds.set(name, (id = this.spellings.length));
      this.spellings.push([word, text]);
    }
    return id;
  }

  private pairId(first: number, second: number): number {
    const after = this.next[first] ?? (this.next[first] = new Map());
    let id = after.get(second);
    if (id === undefined) after.set(second, (id = this.pairCount++));
    return id;
  }

  /**
   * Every term's row, in key order. A pair "a b" sorts right after the word
   * "a" and before any longer word ("a" < "a b" < "ab": no key has a
   * character below the space), and pairs of one first word sort as their
   * second words do, so the rows come out sorted word by word.
   */
  private *rows(onWord?: (done: number, total: number) => void): Generator<TermRow> {
    const words = this.worded.gather(this.keys.length);
    const order = this.keys.map((_, id) => id).sort((a, b) => byText(this.keys[a], this.keys[b]));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const spelled = this.spelled.gather(this.spellings.length);
    const spellingsOf = new Map<number, number[]>();
    this.spellings.forEach(([word], id) => spellingsOf.get(word)?.push(id) ?? spellingsOf.set(word, [id]));
    const pairs = this.paired.gather(this.pairCount);
    const average = this.lengths.reduce((a, b) => a + b, 0) / Math.max(this.plans, 1);
    for (const [done, id] of order.entries()) {
      onWord?.(done, order.length);
      yield this.wordRow(id, words, average, spelled, spellingsOf.get(id) ?? []);
      const after = [...(this.next[id] ?? [])].sort(([a], [b]) => rank[a] - rank[b]);
      for (const [second, pair] of after) yield [pairKey(this.keys[id], this.keys[second]), gapsText(pairs.plans.subarray(...span(pairs, pair)))];
    }
  }

  private wordRow(id: number, words: Gathered, average: number, spelled: Gathered, spellings: number[]): TermRow {
    const [from, to] = span(words, id);
    const plans = words.plans.subarray(from, to);
    const df = plans.length;
    const idf = Math.log(1 + (this.plans - df + 0.5) / (df + 0.5));
    const impacts = Array.from(plans, (plan, i) => {
      const tf = words.values[from + i];
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * this.lengths[plan]) / average);
      return Math.max(1, Math.round(((idf * tf * (BM25.k1 + 1)) / (tf + norm)) * IMPACT_SCALE));
    });
    const row: TermRow = [this.keys[id], gapsText(plans), numbersText(impacts)];
    if (spellings.length === 0) return row;
    // Each spelling's plans are among the word's: written as their places in it.
    const texts: Record<string, string> = {};
    for (const sid of spellings.sort((a, b) => byText(this.spellings[a][1], this.spellings[b][1]))) {
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

  /** Hands over every file of the set, then returns the manifest naming it; `onWord` follows the words written. */
  finish(sink: FileSink, onWord?: (done: number, total: number) => void): Manifest {
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
      if (rows.length > 0 && bytes + text.length > this.blockBytes) close();
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

/**
 * The whole set at once: `plans` in plan-number order, every file by its path
 * under the set's folder ("tu-0.json.gz", "loc.json.gz") as its JSON value.
 */
export function indexFiles(plans: IndexedPlan[], bundles: string[], options: { blockBytes?: number } = {}): { manifest: Manifest; files: Map<string, unknown> } {
  const builder = new IndexBuilder(bundles, options.blockBytes);
  for (const plan of plans) builder.add(plan);
  const files = new Map<string, unknown>();
  const manifest = builder.finish((path, value) => files.set(path, value));
  return { manifest, files };
}
