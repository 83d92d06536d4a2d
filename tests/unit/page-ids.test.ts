/**
 * Page ids unique across the search index's shards (src/lib/search/page-ids.ts
 * and the build's indexing, src/integrations/pagefind.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFacetTable } from '../../src/integrations/facet-table.ts';
import { indexShards } from '../../src/integrations/pagefind.ts';
import { readStoredPage, storedPageFile, storedPageIds } from '../../src/integrations/stored-pages.ts';
import { repeatedIds, SALT_META, saltPage } from '../../src/lib/search/page-ids.ts';
import type { Shard } from '../../src/lib/search/shards.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><nav>Trang chủ</nav>` +
  `<article class="plan" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="title">${title}</span>` +
  `<span data-pagefind-filter="nam">2020</span></div><h1>${title}</h1><p>${body}</p></article></body></html>`;

describe('saltPage', () => {
  it('puts the salt as a meta field right inside the Pagefind body, one dash per salt number', () => {
    const html = page('Kế hoạch CCHC', 'Nội dung');
    const salted = saltPage(html, 3);
    expect(salted).toBe(
      html.replace('data-pagefind-body>', `data-pagefind-body><span data-pagefind-meta="${SALT_META}:---"></span>`),
    );
  });

  it('refuses a page Pagefind would not read, and a salt that is not a positive whole number', () => {
    expect(() => saltPage('<main><p>Không có thân trang</p></main>', 1)).toThrow(/data-pagefind-body/);
    expect(() => saltPage(page('A', 'B'), 0)).toThrow(RangeError);
    expect(() => saltPage(page('A', 'B'), 1.5)).toThrow(RangeError);
  });
});

describe('repeatedIds', () => {
  it('lists, in their order, the ids already taken', () => {
    expect(repeatedIds(new Set(['vi_1', 'vi_3']), ['vi_3', 'vi_2', 'vi_1'])).toEqual(['vi_3', 'vi_1']);
    expect(repeatedIds(new Set(), ['vi_1'])).toEqual([]);
  });
});

describe('indexShards with ids that repeat across shards', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const PLANS: Record<string, string> = {
    'ke-hoach-a': 'Cải cách thủ tục hành chính cấp xã',
    'ke-hoach-b': 'Chuyển đổi số trong cơ quan nhà nước',
    'ke-hoach-c': 'Nâng cao Chỉ số PAR INDEX',
    'ke-hoach-d': 'Tinh gọn bộ máy, đổi mới công vụ',
  };
  const SHARDS: Shard[] = [
    { name: '2021-2026', path: '', slugs: ['ke-hoach-a', 'ke-hoach-b'] },
    { name: '2011-2020', path: '2011-2020/', slugs: ['ke-hoach-c', 'ke-hoach-d'] },
  ];

  function site(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kho-ids-'));
    dirs.push(dir);
    for (const [slug, title] of Object.entries(PLANS)) {
      mkdirSync(join(dir, 'ke-hoach', slug), { recursive: true });
      writeFileSync(join(dir, 'ke-hoach', slug, 'index.html'), page(title, `${title}: nội dung kế hoạch năm 2020.`));
    }
    return dir;
  }

  /** Each stored page of each shard, by plan. */
  function stored(dir: string) {
    return Object.fromEntries(
      SHARDS.flatMap((s) =>
        storedPageIds(join(dir, 'pagefind', s.path)).map((id) => {
          const p = readStoredPage(storedPageFile(join(dir, 'pagefind', s.path), id));
          return [p.url.split('/')[2], { id, shard: s.name, ...p }];
        }),
      ),
    );
  }

  async function index(dir: string, reserved?: Set<string>) {
    const lines: string[] = [];
    const pagefind = await import('pagefind');
    const count = await indexShards(pagefind, dir, SHARDS, { info: (l: string) => lines.push(l) }, reserved);
    return { count, lines };
  }

  it('indexes again, with a salt, the plans whose ids were taken, and loses no plan', async () => {
    const plain = site();
    await index(plain);
    const before = stored(plain);
    expect(Object.keys(before).sort()).toEqual(Object.keys(PLANS));

    // Ids another index already uses: one plan's of each shard. Both shards
    // must then give those plans other ids, and leave the rest alone.
    const salted = site();
    const taken = new Set([before['ke-hoach-a'].id, before['ke-hoach-c'].id]);
    const { count, lines } = await index(salted, taken);
    const after = stored(salted);

    expect(count).toBe(4);
    expect(Object.keys(after).sort()).toEqual(Object.keys(PLANS));
    for (const slug of ['ke-hoach-a', 'ke-hoach-c']) {
      expect(taken.has(after[slug].id)).toBe(false);
      expect(after[slug].meta[SALT_META]).toBe('-');
      // The salt adds no searchable word and changes nothing a reader sees.
      expect(after[slug].wordCount).toBe(before[slug].wordCount);
      expect(after[slug].meta.title).toBe(before[slug].meta.title);
    }
    for (const slug of ['ke-hoach-b', 'ke-hoach-d']) {
      expect(after[slug].id).toBe(before[slug].id);
      expect(after[slug].meta[SALT_META]).toBeUndefined();
    }
    // Nothing of the first run stays behind: one stored page per plan.
    expect(SHARDS.map((s) => storedPageIds(join(salted, 'pagefind', s.path)).length)).toEqual([2, 2]);
    expect(lines.filter((l) => /trùng mã/.test(l))).toEqual([
      expect.stringContaining(`Mảnh 2021-2026: 1 trang trùng mã với trang ở mảnh khác (${before['ke-hoach-a'].id})`),
      expect.stringContaining(`Mảnh 2011-2020: 1 trang trùng mã với trang ở mảnh khác (${before['ke-hoach-c'].id})`),
    ]);
    // The facet table, which knows plans by id, lists every plan.
    expect(writeFacetTable(salted, SHARDS.map((s) => s.path))).toBe(4);
  });

  it('makes the facet table stop the build, naming both shards, if an id still repeats', async () => {
    const dir = site();
    await index(dir);
    const { id } = stored(dir)['ke-hoach-a'];
    cpSync(storedPageFile(join(dir, 'pagefind'), id), storedPageFile(join(dir, 'pagefind', '2011-2020/'), id));
    expect(() => writeFacetTable(dir, SHARDS.map((s) => s.path))).toThrow(
      `Bảng facet: mã trang ${id} có ở cả pagefind/ và pagefind/2011-2020/; hai kế hoạch sẽ bị gộp làm một.`,
    );
  });
});
