/**
 * The whole collection, loaded once per build and indexed for every page.
 *
 * Pages ask this module instead of calling getCollection themselves, so a build
 * of N plans reads and sorts the collection once, not once per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst, planFacts, type PlanFacts } from '../lib/plan-facts.ts';

export interface Catalog {
  /** Every plan, newest first. */
  all: PlanFacts[];
  entries: Map<string, CollectionEntry<'plans'>>;
  byProvinceNow: Map<string, PlanFacts[]>;
  byYear: Map<number, PlanFacts[]>;
  byArea: Map<string, PlanFacts[]>;
  byLevel: Map<string, PlanFacts[]>;
  /** Plans with no province: central bodies and sources that do not say. */
  noProvince: PlanFacts[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

async function load(): Promise<Catalog> {
  const entries = await getCollection('plans');
  const all = entries.map((e) => planFacts(e.id, e.data)).sort(newestFirst);
  const catalog: Catalog = {
    all,
    entries: new Map(entries.map((e) => [e.id, e])),
    byProvinceNow: new Map(),
    byYear: new Map(),
    byArea: new Map(),
    byLevel: new Map(),
    noProvince: [],
  };
  // `all` is sorted, so every index list comes out sorted too.
  for (const f of all) {
    if (f.now) push(catalog.byProvinceNow, f.now.id, f);
    else catalog.noProvince.push(f);
    for (const y of f.years) push(catalog.byYear, y, f);
    for (const a of f.plan.reformAreas) push(catalog.byArea, a, f);
    push(catalog.byLevel, f.plan.issuer.level, f);
  }
  return catalog;
}

let cached: Promise<Catalog> | undefined;

export function getCatalog(): Promise<Catalog> {
  cached ??= load();
  return cached;
}
