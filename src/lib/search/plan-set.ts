/**
 * Plans as small integers, and sets of them as bitsets.
 *
 * One query is a dozen searches merged (searches.ts), and on a large archive
 * each answer can hold every plan. Ranking them as sets of string ids cost
 * more than reading the index: at 10,005 plans a warm query spent most of
 * its time hashing ids into sets and collecting them again. Numbered once,
 * when an answer arrives, a plan is an array index, a set a row of bits, and
 * ranking the same answers again costs almost nothing.
 */

/**
 * Each plan id the query layer has seen, numbered from 0 in the order first
 * seen. The backend numbers a bundle's pages as one block (`addAll`, or
 * `addBlock` before their ids are known), with no hashing; the
 * id-to-number map is built only when something asks by id.
 */
export class PlanTable {
  private numbers: Map<string, number> | undefined;
  /** By plan number; a hole for a plan numbered by `addBlock` whose id is not yet `learn`t. */
  readonly ids: (string | undefined)[] = [];

  private map(): Map<string, number> {
    if (!this.numbers) {
      this.numbers = new Map();
      this.ids.forEach((id, n) => id !== undefined && this.numbers!.set(id, n));
    }
    return this.numbers;
  }

  /** The plan's number, given one now if it has none yet. */
  number(id: string): number {
    const numbers = this.map();
    let n = numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      numbers.set(id, n);
    }
    return n;
  }

  /**
   * Numbers for a list of ids, by their place in it. Ids no one has asked
   * for by id yet are taken to be new, as the pages of one index bundle are
   * (bundles never share an id: shards.ts), and numbered in a row.
   */
  addAll(ids: readonly string[]): Int32Array {
    const out = new Int32Array(ids.length);
    if (this.numbers) {
      for (let i = 0; i < ids.length; i++) out[i] = this.number(ids[i]);
      return out;
    }
    const first = this.ids.length;
    for (let i = 0; i < ids.length; i++) {
      this.ids.push(ids[i]);
      out[i] = first + i;
    }
    return out;
  }

  /**
   * Numbers `count` plans in a row whose ids are not known yet, as the pages
   * of one index bundle before anything asks for their ids (`learn`).
   */
  addBlock(count: number): Int32Array {
    const first = this.ids.length;
    // Pushed one by one: growing `length` at once can leave V8 a sparse, slower array.
    for (let i = 0; i < count; i++) this.ids.push(undefined);
    return Int32Array.from({ length: count }, (_, i) => first + i);
  }

  /** Records the id of plan `n`, numbered by `addBlock`. */
  learn(n: number, id: string): void {
    if (n >= this.ids.length) throw new RangeError(`no plan ${n} of ${this.ids.length}`);
    this.ids[n] = id;
    this.numbers?.set(id, n);
  }

  /** The plan's number, or undefined if no answer has named it. */
  find(id: string): number | undefined {
    return this.map().get(id);
  }

  get size(): number {
    return this.ids.length;
  }
}

/** A set of plan numbers: bit `n % 32` of word `n / 32`. */
export class PlanBits {
  private count: number | undefined;

  constructor(private readonly words: Uint32Array) {}

  static readonly empty = new PlanBits(new Uint32Array(0));

  static of(plans: ArrayLike<number>): PlanBits {
    let max = -1;
    for (let i = 0; i < plans.length; i++) if (plans[i] > max) max = plans[i];
    // No plans: no words (-1 >>> 5 would ask for 512 MB).
    const words = new Uint32Array(max < 0 ? 0 : (max >>> 5) + 1);
    for (let i = 0; i < plans.length; i++) words[plans[i] >>> 5] |= 1 << (plans[i] & 31);
    return new PlanBits(words);
  }

  has(plan: number): boolean {
    const word = plan >>> 5;
    return word < this.words.length && ((this.words[word] >>> (plan & 31)) & 1) === 1;
  }

  get size(): number {
    if (this.count === undefined) {
      let n = 0;
      for (let w of this.words) {
        // Population count of one word.
        w -= (w >>> 1) & 0x55555555;
        w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
        n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
      }
      this.count = n;
    }
    return this.count;
  }

  /** Plans in either set. */
  or(other: PlanBits): PlanBits {
    const [long, short] = this.words.length >= other.words.length ? [this.words, other.words] : [other.words, this.words];
    const words = long.slice();
    for (let i = 0; i < short.length; i++) words[i] |= short[i];
    return new PlanBits(words);
  }

  /** Plans in both sets. */
  and(other: PlanBits): PlanBits {
    const words = new Uint32Array(Math.min(this.words.length, other.words.length));
    for (let i = 0; i < words.length; i++) words[i] = this.words[i] & other.words[i];
    return new PlanBits(words);
  }

  /** The plans, in number order. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.words.length; i++) {
      let w = this.words[i];
      while (w !== 0) {
        const bit = 31 - Math.clz32(w & -w);
        yield (i << 5) + bit;
        w &= w - 1;
      }
    }
  }
}

/** What one search found: plan numbers, best first when it ranks, and their scores. */
export class Answer {
  private bits: PlanBits | undefined;

  constructor(
    readonly plans: Int32Array,
    /** Same order as `plans`; all 1 for a search that does not rank. */
    readonly scores: Float64Array,
  ) {}

  static readonly none = new Answer(new Int32Array(0), new Float64Array(0));

  get size(): number {
    return this.plans.length;
  }

  /** The plans as a set, made on first use and kept: answers are remembered across queries. */
  set(): PlanBits {
    return (this.bits ??= PlanBits.of(this.plans));
  }
}
