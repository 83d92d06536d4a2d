/**
 * The fixture archive (shipped plans + tests/fixtures/plans) as built by the
 * global setup: every page exists, metadata reads as Vietnamese, and nothing
 * leaks a JavaScript placeholder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFORM_AREAS, ISSUER_LEVELS, keysOf } from '../../src/data/taxonomy.ts';
import { CURRENT_PROVINCES } from '../../src/lib/provinces.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { newestFirst, planFacts, type PlanFacts } from '../../src/lib/plan-facts.ts';
import { readEntries, validateAll } from '../../src/lib/entries.ts';
import { listFiles, metaValue, readPage } from '../helpers/dist.ts';
import { SITE_ROOT, TEST_PLANS } from '../helpers/paths.ts';

let files: string[];
let facts: PlanFacts[];

beforeAll(() => {
  files = listFiles(SITE_ROOT);
  const entries = readEntries(TEST_PLANS);
  const { plans } = validateAll(entries);
  facts = entries.filter((e) => plans.has(e.file)).map((e) => planFacts(e.slug, plans.get(e.file)!)).sort(newestFirst);
});

const has = (path: string) => files.includes(path);
const bySlug = (slug: string) => facts.find((f) => f.slug === slug)!;

describe('pages', () => {
  it('has the fixed pages', () => {
    for (const p of ['index.html', 'ke-hoach/index.html', 'tinh/index.html', 'nam/index.html', 'linh-vuc/index.html', 'cap/index.html', '404.html']) {
      expect(has(p), p).toBe(true);
    }
  });

  it('has a page for every plan and every browse key', () => {
    for (const f of facts) expect(has(`ke-hoach/${f.slug}/index.html`), f.slug).toBe(true);
    for (const p of CURRENT_PROVINCES) expect(has(`tinh/${p.slug}/index.html`), p.slug).toBe(true);
    for (const y of new Set(facts.flatMap((f) => f.years))) expect(has(`nam/${y}/index.html`), String(y)).toBe(true);
    for (const a of keysOf(REFORM_AREAS)) expect(has(`linh-vuc/${a}/index.html`), a).toBe(true);
    for (const l of keysOf(ISSUER_LEVELS)) expect(has(`cap/${l}/index.html`), l).toBe(true);
  });

  it('is in Vietnamese with landmarks and a skip link on every page', () => {
    for (const file of files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const html = readFileSync(join(SITE_ROOT, file), 'utf8');
      expect(html, file).toMatch(/<html lang="vi"/);
      const doc = readPage(SITE_ROOT, file);
      expect(doc.querySelector('main#noi-dung'), file).not.toBeNull();
      expect(doc.querySelector('header'), file).not.toBeNull();
      expect(doc.querySelector('footer'), file).not.toBeNull();
      expect(doc.querySelector('a.skip-link[href="#noi-dung"]'), file).not.toBeNull();
      expect(doc.querySelectorAll('h1').length, file).toBe(1);
    }
  });

  it('leaks no undefined, NaN or [object Object] into any text file', () => {
    for (const file of files.filter((f) => /\.(html|xml|json|csv|txt|js|css)$/.test(f))) {
      const text = readFileSync(join(SITE_ROOT, file), 'utf8');
      // Minified JavaScript may legitimately contain the word `undefined`.
      const checked = file.endsWith('.js') ? '' : text;
      expect(checked, file).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
    }
  });

  it('ships no client JavaScript on plan, list and browse pages beyond two small scripts on plan pages', () => {
    const planScripts = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('.html') && !f.startsWith('tim-kiem/') && !f.startsWith('pagefind/'))) {
      const doc = readPage(SITE_ROOT, file);
      const scripts = [...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
      const isPlan = /^ke-hoach\/[^/]+\/index\.html$/.test(file);
      // A plan page may carry two scripts, the same files on every plan: the
      // search-highlight loader and the citation's copy button.
      expect(scripts.length, file).toBe(isPlan ? 2 : 0);
      if (isPlan) for (const s of scripts) planScripts.add(s.getAttribute('src') ?? '');
    }
    expect(planScripts.size).toBe(2);
    const code = [...planScripts].map((src) => readFileSync(join(SITE_ROOT, src), 'utf8'));
    for (const c of code) expect(c.length).toBeLessThan(4096);
    // The marking code is behind a dynamic import that runs only for readers coming from a search.
    expect(code.some((c) => /import\(/.test(c))).toBe(true);
    expect(code.some((c) => c.includes('data-copy-citation'))).toBe(true);
  });
});

describe('plan page', () => {
  it('shows the metadata in Vietnamese form', () => {
    const f = bySlug('2020-tien-giang-skhcn-44-kh-skhcn');
    const doc = readPage(SITE_ROOT, `ke-hoach/${f.slug}/`);
    expect(metaValue(doc, 'Số ký hiệu')).toBe('44/KH-SKH&CN');
    expect(metaValue(doc, 'Loại văn bản')).toBe('Kế hoạch');
    expect(metaValue(doc, 'Ngày ban hành')).toBe('22/01/2020');
    expect(metaValue(doc, 'Cơ quan ban hành')).toBe(f.plan.issuer.name);
    expect(metaValue(doc, 'Cấp')).toBe('Sở, ngành');
    expect(metaValue(doc, 'Tỉnh')).toBe('Tiền Giang (nay thuộc Đồng Tháp)');
    expect(metaValue(doc, 'Giai đoạn')).toBe('2020');
    expect(doc.querySelector('h1')?.textContent).toBe(f.plan.title);
    expect(doc.querySelector('.summary')?.textContent).toBe(f.plan.summary);
    expect(doc.querySelector('nav.breadcrumbs [aria-current="page"]')?.textContent).toBe(f.plan.title);
    expect(doc.querySelector('.citation')?.textContent).toContain('44/KH-SKH&CN');
  });

  it('shows "Không rõ" where the source says nothing', () => {
    const noNumber = readPage(SITE_ROOT, 'ke-hoach/2020-lang-son-skhcn-tuyen-truyen-cchc/');
    expect(metaValue(noNumber, 'Số ký hiệu')).toBe('Không rõ');
    const noProvince = readPage(SITE_ROOT, 'ke-hoach/2020-ubnd-tinh-4003-qd-ubnd/');
    expect(metaValue(noProvince, 'Tỉnh')).toBe('Không rõ');
    const noDate = readPage(SITE_ROOT, 'ke-hoach/core-2019-thua-thien-hue-ubnd-cchc/');
    expect(metaValue(noDate, 'Ngày ban hành')).toBe('Không rõ');
    expect(metaValue(noDate, 'Tỉnh')).toBe('Thừa Thiên Huế (nay là Huế)');
    expect(metaValue(noDate, 'Giai đoạn')).toBe('2019–2020');
  });

  it('shows "Toàn quốc" for central bodies', () => {
    const doc = readPage(SITE_ROOT, 'ke-hoach/core-2021-bo-noi-vu-kh-bnv/');
    expect(metaValue(doc, 'Tỉnh')).toBe('Toàn quốc');
    expect(metaValue(doc, 'Ngày ban hành')).toBe('15/03/2021');
  });

  it('names a district-level issuer with its district', () => {
    const doc = readPage(SITE_ROOT, 'ke-hoach/2020-quang-nam-que-son-82-qd-ubnd/');
    expect(metaValue(doc, 'Cấp')).toBe('Cấp huyện (Quế Sơn)');
    expect(metaValue(doc, 'Loại văn bản')).toBe('Quyết định');
    expect(metaValue(doc, 'Tỉnh')).toBe('Quảng Nam (nay thuộc Đà Nẵng)');
  });
});

describe('lists and browse pages', () => {
  const links = (doc: Document) => [...doc.querySelectorAll('.plan-list .plan-card-title a')].map((a) => a.getAttribute('href'));

  it('lists all plans newest first', () => {
    const doc = readPage(SITE_ROOT, 'ke-hoach/');
    expect(links(doc)).toEqual(facts.slice(0, 50).map((f) => `/ke-hoach/${f.slug}/`));
  });

  it('groups Đồng Tháp by the unit as issued, former Tiền Giang included', () => {
    const doc = readPage(SITE_ROOT, 'tinh/dong-thap/');
    const headings = [...doc.querySelectorAll('main h2')].map((h) => h.textContent?.trim());
    expect(headings).toContain('Ban hành bởi đơn vị: Đồng Tháp');
    expect(headings).toContain('Ban hành bởi đơn vị: Tiền Giang (nay thuộc Đồng Tháp)');
    const expected = facts.filter((f) => f.now?.id === 'dong-thap').map((f) => `/ke-hoach/${f.slug}/`);
    expect(new Set(links(doc))).toEqual(new Set(expected));
  });

  it('lists a plan under every year of its period', () => {
    const f = bySlug('2018-tien-giang-ubnd-252-kh-ubnd');
    for (const y of [2018, 2019, 2020]) expect(links(readPage(SITE_ROOT, `nam/${y}/`))).toContain(`/ke-hoach/${f.slug}/`);
  });

  it('home shows totals and the newest plans', () => {
    const doc = readPage(SITE_ROOT, '/');
    const stats = doc.querySelector('.stats')?.textContent ?? '';
    expect(stats).toContain(String(facts.length));
    const years = facts.flatMap((f) => f.years);
    expect(stats).toContain(`${Math.min(...years)}–${Math.max(...years)}`);
    expect(links(doc)[0]).toBe(`/ke-hoach/${facts[0].slug}/`);
    expect(doc.querySelector('form[role="search"]')?.getAttribute('action')).toBe('/tim-kiem/');
  });

  it('dates in lists are dd/mm/yyyy', () => {
    const doc = readPage(SITE_ROOT, 'ke-hoach/');
    const text = doc.querySelector('.plan-list')?.textContent ?? '';
    expect(text).toContain(`Ngày ban hành: ${formatDate('2020-01-22')}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
