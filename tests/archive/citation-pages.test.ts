/**
 * The citation graph as built: /van-ban/<key>/ pages, the /van-ban/ index,
 * and the links on plan pages. Expectations come from the fixture entries,
 * read again from disk, never from a hard-coded count.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { citationContext, citationKey, legalBaseCitations } from '../../src/lib/citations.ts';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { SITE_ROOT } from '../helpers/paths.ts';
import { page, testPlans, textOf, type TestPlan } from './site.ts';

let plans: TestPlan[];
const bySlug = (slug: string) => plans.find((p) => p.facts.slug === slug)!;
const vanBan = (key: string) => page(SITE_ROOT, `van-ban/${key}/`);
/** The plan links a page lists under "Kế hoạch viện dẫn", in order. */
const citingSlugs = (doc: Document) =>
  [...doc.querySelectorAll('[aria-labelledby="ke-hoach-vien-dan"] .plan-card-title a')].map((a) => a.getAttribute('href')!.split('/').at(-2));
const keysOnDisk = () => readdirSync(join(SITE_ROOT, 'van-ban')).filter((k) => k !== 'index.html' && k !== 'trang');

beforeAll(() => {
  plans = testPlans();
});

describe('one page per document, whatever the spelling', () => {
  it('gathers every plan that lists 30c/NQ-CP, in any spelling, on one page, newest first', () => {
    const citing = plans.filter((p) => legalBaseCitations(p.facts).some((c) => docNumberKey(c.number) === '30c-nq-cp'));
    const spellings = new Set(citing.flatMap((p) => legalBaseCitations(p.facts).filter((c) => docNumberKey(c.number) === '30c-nq-cp').map((c) => c.number)));
    expect(spellings.size).toBeGreaterThan(2);
    expect(keysOnDisk().filter((k) => k.startsWith('30c-'))).toEqual(['30c-nq-cp']);
    expect(citingSlugs(vanBan('30c-nq-cp'))).toEqual(citing.map((p) => p.facts.slug));
  });

  it('gathers a local document whose issuer is spelt in different ways', () => {
    const ha = ['archive-2019-ha-giang-snv-12-kh-snv', 'archive-2021-ha-giang-snv-9-kh-snv'].map(bySlug);
    const keys = ha.map((p) => legalBaseCitations(p.facts).find((c) => c.number === '82/QĐ-UBND')!);
    expect(keys[0].issuer).not.toBe(keys[1].issuer);
    expect(keys[0].key).toBe(keys[1].key);
    expect(citingSlugs(vanBan(keys[0].key)).sort()).toEqual(ha.map((p) => p.facts.slug).sort());
  });
});

describe('local numbers of different issuers', () => {
  it('gives two provinces\' 82/QĐ-UBND two pages that link each other', () => {
    const haGiang = legalBaseCitations(bySlug('archive-2019-ha-giang-snv-12-kh-snv').facts).find((c) => c.number === '82/QĐ-UBND')!;
    const binhDinh = legalBaseCitations(bySlug('archive-2019-binh-dinh-ubnd-kh-cchc').facts).find((c) => c.number === '82/QĐ-UBND')!;
    expect(haGiang.issuedOn).toBe(binhDinh.issuedOn);
    expect(haGiang.key).not.toBe(binhDinh.key);
    const a = vanBan(haGiang.key);
    const b = vanBan(binhDinh.key);
    expect(citingSlugs(b)).toEqual(['archive-2019-binh-dinh-ubnd-kh-cchc']);
    expect(citingSlugs(a)).not.toContain('archive-2019-binh-dinh-ubnd-kh-cchc');
    expect(textOf(a.querySelector('[data-issuer]'))).toBe('UBND tỉnh Hà Giang');
    expect(textOf(b.querySelector('[data-issuer]'))).toBe('UBND tỉnh Bình Định');
    const sameNumber = (doc: Document) => [...doc.querySelectorAll('[data-same-number] a')].map((x) => x.getAttribute('href'));
    expect(sameNumber(a)).toContain(`/van-ban/${binhDinh.key}/`);
    expect(sameNumber(b)).toContain(`/van-ban/${haGiang.key}/`);
  });

  it('keeps a number cited without issuer within the citing plan\'s province', () => {
    const inBody = (slug: string) => {
      const { facts } = bySlug(slug);
      return citationKey({ number: '15/KH-UBND' }, citationContext(facts));
    };
    const quangNam = inBody('archive-2020-quang-nam-snv-kh-cchc');
    const binhDinh = inBody('archive-2019-binh-dinh-ubnd-kh-cchc');
    expect(quangNam).not.toBe(binhDinh);
    expect(citingSlugs(vanBan(quangNam))).toEqual(['archive-2020-quang-nam-snv-kh-cchc']);
    expect(citingSlugs(vanBan(binhDinh))).toEqual(['archive-2019-binh-dinh-ubnd-kh-cchc']);
  });
});

describe('what a document page says', () => {
  it('derives type and issuer from the code of a number only the body names', () => {
    const doc = vanBan('26-ct-ttg');
    expect(textOf(doc.querySelector('[data-type]'))).toBe('Chỉ thị');
    expect(textOf(doc.querySelector('[data-issuer]'))).toBe('Thủ tướng Chính phủ (suy ra từ số ký hiệu)');
    expect(citingSlugs(doc)).toEqual(plans.filter((p) => p.body.includes('26/CT-TTg')).map((p) => p.facts.slug));
  });

  it('links a cited document that is itself in the archive, and the plan back to who cites it', () => {
    const queSon = bySlug('2020-quang-nam-que-son-82-qd-ubnd');
    const citing = bySlug('archive-2020-quang-nam-snv-kh-cchc');
    const ref = legalBaseCitations(citing.facts).find((c) => c.number === queSon.facts.plan.documentNumber)!;
    const doc = vanBan(ref.key);
    expect(doc.querySelector(`.doc-facts a[href="/ke-hoach/${queSon.facts.slug}/"]`)).not.toBeNull();
    const planPage = page(SITE_ROOT, `ke-hoach/${queSon.facts.slug}/`);
    expect([...planPage.querySelectorAll('[data-related="duoc-vien-dan"] a')].map((a) => a.getAttribute('href'))).toContain(
      `/ke-hoach/${citing.facts.slug}/`,
    );
  });
});

describe('/van-ban/', () => {
  it('lists every document page once, most cited first, with its count', () => {
    const doc = page(SITE_ROOT, 'van-ban/');
    const rows = [...doc.querySelectorAll('[data-documents] tbody tr')];
    const keys = rows.map((r) => r.querySelector('a')!.getAttribute('href')!.split('/').at(-2)!);
    expect(keys.sort()).toEqual(keysOnDisk().sort());
    const counts = rows.map((r) => Number(textOf(r.querySelector('[data-count]'))));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const [i, r] of rows.entries()) {
      const key = r.querySelector('a')!.getAttribute('href')!.split('/').at(-2)!;
      expect(citingSlugs(vanBan(key)).length, key).toBe(counts[i]);
    }
  });
});

describe('plan pages', () => {
  it('link each legal basis to its document page', () => {
    for (const { facts } of plans) {
      const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
      const row = [...doc.querySelectorAll('.meta-table tr')].find((tr) => textOf(tr.querySelector('th')) === 'Căn cứ')!;
      const hrefs = [...row.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs, facts.slug).toEqual(legalBaseCitations(facts).map((c) => `/van-ban/${c.key}/`));
      for (const h of hrefs) expect(existsSync(join(SITE_ROOT, h!, 'index.html')), h!).toBe(true);
    }
  });

  it('list the plans with a legal basis in common', () => {
    for (const { facts } of plans) {
      const mine = new Set(legalBaseCitations(facts).map((c) => c.key));
      const expected = plans.filter((p) => p.facts.slug !== facts.slug && legalBaseCitations(p.facts).some((c) => mine.has(c.key))).map((p) => p.facts.slug);
      const listed = [...page(SITE_ROOT, `ke-hoach/${facts.slug}/`).querySelectorAll('[data-related="cung-can-cu"] a')].map((a) => a.getAttribute('href')!.split('/').at(-2));
      // Body mentions add to the list; the legal bases alone must all be there.
      expect(listed, facts.slug).toEqual(expect.arrayContaining(expected.slice(0, 10)));
    }
    // Each item names the shared documents; most shared first.
    const items = [...page(SITE_ROOT, 'ke-hoach/archive-2019-ha-giang-snv-12-kh-snv/').querySelectorAll('[data-related="cung-can-cu"] li')];
    const shared = items.map((li) => textOf(li).split('cùng căn cứ: ')[1].replace(/\)$/, '').split(', '));
    expect(shared.map((s) => s.length)).toEqual(shared.map((s) => s.length).sort((a, b) => b - a));
    const sibling = items.findIndex((li) => li.querySelector('a')!.getAttribute('href') === '/ke-hoach/archive-2021-ha-giang-snv-9-kh-snv/');
    expect(shared[sibling]).toEqual(['30c/NQ-CP', '82/QĐ-UBND']);
  });

  it('link the same issuer\'s plans of other years', () => {
    const doc = page(SITE_ROOT, 'ke-hoach/archive-2019-ha-giang-snv-12-kh-snv/');
    const links = [...doc.querySelectorAll('[data-related="cac-nam-khac"] a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/ke-hoach/archive-2021-ha-giang-snv-9-kh-snv/']);
    expect(textOf(links[0])).toMatch(/^2021: /);
    const alone = page(SITE_ROOT, 'ke-hoach/archive-2019-binh-dinh-ubnd-kh-cchc/');
    expect(alone.querySelector('[data-related="cac-nam-khac"]')).toBeNull();
  });

  it('list the documents only the body names', () => {
    const { facts, body } = bySlug('archive-2019-ha-giang-snv-12-kh-snv');
    const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
    const mentioned = [...doc.querySelectorAll('[data-related="van-ban-nhac-den"] a')].map((a) => a.getAttribute('href'));
    expect(mentioned).toContain('/van-ban/26-ct-ttg/');
    expect(body).toContain('26/CT-TTg');
    expect(mentioned.some((h) => h!.includes('30c'))).toBe(false);
  });
});
