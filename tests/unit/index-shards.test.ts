/**
 * Indexing a sharded archive (src/integrations/pagefind.ts): page ids stay
 * apart across shards, and the facet table refuses a repeated one.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFacetTable } from '../../src/integrations/facet-table.ts';
import { indexShards } from '../../src/integrations/pagefind.ts';
import { readStoredPage, storedPageFile, storedPageIds } from '../../src/integrations/stored-pages.ts';
import { shardLanguage, type Shard } from '../../src/lib/search/shards.ts';

const PLANS: Record<string, string> = {
  'ke-hoach-a': 'Cải cách thủ tục hành chính cấp xã',
  'ke-hoach-b': 'Chuyển đổi số trong cơ quan nhà nước',
  'ke-hoach-c': 'Nâng cao Chỉ số PAR INDEX',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built site holding the plan pages, as Pagefind reads them. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kho-shards-'));
  dirs.push(dir);
  for (const [slug, title] of Object.entries(PLANS)) {
    mkdirSync(join(dir, 'ke-hoach', slug), { recursive: true });
    writeFileSync(
      join(dir, 'ke-hoach', slug, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><nav>Trang chủ</nav>` +
        `<article class="plan" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="title">${title}</span>` +
        `<span data-pagefind-filter="nam">2020</span></div><h1>${title}</h1><p>${title}: nội dung kế hoạch.</p></article></body></html>`,
    );
  }
  return dir;
}

const shard = (i: number, name: string, slugs: string[]): Shard => ({ name, path: i === 0 ? '' : `${name}/`, language: shardLanguage(i), slugs });

async function index(dir: string, shards: Shard[]) {
  const lines: string[] = [];
  const count = await indexShards(await import('pagefind'), dir, shards, { info: (l: string) => lines.push(l) });
  return { count, lines };
}

describe('indexShards', () => {
  it('gives a page that two shards store two ids, each naming its shard', async () => {
    // Pagefind names a page by a hash of what it stores, unique within one
    // index only; the same page in two shards is the surest repeat there is.
    const dir = site();
    const shards = [shard(0, '2021-2026', ['ke-hoach-a', 'ke-hoach-b']), shard(1, '2011-2020', ['ke-hoach-a', 'ke-hoach-c'])];
    const { count } = await index(dir, shards);
    expect(count).toBe(4);
    const ids = shards.map((s) => storedPageIds(join(dir, 'pagefind', s.path)));
    expect(ids.map((list) => list.length)).toEqual([2, 2]);
    ids.forEach((list, i) => list.forEach((id) => expect(id.startsWith(`${shards[i].language}_`)).toBe(true)));
    const hashOfA = (i: number) =>
      ids[i].find((id) => readStoredPage(storedPageFile(join(dir, 'pagefind', shards[i].path), id)).url === '/ke-hoach/ke-hoach-a/')!.split('_')[1];
    // The same hash in both shards, and still two ids.
    expect(hashOfA(0)).toBe(hashOfA(1));
    expect(new Set(ids.flat()).size).toBe(4);
    expect(writeFacetTable(dir, shards)).toBe(4);
  });

  it('makes the facet table stop the build, naming both shards, if an id repeats anyway', async () => {
    const dir = site();
    const shards = [shard(0, '2021-2026', ['ke-hoach-a', 'ke-hoach-b']), shard(1, '2011-2020', ['ke-hoach-c'])];
    await index(dir, shards);
    const [id] = storedPageIds(join(dir, 'pagefind'));
    cpSync(storedPageFile(join(dir, 'pagefind'), id), storedPageFile(join(dir, 'pagefind', '2011-2020/'), id));
    expect(() => writeFacetTable(dir, shards)).toThrow(
      `Bảng facet: mã trang ${id} có ở cả pagefind/ và pagefind/2011-2020/; hai kế hoạch sẽ bị gộp làm một.`,
    );
  });
});
