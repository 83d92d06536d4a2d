/**
 * Indexing the archive (src/integrations/pagefind.ts): Pagefind's bundles,
 * one per shard, and the project's own index built from them under
 * chi-muc/, its plans numbered in date order across shards, then read back
 * (src/integrations/search-index/verify.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { indexShards, readFragment } from '../../src/integrations/pagefind.ts';
import { IndexBuilder } from '../../src/integrations/search-index/files.ts';
import { fileLoad, verifyIndex } from '../../src/integrations/search-index/verify.ts';
import { writeIndex } from '../../src/integrations/search-index/write.ts';
import { blockFile, FILTER_FILE, filterKey, fragmentFile, MANIFEST_FILE, pairKey, type Manifest, type TermRow } from '../../src/lib/search/index-format.ts';
import { numbersText } from '../../src/lib/search/number-text.ts';
import { SearchIndex } from '../../src/lib/search/index-reader.ts';
import { shardLanguage, type Shard } from '../../src/integrations/search-index/shards.ts';
import { exactKey } from '../../src/lib/search/text.ts';

const PLANS: Record<string, [title: string, year: string]> = {
  'ke-hoach-a': ['Cải cách thủ tục hành chính cấp xã', '2024'],
  'ke-hoach-b': ['Chuyển đổi số trong cơ quan nhà nước', '2022'],
  'ke-hoach-c': ['Nâng cao Chỉ số PAR INDEX', '2020'],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built site holding the plan pages, as Pagefind reads them. */
function site(plans = PLANS): string {
  const dir = mkdtempSync(join(tmpdir(), 'kho-shards-'));
  dirs.push(dir);
  for (const [slug, [title, year]] of Object.entries(plans)) {
    mkdirSync(join(dir, 'ke-hoach', slug), { recursive: true });
    writeFileSync(
      join(dir, 'ke-hoach', slug, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><nav>Trang chủ</nav>` +
        `<article class="plan" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="title">${title}</span>` +
        `<span data-pagefind-filter="nam">${year}</span></div><h1>${title}</h1><p>${title}: nội dung kế hoạch.</p></article></body></html>`,
    );
  }
  return dir;
}

const shard = (i: number, name: string, slugs: string[]): Shard => ({ name, path: i === 0 ? '' : `${name}/`, language: shardLanguage(i), slugs });

async function index(dir: string, shards: Shard[], order?: string[]) {
  const lines: string[] = [];
  const count = await indexShards(await import('pagefind'), dir, shards, { info: (l: string) => lines.push(l) }, order);
  const search = await SearchIndex.open(fileLoad(join(dir, 'chi-muc')));
  return { count, lines, search, manifest: search.manifest };
}

const plansOf = async (search: SearchIndex, key: string) => Array.from((await search.terms([key])).get(key)?.plans ?? []);
const urlOf = (dir: string, manifest: Manifest, plan: number) => readFragment(join(dir, 'chi-muc', manifest.set, fragmentFile(plan))).url;

describe('indexShards', () => {
  it('numbers the plans across shards in their order, each with its own fragment', async () => {
    const dir = site();
    const shards = [shard(0, '2021-2026', ['ke-hoach-a', 'ke-hoach-b']), shard(1, '2011-2020', ['ke-hoach-c'])];
    const { count, lines, search, manifest } = await index(dir, shards);
    expect(count).toBe(3);
    expect(manifest).toMatchObject({ plans: 3, bundles: ['pagefind/', 'pagefind/2011-2020/'] });
    expect([0, 1, 2].map((p) => urlOf(dir, manifest, p))).toEqual(['/ke-hoach/ke-hoach-a/', '/ke-hoach/ke-hoach-b/', '/ke-hoach/ke-hoach-c/']);
    expect(await plansOf(search, 'chuyen')).toEqual([1]);
    expect(await plansOf(search, 'index')).toEqual([2]);
    expect(Array.from((await search.filters()).get('nam')!.get('2020')!)).toEqual([2]);
    expect(lines.some((l) => l.includes(`chi-muc/${manifest.set}/: 3 kế hoạch`))).toBe(true);
  });

  it('folds đ itself: "doi" finds đổi, and the spelling đổi is kept', async () => {
    const dir = site();
    const { search } = await index(dir, [shard(0, 'all', Object.keys(PLANS))]);
    const doi = (await search.terms(['doi'])).get('doi')!;
    expect(Array.from(doi.plans)).toEqual([1]);
    expect(Array.from(doi.spelled(exactKey('đổi')))).toEqual([1]);
  });

  it('follows the date order given, not the order a single shard keeps its pages in', async () => {
    const dir = site();
    const { manifest } = await index(dir, [shard(0, 'all', Object.keys(PLANS))], ['ke-hoach-c', 'ke-hoach-a', 'ke-hoach-b']);
    expect([0, 1, 2].map((p) => urlOf(dir, manifest, p))).toEqual(['/ke-hoach/ke-hoach-c/', '/ke-hoach/ke-hoach-a/', '/ke-hoach/ke-hoach-b/']);
  });

  it('gives the same set for the same plans, and leaves one set in the folder', async () => {
    const dir = site();
    const shards = [shard(0, 'all', Object.keys(PLANS))];
    const first = await index(dir, shards);
    const again = await index(dir, shards);
    expect(again.manifest.set).toBe(first.manifest.set);
    writeFileSync(join(dir, 'ke-hoach', 'ke-hoach-c', 'index.html'), '<html lang="vi"><body><article data-pagefind-body><h1>Khác</h1></article></body></html>');
    const changed = await index(dir, shards);
    expect(changed.manifest.set).not.toBe(first.manifest.set);
    expect(readdirSync(join(dir, 'chi-muc')).sort()).toEqual([changed.manifest.set, 'chi-muc.json'].sort());
  });

  it('stops the build when the written index is damaged, naming the file', async () => {
    const dir = site();
    const { manifest } = await index(dir, [shard(0, 'all', Object.keys(PLANS))]);
    const root = join(dir, 'chi-muc');
    const block = join(root, manifest.set, blockFile(0));
    writeFileSync(block, gzipSync(JSON.stringify([['b', '!'], ['a', '!']])));
    await expect(verifyIndex(root, 3)).rejects.toThrow(`chi-muc/${manifest.set}/tu-0.json.gz: khóa "a" không đứng sau "b"`);
    rmSync(block);
    await expect(verifyIndex(root, 3)).rejects.toThrow(`chi-muc/${manifest.set}/tu-0.json.gz`);
    expect(existsSync(join(root, manifest.set, fragmentFile(2)))).toBe(true);
  });

  it('refuses a plan list that does not match the pages', async () => {
    const dir = site();
    await expect(index(dir, [shard(0, 'all', Object.keys(PLANS))], ['ke-hoach-a'])).rejects.toThrow('Tìm kiếm: đánh số kế hoạch thất bại');
  });
});

describe('verifyIndex', () => {
  /** The index of `texts`, one plan each, written under a new folder without Pagefind; `damage` rewrites the row of `key`. */
  function written(texts: string[], filters: Record<string, string[]> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'kho-verify-'));
    dirs.push(dir);
    const builder = new IndexBuilder(['pagefind/']);
    const fragments = texts.map((content, i) => {
      builder.add({ content, meta: {}, filters });
      writeFileSync(join(dir, `${i}.pf_fragment`), 'x');
      return join(dir, `${i}.pf_fragment`);
    });
    const root = join(dir, 'chi-muc');
    mkdirSync(root);
    const { manifest } = writeIndex(root, builder, fragments);
    const damage = (key: string, row: unknown[]) => {
      const i = manifest.blocks.findLastIndex((first) => first <= key);
      const file = join(root, manifest.set, blockFile(i));
      const rows = JSON.parse(gunzipSync(readFileSync(file)).toString()) as TermRow[];
      rows[rows.findIndex((r) => r[0] === key)] = row as TermRow;
      writeFileSync(file, gzipSync(JSON.stringify(rows)));
      return `chi-muc/${manifest.set}/${blockFile(i)}`;
    };
    return { root, damage };
  }

  it('accepts an archive of no plans', async () => {
    const { root } = written([]);
    await expect(verifyIndex(root, 0)).resolves.toMatchObject({ plans: 0, blocks: [''] });
  });

  it.each([
    ['a run of plans without its length', 'cai', [numbersText([1, 0]), numbersText([1, 1])]],
    ['a pair with impacts', pairKey('cai', 'cach'), [numbersText([1]), numbersText([1])]],
    ['a prefix with spellings', 'ca*', [numbersText([1, 1]), numbersText([1, 1]), { cá: '' }]],
    ['an alias to a word it does not begin', 'cac*', ['=tao']],
  ])('rejects %s, naming the file', async (_, key, fields) => {
    const { root, damage } = written(['cải cách', 'cải tạo', 'tạo']);
    await expect(verifyIndex(root, 3)).resolves.toBeDefined();
    const file = damage(key, [key, ...fields]);
    await expect(verifyIndex(root, 3)).rejects.toThrow(file);
  });

  it('rejects a filter file whose size is not the one the manifest states, naming both', async () => {
    const { root } = written(['cải cách', 'cải tạo']);
    const manifest = await verifyIndex(root, 2);
    expect(manifest.filterBytes).toBe(statSync(join(root, manifest.set, FILTER_FILE)).size);
    writeFileSync(join(root, MANIFEST_FILE), JSON.stringify({ ...manifest, filterBytes: manifest.filterBytes! + 1 }));
    await expect(verifyIndex(root, 2)).rejects.toThrow(`chi-muc/${manifest.set}/${FILTER_FILE}: ${manifest.filterBytes} byte, ${MANIFEST_FILE} ghi ${manifest.filterBytes! + 1}`);
  });

  it("rejects a filter value's row that lists other plans than the filter file, naming the filter file", async () => {
    const { root, damage } = written(['cải cách', 'cải tạo'], { nam: ['2021'] });
    const manifest = await verifyIndex(root, 2);
    damage(filterKey('nam', '2021'), [filterKey('nam', '2021'), numbersText([2])]);
    await expect(verifyIndex(root, 2)).rejects.toThrow(`chi-muc/${manifest.set}/${FILTER_FILE}: bộ lọc nam=2021 khác dòng của nó trong khối từ`);
  });
});
