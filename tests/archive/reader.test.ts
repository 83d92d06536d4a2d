/**
 * The reader's archive, read from the built fixture site: empty places that
 * invite a contribution, archived copies of sources, labelled cards and a
 * right heading outline, feeds per province, level and area, the spreadsheet
 * CSV, the glossary and the about page. Expectations come from the fixture
 * entries, read again from disk.
 */
import { parse } from 'csv-parse/sync';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { ISSUER_LEVELS, REFORM_AREAS, DOCUMENT_TYPES, INDICES, keysOf } from '../../src/data/taxonomy.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { CURRENT_PROVINCES } from '../../src/lib/provinces.ts';
import { schemaFields, type JsonSchema } from '../../src/lib/schema-fields.ts';
import { exportRecordJsonSchema } from '../../src/schemas/export.ts';
import { CONTRIBUTING_URL } from '../../src/utils/repository.ts';
import { SITE_ROOT, SITE_SUB, SUB_BASE, TEST_SITE_URL } from '../helpers/paths.ts';
import { page, testPlans, text, textOf, type TestPlan } from './site.ts';

let plans: TestPlan[];
beforeAll(() => {
  plans = testPlans();
});

/** Every browse list: its path and the plans it holds, newest first. */
function browseLists(): Array<{ path: string; plans: TestPlan[] }> {
  return [
    ...CURRENT_PROVINCES.map((p) => ({ path: `tinh/${p.slug}/`, plans: plans.filter((x) => x.facts.now?.id === p.id) })),
    ...keysOf(ISSUER_LEVELS).map((l) => ({ path: `cap/${l}/`, plans: plans.filter((x) => x.facts.plan.issuer.level === l) })),
    ...keysOf(REFORM_AREAS).map((a) => ({ path: `linh-vuc/${a}/`, plans: plans.filter((x) => x.facts.plan.reformAreas.includes(a)) })),
  ];
}

describe('empty places', () => {
  it('a province, level or area page without plans says so and links the contributors\' guide', () => {
    const lists = browseLists();
    expect(lists.filter((l) => l.plans.length === 0).length).toBeGreaterThan(10);
    for (const { path, plans: held } of lists) {
      const notice = page(SITE_ROOT, path).querySelector('[data-empty]');
      if (held.length > 0) {
        expect(notice, path).toBeNull();
        continue;
      }
      expect(textOf(notice), path).toMatch(/^Chưa có kế hoạch nào .+ trong kho\./);
      expect(notice!.querySelector(`a[href="${CONTRIBUTING_URL}"]`), path).not.toBeNull();
    }
  });

  it('the province index lists the provinces with plans apart from those without, in words', () => {
    const doc = page(SITE_ROOT, 'tinh/');
    const slugs = (group: string) => [...doc.querySelectorAll(`[data-group="${group}"] a`)].map((a) => a.getAttribute('href')!.split('/').at(-2));
    const withPlans = CURRENT_PROVINCES.filter((p) => plans.some((x) => x.facts.now?.id === p.id)).map((p) => p.slug);
    expect(slugs('co-ke-hoach').sort()).toEqual(withPlans.sort());
    expect(slugs('chua-co-ke-hoach').length).toBe(CURRENT_PROVINCES.length - withPlans.length);
    expect(textOf(doc.querySelector('#co-ke-hoach'))).toBe(`Đã có kế hoạch trong kho (${withPlans.length})`);
    for (const li of doc.querySelectorAll('[data-group="chua-co-ke-hoach"] li')) expect(textOf(li)).toContain('(chưa có kế hoạch)');
  });
});

describe('sources that last', () => {
  it('every source address links its Wayback Machine copy, at the retrieval or publication date', () => {
    let linked = 0;
    for (const { facts } of plans) {
      const { source } = facts.plan;
      const doc = page(SITE_ROOT, `ke-hoach/${facts.slug}/`);
      const copy = doc.querySelector('a[data-archived-copy]');
      if (!source.url) {
        expect(copy, facts.slug).toBeNull();
        continue;
      }
      linked++;
      const date = source.retrievedOn ?? source.publishedOn;
      const stamp = date ? date.replaceAll('-', '') : '*';
      expect(copy!.getAttribute('href'), facts.slug).toBe(`https://web.archive.org/web/${stamp}/${source.url}`);
      expect(textOf(copy)).toBe('Bản lưu trữ (Wayback Machine)');
      expect(doc.querySelector('a[data-source-url]')!.getAttribute('href')).toBe(source.url);
    }
    expect(linked).toBeGreaterThan(2);
  });
});

describe('labels and headings', () => {
  it('labels every value of a plan card', () => {
    const labels = ['Số ký hiệu', 'Cơ quan ban hành', 'Ngày ban hành', 'Tỉnh'];
    const cards = [...page(SITE_ROOT, 'ke-hoach/').querySelectorAll('.plan-card-meta')];
    expect(cards.length).toBe(Math.min(plans.length, 50));
    for (const card of cards) {
      expect([...card.querySelectorAll('span')].map((s) => textOf(s).split(': ')[0])).toEqual(labels);
    }
  });

  it('names the entry file as the plan\'s data file in the repository', () => {
    const doc = page(SITE_ROOT, `ke-hoach/${plans[0].facts.slug}/`);
    const dd = doc.querySelector('[data-entry-file]')!.closest('dd')!;
    expect(textOf(dd.previousElementSibling)).toBe('Tệp dữ liệu trong kho mã nguồn');
    expect(textOf(dd)).toContain('không phải văn bản gốc');
  });

  it('nests a body\'s headings under the page\'s, with no level skipped', () => {
    for (const { facts } of plans) {
      const headings = [...page(SITE_ROOT, `ke-hoach/${facts.slug}/`).querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')];
      const levels = headings.map((h) => Number(h.tagName[1]));
      expect(levels[0], facts.slug).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], facts.slug).toBeLessThanOrEqual(1);
      expect([...page(SITE_ROOT, `ke-hoach/${facts.slug}/`).querySelectorAll('.plan-body h2')].map(textOf)).toEqual(['Nội dung']);
    }
    const doc = page(SITE_ROOT, 'ke-hoach/2018-tien-giang-ubnd-252-kh-ubnd/');
    expect([...doc.querySelectorAll('.plan-body h3')].map(textOf)).toContain('Nội dung');
  });
});

describe('feeds to follow', () => {
  const xml = (dir: string, path: string) => new DOMParser().parseFromString(text(dir, path), 'text/xml') as unknown as Document;

  it('each province, level and area page links its feed, which lists its newest plans', () => {
    for (const { path, plans: held } of browseLists()) {
      const doc = page(SITE_ROOT, path);
      const feed = `/${path}rss.xml`;
      expect(doc.querySelector(`link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`), path).not.toBeNull();
      expect(doc.querySelector(`a[data-feed][href="${feed}"]`), path).not.toBeNull();
      const rss = xml(SITE_ROOT, `${path}rss.xml`);
      expect(rss.querySelector('parsererror'), path).toBeNull();
      expect(rss.querySelector('channel > link')!.textContent, path).toBe(`${TEST_SITE_URL}/${path}`);
      const links = [...rss.querySelectorAll('item > link')].map((l) => l.textContent);
      expect(links, path).toEqual(held.slice(0, 50).map((p) => `${TEST_SITE_URL}/ke-hoach/${p.facts.slug}/`));
      const titles = [...rss.querySelectorAll('item > title')].map((t) => t.textContent);
      expect(titles, path).toEqual(held.slice(0, 50).map((p) => p.facts.plan.title));
    }
  });

  it('keeps the base in a sub-path build', () => {
    const province = CURRENT_PROVINCES.find((p) => plans.some((x) => x.facts.now?.id === p.id))!;
    const doc = page(SITE_SUB, `tinh/${province.slug}/`);
    expect(doc.querySelector(`link[rel="alternate"][href="${SUB_BASE}tinh/${province.slug}/rss.xml"]`)).not.toBeNull();
    const rss = xml(SITE_SUB, `tinh/${province.slug}/rss.xml`);
    for (const l of rss.querySelectorAll('item > link')) expect(l.textContent).toMatch(new RegExp(`^${TEST_SITE_URL}${SUB_BASE}ke-hoach/`));
  });
});

describe('the spreadsheet CSV', () => {
  const fields = schemaFields(exportRecordJsonSchema() as JsonSchema);
  const columns = fields.filter((f) => f.column);

  it('has the fields\' Vietnamese names as headers, a BOM, and one row per plan', () => {
    const raw = text(SITE_ROOT, 'du-lieu/ke-hoach-bang-tinh.csv');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const [header] = parse(raw, { bom: true, to_line: 1 }) as string[][];
    expect(header).toEqual(columns.map((f) => f.title));
    expect(new Set(header).size).toBe(header.length);
    expect(parse(raw, { bom: true, from_line: 2 }).length).toBe(plans.length);
  });

  it('writes labels instead of codes and dates as dd/mm/yyyy; the machine CSV keeps its codes', () => {
    const readable: Record<string, string>[] = parse(text(SITE_ROOT, 'du-lieu/ke-hoach-bang-tinh.csv'), { bom: true, columns: true });
    const machine: Record<string, string>[] = parse(text(SITE_ROOT, 'du-lieu/ke-hoach.csv'), { bom: true, columns: true });
    const title = (path: string) => fields.find((f) => f.path === path)!.title!;
    for (const row of readable) {
      const p = plans.find((x) => x.facts.plan.title === row[title('title')] && x.facts.slug === row[title('slug')])!.facts.plan;
      expect(row[title('documentType')]).toBe(DOCUMENT_TYPES[p.documentType].label);
      expect(row[title('issuer.level')]).toBe(ISSUER_LEVELS[p.issuer.level].label);
      expect(row[title('reformAreas')].split('; ')).toEqual(p.reformAreas.map((a) => REFORM_AREAS[a].label));
      expect(row[title('indices')]).toBe((p.indices ?? []).map((i) => INDICES[i].label).join('; '));
      expect(row[title('issuedOn')]).toBe(p.issuedOn ? formatDate(p.issuedOn) : '');
      expect(row[title('updatedOn')]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      for (const f of fields.filter((x) => x.column && (x.kind === 'date' || x.path === 'legalBases'))) {
        expect(row[f.title!], f.path).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    }
    expect(machine[0].reformAreas.split('; ').every((a) => a in REFORM_AREAS)).toBe(true);
    const quangNam = readable.find((r) => r[title('slug')] === 'archive-2020-quang-nam-snv-kh-cchc')!;
    expect(quangNam[title('legalBases')]).toContain('31/12/2019');
  });

  it('is listed on /du-lieu/', () => {
    expect(page(SITE_ROOT, 'du-lieu/').querySelector('main a[href="/du-lieu/ke-hoach-bang-tinh.csv"]')).not.toBeNull();
  });
});

describe('glossary and about page', () => {
  it('/thuat-ngu/ explains the abbreviations, indices, one-stop mechanisms, areas and levels', () => {
    const doc = page(SITE_ROOT, 'thuat-ngu/');
    const terms = [...doc.querySelectorAll('[data-term]')].map((e) => e.getAttribute('data-term'));
    const expected = ['CCHC', 'TTHC', 'PAR Index', 'SIPAS', 'PAPI', 'PCI', 'DTI', 'DDCI', 'ICT Index', 'Một cửa liên thông'];
    for (const t of [...expected, ...Object.values(REFORM_AREAS).map((a) => a.label), ...Object.values(ISSUER_LEVELS).map((l) => l.label)]) {
      expect(terms, t).toContain(t);
    }
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const dd of doc.querySelectorAll('[data-term] dd')) expect(textOf(dd).length).toBeGreaterThan(10);
  });

  it('a plan page links its indices to their glossary entries', () => {
    const glossaryIds = new Set([...page(SITE_ROOT, 'thuat-ngu/').querySelectorAll('[id]')].map((e) => e.id));
    let checked = 0;
    for (const { facts } of plans.filter((p) => p.facts.plan.indices?.length)) {
      const links = [...page(SITE_ROOT, `ke-hoach/${facts.slug}/`).querySelectorAll('.meta-table a[href^="/thuat-ngu/#"]')];
      const anchors = links.map((a) => a.getAttribute('href')!.split('#')[1]);
      for (const i of facts.plan.indices!) expect(anchors, facts.slug).toContain(`chi-so-${i}`);
      for (const a of anchors) expect(glossaryIds.has(a), a).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('a plan body links the first use of an abbreviation to its glossary entry, under the base', () => {
    const glossaryIds = new Set([...page(SITE_ROOT, 'thuat-ngu/').querySelectorAll('[id]')].map((e) => e.id));
    const withCchc = plans.filter((p) => /(?<![\p{L}])CCHC(?![\p{L}])/u.test(p.body));
    expect(withCchc.length).toBeGreaterThan(1);
    for (const { facts } of withCchc) {
      for (const [dir, base] of [[SITE_ROOT, '/'], [SITE_SUB, SUB_BASE]]) {
        const links = [...page(dir, `ke-hoach/${facts.slug}/`).querySelectorAll('.plan-body a abbr')].map((a) => [a.parentElement!.getAttribute('href'), textOf(a)]);
        expect(links.filter(([, t]) => t === 'CCHC'), facts.slug).toEqual([[`${base}thuat-ngu/#viet-tat-cchc`, 'CCHC']]);
        for (const [href] of links) expect(glossaryIds.has(href!.split('#')[1]), href!).toBe(true);
      }
    }
  });

  it('/gioi-thieu/ says what the archive holds and not, how entries are checked and how to report an error', () => {
    const doc = page(SITE_ROOT, 'gioi-thieu/');
    expect([...doc.querySelectorAll('main h2')].map(textOf)).toEqual(['Kho lưu gì', 'Kho không lưu gì', 'Một mục được soạn và kiểm tra thế nào', 'Báo một lỗi']);
    expect(doc.querySelector(`a[href="${CONTRIBUTING_URL}"]`)).not.toBeNull();
  });

  it('every page\'s footer links both', () => {
    for (const path of ['', 'ke-hoach/', `ke-hoach/${plans[0].facts.slug}/`, 'du-lieu/', 'tim-kiem/']) {
      const footer = page(SITE_ROOT, path).querySelector('footer')!;
      for (const href of ['/gioi-thieu/', '/thuat-ngu/']) expect(footer.querySelector(`a[href="${href}"]`), `${path} ${href}`).not.toBeNull();
    }
  });
});
