/**
 * Search answers for ranking tests, written with plan ids and scores as a
 * backend gives them, numbered through one PlanTable as the engine numbers
 * them (src/lib/search/plan-set.ts).
 */
import { Answer, PlanTable } from '../../src/lib/search/plan-set.ts';
import type { Answers, DateRank } from '../../src/lib/search/rank.ts';

export type Scored = Array<[id: string, score: number]>;

export function answerKit() {
  const table = new PlanTable();
  const answer = (hits: Scored) => new Answer(Int32Array.from(hits, ([id]) => table.number(id)), Float64Array.from(hits, ([, s]) => s));
  return {
    table,
    answer,
    /** Answers by search id. */
    answers: (entries: Iterable<[string, Scored]> | Record<string, Scored>): Answers =>
      new Map(Array.from(Symbol.iterator in entries ? entries : Object.entries(entries), ([k, hits]) => [k, answer(hits)])),
    /** Newest-first places, by id. */
    dates: (places: Record<string, number>): DateRank => {
      const out: (number | undefined)[] = [];
      for (const [id, place] of Object.entries(places)) out[table.number(id)] = place;
      return out;
    },
    /** The ids of a ranking's hits, in order. */
    order: (r: { hits: { plan: number }[] }) => r.hits.map((h) => table.ids[h.plan]),
  };
}
