/**
 * Citing a plan: the BibTeX and CSL-JSON files beside each plan page, read
 * back with citation-js (what reference managers and citation processors
 * use), the Highwire citation_* tags Zotero's connector reads, and the
 * citation block that links them. Expectations come from the fixture entries.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_SITE_URL } from '../helpers/paths.ts';
import { page, testPlans, text, textOf, type TestPlan } from './site.ts';

let plans: TestPlan[];
beforeAll(() => {
  plans = testPlans();
});

interface Csl {
  type: string;
  title: string;
  number?: string;
  publisher?: string;
  genre?: string;
  URL: string;
  author: Array<{ literal?: string; family?: string }>;
  issued?: { 'date-parts': number[][] };
}

const pageUrl = (slug: string) => `${TEST_SITE_URL}/ke-hoach/${slug}/`;
const dateParts = (iso?: string) => (iso ? [iso.split('-').map(Number)] : undefined);

describe('citation files', () => {
  it('the BibTeX file parses and holds the plan\'s title, issuer, number, date and URL', () => {
    for (const { facts } of plans) {
      const { plan } = facts;
      const items = new Cite(text(SITE_ROOT, `ke-hoach/${facts.slug}/trich-dan.bib`)).data as Csl[];
      expect(items.length, facts.slug).toBe(1);
      const [item] = items;
      expect(item.type, facts.slug).toBe('report');
      expect(item.title).toBe(plan.title);
      expect(item.number).toBe(plan.documentNumber);
      expect(item.publisher).toBe(plan.issuer.name);
      expect(item.author.map((a) => a.literal ?? a.family)).toEqual([plan.issuer.name]);
      // BibTeX has no day: year and month.
      expect(item.issued?.['date-parts']).toEqual(dateParts(plan.issuedOn)?.map((d) => d.slice(0, 2)));
      expect(item.genre).toBe(facts.typeLabel);
      expect(item.URL).toBe(pageUrl(facts.slug));
    }
  });

  it('escapes what LaTeX reads as commands, and keeps Vietnamese as written', () => {
    const withAmp = plans.find((p) => p.facts.plan.documentNumber?.includes('&'))!;
    const bib = text(SITE_ROOT, `ke-hoach/${withAmp.facts.slug}/trich-dan.bib`);
    expect(bib).toContain(withAmp.facts.plan.documentNumber!.replace('&', '\\&'));
    expect(bib).toContain(withAmp.facts.plan.issuer.name.replace('&', '\\&'));
  });

  it('the BibTeX title is one brace group, so that no style lower-cases a name in it', () => {
    for (const { facts } of plans) {
      const bib = text(SITE_ROOT, `ke-hoach/${facts.slug}/trich-dan.bib`);
      expect(bib, facts.slug).toMatch(/^\s*title = \{\{.*\}\},?$/m);
      expect(bib).not.toMatch(/month = \{[a-z]+ \d+\}/);
    }
  });

  it('the CSL-JSON file is an array of one item that citation-js reads as the same plan', () => {
    for (const { facts } of plans) {
      const raw = text(SITE_ROOT, `ke-hoach/${facts.slug}/trich-dan.json`);
      const json = JSON.parse(raw) as Csl[];
      expect(json.length).toBe(1);
      const [item] = new Cite(json).data as Csl[];
      expect(item.title, facts.slug).toBe(facts.plan.title);
      expect(item.number).toBe(facts.plan.documentNumber);
      expect(item.author).toEqual([{ literal: facts.plan.issuer.name }]);
      expect(item.issued?.['date-parts']).toEqual(dateParts(facts.plan.issuedOn));
      expect(item.URL).toBe(pageUrl(facts.slug));
    }
  });

  it('keeps the base in a sub-path build', () => {
    const { facts } = plans[0];
    const [item] = JSON.parse(text(SITE_SUB, `ke-hoach/${facts.slug}/trich-dan.json`)) as Csl[];
    expect(item.URL).toBe(`${TEST_SITE_URL}${SUB_BASE}ke-hoach/${facts.slug}/`);
    const links = [...page(SITE_SUB, `ke-hoach/${facts.slug}/`).querySelectorAll('a[data-citation-file]')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`${SUB_BASE}ke-hoach/${facts.slug}/trich-dan.bib`, `${SUB_BASE}ke-hoach/${facts.slug}/trich-dan.json`]);
  });
});

describe('plan pages', () => {
  it('carry the Highwire citation tags Zotero reads', () => {
    for (const { facts } of plans) {
      const { plan } = facts;
      const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
      const tag = (name: string) => [...doc.querySelectorAll(`head meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
      expect(tag('citation_title'), facts.slug).toEqual([plan.title]);
      expect(tag('citation_author')).toEqual([plan.issuer.name]);
      const date = plan.issuedOn ? [plan.issuedOn.replaceAll('-', '/')] : [];
      expect(tag('citation_publication_date')).toEqual(date);
      expect(tag('citation_date')).toEqual(date);
      expect(tag('citation_technical_report_number')).toEqual(plan.documentNumber ? [plan.documentNumber] : []);
      expect(tag('citation_public_url')).toEqual([pageUrl(facts.slug)]);
      expect(tag('citation_language')).toEqual(['vi']);
    }
  });

  it('show the citation as text, a copy button hidden until its script runs, and link both files', () => {
    for (const { facts } of plans) {
      const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
      const block = doc.querySelector('[aria-labelledby="trich-dan"]')!;
      expect(textOf(block.querySelector('.citation')), facts.slug).toContain(pageUrl(facts.slug));
      const button = block.querySelector('button[data-copy-citation]')!;
      expect(textOf(button)).toBe('Sao chép trích dẫn');
      expect(button.hasAttribute('hidden')).toBe(true);
      for (const a of block.querySelectorAll('a[data-citation-file]')) {
        expect(existsSync(join(SITE_ROOT, a.getAttribute('href')!)), a.getAttribute('href')!).toBe(true);
      }
    }
  });

  it('load the copy script from a file, never inline', () => {
    const doc = page(SITE_ROOT, `ke-hoach/${plans[0].facts.slug}/`);
    const scripts = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s.getAttribute('src'), s.outerHTML.slice(0, 120)).toBeTruthy();
      expect(existsSync(join(SITE_ROOT, s.getAttribute('src')!))).toBe(true);
    }
    const sources = scripts.map((s) => text(SITE_ROOT, s.getAttribute('src')!)).join('\n');
    expect(sources).toContain('data-copy-citation');
  });
});
