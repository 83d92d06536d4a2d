/**
 * The real archive, src/content/plans, built as `npm run build` builds it by
 * the global setup. The other tests read the fixture archive, whose plans do
 * not change; this one only asks that every shipped plan builds and is
 * published.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../src/lib/entries.ts';
import { SHIPPED_BUILD_LOG, SHIPPED_PLANS, SITE_SHIPPED } from '../helpers/paths.ts';
import { page, text, textOf } from './site.ts';

describe('the shipped archive', () => {
  it('builds', () => {
    const { code, output } = JSON.parse(readFileSync(SHIPPED_BUILD_LOG, 'utf8')) as { code: number; output: string };
    expect(code, output).toBe(0);
  });

  it('has a page and an open-data record for every entry', () => {
    const entries = readEntries(SHIPPED_PLANS);
    expect(entries.length).toBeGreaterThan(0);
    const data = JSON.parse(text(SITE_SHIPPED, 'du-lieu/ke-hoach.json')) as { count: number; plans: { slug: string; title: string }[] };
    expect(data.plans.map((p) => p.slug).sort()).toEqual(entries.map((e) => e.slug).sort());
    expect(data.count).toBe(entries.length);
    for (const { slug, title } of data.plans) expect(textOf(page(SITE_SHIPPED, `ke-hoach/${slug}/`).querySelector('h1')), slug).toBe(title);
  });
});
