/**
 * What the built pages say to machines and to archivists: JSON-LD, meta
 * description, Open Graph and canonical URLs; feeds, sitemap and robots.txt;
 * provenance on every plan page; the statistics page's charts and tables.
 */
import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_URL } from '../../src/config.ts';
import { formatDate, todayInVietnam } from '../../src/lib/dates.ts';
import { ISSUER_LEVELS, REFORM_AREAS, keysOf } from '../../src/data/taxonomy.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_SITE_URL } from '../helpers/paths.ts';
import { page, testPlans, text, textOf, type TestPlan } from './site.ts';

let plans: TestPlan[];

beforeAll(() => {
  plans = testPlans();
});

const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
const meta = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute('content');

describe('plan pages: structured data', () => {
  it('carry a schema.org Legislation that matches the entry', () => {
    for (const { facts } of plans) {
      const { plan } = facts;
      const data = jsonLd(page(SITE_ROOT, `ke-hoach/${facts.slug}/`));
      const pageUrl = `${TEST_SITE_URL}/ke-hoach/${facts.slug}/`;
      expect(data['@context'], facts.slug).toBe('https://schema.org');
      expect(data['@type']).toBe('Legislation');
      expect(data.url).toBe(pageUrl);
      expect(data.name).toBe(plan.title);
      expect(data.legislationIdentifier).toBe(plan.documentNumber);
      expect(data.legislationDate).toBe(plan.issuedOn);
      expect(data.legislationType).toBe(facts.typeLabel);
      expect(data.legislationPassedBy).toEqual({ '@type': 'GovernmentOrganization', name: plan.issuer.name });
      const jurisdiction = plan.district ? data.legislationJurisdiction.containedInPlace : data.legislationJurisdiction;
      expect(jurisdiction.name).toBe(facts.unit?.fullName ?? 'Việt Nam');
      expect(data.inLanguage).toBe('vi');
      const named = plan.source.publisher !== undefined;
      const [source, ...cited] = plan.source.url || named ? data.isBasedOn : [undefined, ...data.isBasedOn];
      if (source) expect(source.publisher?.name).toBe(named ? plan.source.publisher : undefined);
      if (source) expect(source.url).toBe(plan.source.url);
      for (const c of cited) expect(c.url.startsWith(`${TEST_SITE_URL}/van-ban/`), c.url).toBe(true);
      expect(cited.map((c: { legislationIdentifier: string }) => c.legislationIdentifier)).toEqual(
        expect.arrayContaining((plan.legalBases ?? []).map((b) => (typeof b === 'string' ? b : b.number))),
      );
    }
  });

  it('have a description from the summary, Open Graph tags and a canonical URL from SITE_URL', () => {
    for (const { facts } of plans) {
      for (const [dir, base] of [
        [SITE_ROOT, '/'],
        [SITE_SUB, SUB_BASE],
      ]) {
        const doc = page(dir, `ke-hoach/${facts.slug}/`);
        const url = `${TEST_SITE_URL}${base}ke-hoach/${facts.slug}/`;
        expect(meta(doc, 'meta[name="description"]'), facts.slug).toBe(facts.plan.summary);
        expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url);
        expect(meta(doc, 'meta[property="og:url"]')).toBe(url);
        expect(meta(doc, 'meta[property="og:type"]')).toBe('article');
        expect(meta(doc, 'meta[property="og:title"]')).toBe(facts.plan.title);
        expect(meta(doc, 'meta[property="og:description"]')).toBe(facts.plan.summary);
        expect(meta(doc, 'meta[property="og:locale"]')).toBe('vi_VN');
        expect(jsonLd(doc)['@id']).toBe(url);
      }
    }
  });
});

describe('plan pages: provenance', () => {
  it('show the source, the retrieval date, the last change and the entry file in the repository', () => {
    for (const { facts, file } of plans) {
      const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
      const source = textOf(doc.querySelector('.source'));
      expect(source, facts.slug).toContain('Ngày truy cập');
      if (facts.plan.source.url) expect(doc.querySelector(`a[href="${facts.plan.source.url}"]`), facts.slug).not.toBeNull();
      if (facts.plan.source.retrievedOn) expect(source).toContain(formatDate(facts.plan.source.retrievedOn));
      // The fixture entries are copies git does not track: the file's own date, never the build's.
      const updated = doc.querySelector('[data-updated-on]')!;
      expect(updated.getAttribute('data-updated-on')).toBe(todayInVietnam(statSync(file).mtime));
      expect(textOf(updated)).toBe(formatDate(updated.getAttribute('data-updated-on')!));
      expect(doc.querySelector('[data-entry-file]')!.getAttribute('href')).toBe(`${REPOSITORY_URL}/blob/main/src/content/plans/${facts.slug}.mdx`);
      expect(doc.querySelector(`a[href="${REPOSITORY_URL}/edit/main/src/content/plans/${facts.slug}.mdx"]`)).not.toBeNull();
    }
  });
});

describe('feeds', () => {
  it('rss.xml lists the newest plans with links under the base', () => {
    for (const [dir, base] of [
      [SITE_ROOT, '/'],
      [SITE_SUB, SUB_BASE],
    ]) {
      const xml = text(dir, 'rss.xml');
      const links = [...xml.matchAll(/<item>.*?<link>(.*?)<\/link>/gs)].map((m) => m[1]);
      expect(links).toEqual(plans.slice(0, 50).map((p) => `${TEST_SITE_URL}${base}ke-hoach/${p.facts.slug}/`));
      expect(xml).toContain(`<channel><title>`);
      expect(xml.match(/<channel>.*?<link>(.*?)<\/link>/s)![1]).toBe(`${TEST_SITE_URL}${base}`);
      expect(xml).not.toMatch(/lastBuildDate/);
    }
  });

  it('the sitemap index, the sitemap and robots.txt agree on the base', () => {
    for (const [dir, base] of [
      [SITE_ROOT, '/'],
      [SITE_SUB, SUB_BASE],
    ]) {
      const index = text(dir, 'sitemap-index.xml');
      const sitemaps = [...index.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
      expect(sitemaps.length).toBeGreaterThan(0);
      const urls = sitemaps.flatMap((s) => {
        expect(s.startsWith(`${TEST_SITE_URL}${base}`), s).toBe(true);
        return [...text(dir, s.slice(`${TEST_SITE_URL}${base}`.length)).matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
      });
      for (const p of ['', 'du-lieu/', 'thong-ke/', 'van-ban/', ...plans.map((x) => `ke-hoach/${x.facts.slug}/`)]) {
        expect(urls, p).toContain(`${TEST_SITE_URL}${base}${p}`);
      }
      expect(text(dir, 'robots.txt')).toContain(`Sitemap: ${TEST_SITE_URL}${base}sitemap-index.xml`);
      expect(statSync(`${dir}/404.html`).isFile()).toBe(true);
    }
  });
});

describe('/thong-ke/', () => {
  let doc: Document;
  const table = (id: string) => [...doc.querySelectorAll(`[data-chart="${id}"] table tbody tr`)].map((tr) => [textOf(tr.querySelector('th')), Number(textOf(tr.querySelector('td:last-child')).replace(/\./g, ''))]);

  beforeAll(() => {
    doc = page(SITE_ROOT, 'thong-ke/');
  });

  it('runs no script and draws each chart as SVG followed by a table', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const charts = [...doc.querySelectorAll('[data-chart]')];
    expect(charts.map((c) => c.getAttribute('data-chart'))).toEqual(['theo-nam', 'theo-tinh', 'theo-linh-vuc', 'theo-cap']);
    for (const c of charts) {
      const svgs = [...c.querySelectorAll('figure svg')];
      expect(svgs.length).toBeGreaterThan(0);
      for (const svg of svgs) {
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.getAttribute('aria-label')).toContain(textOf(c.querySelector('h2')));
      }
      const figure = c.querySelector('figure')!;
      const table = c.querySelector('table')!;
      expect(figure.compareDocumentPosition(table) & 4, 'table after chart').toBe(4);
      expect(table.querySelector('caption')).not.toBeNull();
      expect(table.querySelectorAll('th[scope="col"]').length).toBeGreaterThan(1);
    }
  });

  it('counts plans by year of issue (or first year), every year shown', () => {
    const counts = new Map<string, number>();
    for (const { facts } of plans) {
      const y = facts.plan.issuedOn?.slice(0, 4) ?? String(facts.plan.period.from);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const rows = table('theo-nam');
    for (const [y, n] of rows) expect(n, String(y)).toBe(counts.get(String(y)) ?? 0);
    expect(rows.reduce((s, [, n]) => s + Number(n), 0)).toBe(plans.length);
    const years = rows.map(([y]) => Number(y));
    expect(years).toEqual(years.map((_, i) => years[0] + i));
  });

  it('counts plans by today\'s province, by area and by level', () => {
    const rows = table('theo-tinh');
    for (const [label, n] of rows) {
      const expected = plans.filter((p) => (p.facts.now ? p.facts.now.name === label : (p.facts.plan.issuer.level === 'trung-uong' ? 'Toàn quốc' : 'Không rõ') === label));
      expect(n, String(label)).toBe(expected.length);
    }
    expect(rows.reduce((s, [, n]) => s + Number(n), 0)).toBe(plans.length);
    for (const [i, [label, n]] of table('theo-linh-vuc').entries()) {
      const area = keysOf(REFORM_AREAS)[i];
      expect(label).toBe(REFORM_AREAS[area].label);
      expect(n, area).toBe(plans.filter((p) => p.facts.plan.reformAreas.includes(area)).length);
    }
    for (const [i, [label, n]] of table('theo-cap').entries()) {
      const level = keysOf(ISSUER_LEVELS)[i];
      expect(label).toBe(ISSUER_LEVELS[level].label);
      expect(n, level).toBe(plans.filter((p) => p.facts.plan.issuer.level === level).length);
    }
  });

  it('names the former units inside today\'s province', () => {
    const former = plans.find((p) => p.facts.unit && p.facts.now && p.facts.unit.id !== p.facts.now.id)!;
    const row = [...doc.querySelectorAll('[data-chart="theo-tinh"] tbody tr')].find((tr) => textOf(tr.querySelector('th')) === former.facts.now!.name)!;
    expect(textOf(row)).toContain(former.facts.provinceText);
  });
});
