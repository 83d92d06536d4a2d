/** The fixture archive as the tests know it independently of the build: its entries, parsed again from disk. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { newestFirst, planFacts, type PlanFacts } from '../../src/lib/plan-facts.ts';
import { readEntries, validateAll } from '../../src/lib/entries.ts';
import { TEST_PLANS } from '../helpers/paths.ts';

export interface TestPlan {
  facts: PlanFacts;
  body: string;
  file: string;
}

export function testPlans(): TestPlan[] {
  const entries = readEntries(TEST_PLANS);
  const { plans } = validateAll(entries);
  return entries
    .filter((e) => plans.has(e.file))
    .map((e) => ({ facts: planFacts(e.slug, plans.get(e.file)!), body: e.body, file: resolve(e.file) }))
    .sort((a, b) => newestFirst(a.facts, b.facts));
}

/** A built page as a DOM, from its URL path ("van-ban/" or "du-lieu/ke-hoach.json"). */
export function page(dir: string, path: string): Document {
  const file = path.endsWith('/') || path === '' ? join(dir, path, 'index.html') : join(dir, path);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

export function text(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** The trimmed text of an element, spaces collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
