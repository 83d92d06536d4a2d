/**
 * The plans of every term, without an object per occurrence: each plan appends its terms' ids to one
 * log in typed-array chunks (tens of millions of entries), which a counting sort turns into each term's plans.
 */

const CHUNK = 1 << 20;
/** A growing list of 32-bit integers, in chunks. */
class IntLog {
  chunks: Int32Array[] = [];
  length = 0;

  push(value: number) {
    const at = this.length % CHUNK;
    if (at === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[this.chunks.length - 1][at] = value;
    this.length++;
  }
}

/** `list` twice as long: one entry per term id (ids come in order), millions, in 4 bytes each instead of a JS array's 8. */
function grown(list: Int32Array): Int32Array<ArrayBuffer> {
  const more = new Int32Array(Math.max(2 * list.length, 1024));
  more.set(list);
  return more;
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
  /** Per term id: how many plans have it, and 1 + the last plan that added it. */
  private counts = new Int32Array(0);
  private last = new Int32Array(0);

  /** Whether each entry carries a value (a word's weighted count). */
  private readonly valued: boolean;

  constructor(valued = false) {
    this.valued = valued;
  }

  /** Records that the current plan (`plan`, the newest) has term `id`, once per plan. */
  add(plan: number, id: number, value = 0): void {
    while (this.ends.length < plan) this.ends.push(this.ids.length);
    if (id >= this.last.length) [this.last, this.counts] = [grown(this.last), grown(this.counts)];
    if (this.last[id] === plan + 1) return;
    this.last[id] = plan + 1;
    this.counts[id]++;
    this.ids.push(id);
    if (this.valued) this.values.push(value);
  }

  /** The log sorted by term; the log is released as it is read, so that it and the sorted lists are not held whole at once. */
  gather(terms: number): Gathered {
    const start = new Int32Array(terms + 1);
    for (let id = 0; id < terms; id++) start[id + 1] = start[id] + (this.counts[id] ?? 0);
    const next = start.slice(0, terms);
    const { chunks: ids, length } = this.ids;
    const values = this.values.chunks;
    [this.ids, this.values, this.counts, this.last] = [new IntLog(), new IntLog(), new Int32Array(0), new Int32Array(0)];
    const plans = new Int32Array(length);
    const sortedValues = new Int32Array(this.valued ? length : 0);
    for (let c = 0, i = 0, plan = 0; c < ids.length; c++) {
      const [chunk, valueChunk] = [ids[c], values[c]];
      [ids[c], values[c]] = [new Int32Array(0), new Int32Array(0)];
      for (let k = 0; k < CHUNK && i < length; k++, i++) {
        while (plan < this.ends.length && this.ends[plan] <= i) plan++;
        const at = next[chunk[k]]++;
        plans[at] = plan;
        if (this.valued) sortedValues[at] = valueChunk[k];
      }
    }
    return { start, plans, values: sortedValues };
  }
}
