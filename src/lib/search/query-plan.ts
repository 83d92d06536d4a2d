/**
 * What one query asks of the index, as plain data, which retrieve.ts answers with one fetch of
 * every key `queryKeys` lists. A phrase is a chain of pairs (`pairKey`): exact for two words, an
 * approximation for more, as positions would be most of the index's weight.
 */
import { pairKey, prefixKey } from './index-format.ts';
import type { ParsedQuery } from './parse.ts';
import { wordKeys } from './text.ts';
import { replacementRuns } from './variants.ts';

export interface PlanWord {
  text: string;
  key: string;
  /** The spellings that count as typed exactly; none when typed without diacritics. */
  spellings: string[];
}

/** Something a plan must have: a word not in quotes, or a quoted phrase; "some words" mode ranks by their count. */
export interface Unit {
  /** Indexes into `QueryPlan.words`. */
  words: number[];
  quoted: boolean;
}

/** Another way of saying the query: an abbreviation's long form, a province's former name. */
export interface Rewording {
  /** What it put in, each run as word keys in a row. */
  spans: string[][];
  /** The units a plan must still have with it: the words it kept, and every quoted phrase. */
  units: number[];
  /** All its words in a row, which ranks, when it kept words of the query. */
  phrase?: string[];
}

export interface QueryPlan {
  words: PlanWord[];
  units: Unit[];
  /** The last word may also be the start of a longer word (it is not in quotes). */
  prefix: boolean;
  /** Every word in a row (two or more words), which ranks first. */
  phrase: string[];
  /** Every word but the last in a row (three or more words): the last is still being typed. */
  head: string[];
  rewordings: Rewording[];
  /** A document number: the index words of plans carrying and citing it, and the query's other words. */
  number?: { typed: string; own: string; cited: string; rest: string[] };
}

/** The keys a run of words is found by: its pairs, or the one word. */
export function chainKeys(keys: readonly string[]): string[] {
  return keys.length === 1 ? [keys[0]] : keys.slice(1).map((k, i) => pairKey(keys[i], k));
}

/** `exactKey` already puts tones in one place, in the index and in the query, so "hoà" and "hòa" are one spelling. */
function spellingsOf(w: ParsedQuery['words'][number]): string[] {
  return w.exact === w.key ? [] : [w.exact];
}

export function planQuery(q: ParsedQuery): QueryPlan {
  const words = q.words.map((w) => ({ text: w.text, key: w.key, spellings: spellingsOf(w) }));
  const keys = words.map((w) => w.key);
  const units: Unit[] = [];
  const unitOf: number[] = [];
  q.words.forEach((w, i) => {
    if (w.phrase === undefined) {
      unitOf[i] = units.push({ words: [i], quoted: false }) - 1;
    } else if (q.phrases[w.phrase][0] === i) {
      const at = units.push({ words: q.phrases[w.phrase], quoted: true }) - 1;
      for (const j of q.phrases[w.phrase]) unitOf[j] = at;
    }
  });
  const quotedUnits = units.flatMap((u, i) => (u.quoted ? [i] : []));
  const rewordings = q.variants.slice(1).map((v): Rewording => {
    const kept = v.words.flatMap((w) => (w.from === undefined ? [] : [unitOf[w.from]]));
    return {
      spans: replacementRuns(v.words),
      units: [...new Set([...kept, ...quotedUnits])],
      phrase: kept.length ? v.words.map((w) => w.key) : undefined,
    };
  });
  const n = q.number;
  return {
    words,
    units,
    prefix: words.length > 0 && q.words[words.length - 1].phrase === undefined,
    phrase: words.length >= 2 ? keys : [],
    head: words.length >= 3 ? keys.slice(0, -1) : [],
    rewordings,
    number: n && { typed: n.typed, own: n.ownToken, cited: n.citedToken, rest: wordKeys(n.rest) },
  };
}

/** Every key the plan's retrieval reads, the last word's longer forms (`prefixKey`) included. */
export function queryKeys(plan: QueryPlan): string[] {
  const terms = plan.words.map((w) => w.key);
  // The head's pairs are the phrase's first ones.
  if (plan.phrase.length) terms.push(...chainKeys(plan.phrase));
  for (const u of plan.units) if (u.quoted) terms.push(...chainKeys(u.words.map((i) => plan.words[i].key)));
  for (const r of plan.rewordings) {
    for (const span of r.spans) terms.push(...chainKeys(span));
    if (r.phrase) terms.push(...chainKeys(r.phrase));
  }
  if (plan.number) terms.push(plan.number.own, plan.number.cited, ...plan.number.rest);
  if (plan.prefix) terms.push(prefixKey(plan.words[plan.words.length - 1].key));
  return [...new Set(terms)];
}
