/**
 * The plans of every term, without an object per occurrence: each plan appends its terms' ids to one
 * log in typed-array chunks (tens of millions of entries), which a counting sort turns into each term's plans.
 */

const CHUNK = 1 << 20;
/** A growing list of 32-bit integers. */
class IntLog {
  private chunks: Int32Array[] = [];
  length = 0;

  push(value: number) {
    const at = this.length % CHUNK;
    if (at === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[this.chunks.length - 1][at] = value;
    this.length++;
  }

  get(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)][i % CHUNK];
  }
}

/** Each term's plans (and a value per plan), ascending, from `start[id]` to `start[id + 1]`. */
export interface Gathered {
  start: Int32Array;
  plans: Int32Array;
  values: Int32Array;
}

/** Terms by id, each with at most one entry per plan; plans are added in order. */
export class Postings {
  private ids = new IntLog();
  private values = new IntLog();
  /** Per plan, the log's length once it was added. */
  private ends: number[] = [];
  /** Per term id: how many plans have it, and the last plan that added it. */
  private readonly counts: number[] = [];
  private last: number[] = [];

  /** Whether each entry carries a value (a word's weighted count). */
  private readonly valued: boolean;

  constructor(valued = false) {
    this.valued = valued;
  }

  /** Records that the current plan (`plan`, the newest) has term `id`, once per plan. */
  add(plan: number, id: number, value = 0): void {
    while (this.ends.length < plan) this.ends.push(this.ids.length);
    if (this.last[id] === plan) return;
    this.last[id] = plan;
    this.counts[id] = (this.counts[id] ?? 0) + 1;
    this.ids.push(id);
    if (this.valued) this.values.push(value);
  }

  /** The log sorted by term; the log is released. */
  gather(terms: number): Gathered {
    const start = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) start[id + 1] = start[id] + (this.counts[id] ?? 0);
    const next = start.slice(0, terms);
    const plans = new Int32Array(this.ids.length);
    const values = new Int32Array(this.valued ? this.ids.length : 0);
    let plan = 0;
    for (let i = 0; i < this.ids.length; i++) {
      while (plan < this.ends.length && this.ends[plan] <= i) plan++;
      const at = next[this.ids.get(i)]++;
      plans[at] = plan;
      if (this.valued) values[at] = this.values.get(i);
    }
    this.ids = new IntLog();
    this.values = new IntLog();
    return { start, plans, values };
  }
}
