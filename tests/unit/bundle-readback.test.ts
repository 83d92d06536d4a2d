/**
 * Reading a written bundle back (src/integrations/bundle-readback.ts): in a
 * child process it gives what it gives in this one, and a bundle it cannot
 * read fails with what the build was doing and why.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBackAside, readBackBundle, ReadBackError } from '../../src/integrations/bundle-readback.ts';
import { indexShards } from '../../src/integrations/pagefind.ts';
import { shardLanguage } from '../../src/lib/search/shards.ts';
import { REWORDING_PHRASES } from '../../src/lib/search/variants.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

const TEXTS = [
  'Kế hoạch cải cách hành chính năm 2024: đẩy mạnh CCHC, một cửa liên thông',
  'Chuyển đổi số, cải cách thủ tục hành chính và dịch vụ công trực tuyến',
  'Nâng cao Chỉ số PAR INDEX, cải cách hành chính cấp xã',
];

/** A site of three plan pages, indexed as one bundle at pagefind/. */
async function builtSite(): Promise<string> {
  const dir = tempDir('kho-readback-');
  TEXTS.forEach((text, i) => {
    mkdirSync(join(dir, 'ke-hoach', `ke-hoach-${i}`), { recursive: true });
    writeFileSync(
      join(dir, 'ke-hoach', `ke-hoach-${i}`, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${text}</title></head><body><article class="plan" data-pagefind-body>` +
        `<div hidden data-pagefind-ignore><span data-pagefind-meta="title">${text}</span></div><h1>${text}</h1><p>${text}.</p></article></body></html>`,
    );
  });
  const slugs = TEXTS.map((_, i) => `ke-hoach-${i}`);
  await indexShards(await import('pagefind'), dir, [{ name: 'all', path: '', language: shardLanguage(0), slugs }], { info: () => undefined });
  return dir;
}

const spilled = (folder: string) => Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(join(folder, f), 'utf8')]));

describe('reading a bundle back', () => {
  it('gives in a child process what it gives in this process, progress lines aside', async () => {
    const site = await builtSite();
    const bundle = join(site, 'pagefind');
    const here = await readBackBundle(bundle, shardLanguage(0), join(tempDir('kho-spill-'), 'a'), () => undefined);
    const there = await readBackAside({ folder: bundle, language: shardLanguage(0), spill: join(tempDir('kho-spill-'), 'b') }, () => undefined);
    expect(there.hash).toBe(here.hash);
    expect(there.reworded).toEqual(here.reworded);
    // "cải cách hành chính" is a rewording phrase (of CCHC); the second page has the words, not the run.
    const phrase = REWORDING_PHRASES.findIndex((keys) => keys.join(' ') === 'cai cach hanh chinh');
    expect(here.reworded[phrase]).toHaveLength(2);
    expect({ ...there.counts, spill: '' }).toEqual({ ...here.counts, spill: '' });
    expect(here.counts.wordCount).toBeGreaterThan(10);
    expect(spilled(there.counts.spill)).toEqual(spilled(here.counts.spill));
  });

  it('fails, saying so, when the child process cannot start', async () => {
    const empty = tempDir('kho-no-node-');
    const task = { folder: empty, language: shardLanguage(0), spill: join(empty, 'spill') };
    const failure = await readBackAside(task, () => undefined, { execPath: join(empty, 'no-such-node') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadBackError);
    expect((failure as ReadBackError).message).toMatch(/^không khởi động được tiến trình đọc lại chỉ mục: .*ENOENT/);
  });

  it('fails the build at a missing page while the shard before it is read back, and leaves no counts behind', async () => {
    const site = await builtSite();
    // The build's counts wait in a folder of the system's temporary folder: here, one of this test's own.
    const temporary = tempDir('kho-tmp-');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    const shards = [
      { name: '2021-2026', path: '', language: shardLanguage(0), slugs: ['ke-hoach-0', 'ke-hoach-1'] },
      { name: '2011-2020', path: '2011-2020/', language: shardLanguage(1), slugs: ['ke-hoach-2', 'ke-hoach-9'] },
    ];
    try {
      await expect(indexShards(await import('pagefind'), site, shards, { info: () => undefined })).rejects.toThrow(
        /^Pagefind: đọc ke-hoach\/ke-hoach-9\/index.html thất bại:\n  - ENOENT/,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(temporary)).toEqual([]);
  });

  it('fails with the step and the missing file when the folder holds no bundle', async () => {
    const empty = tempDir('kho-no-bundle-');
    const failure = await readBackAside({ folder: empty, language: shardLanguage(0), spill: join(empty, 'spill') }, () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadBackError);
    expect((failure as ReadBackError).step).toBe('tìm các cụm từ diễn đạt lại (kho-cum/)');
    expect((failure as ReadBackError).message).toContain('pagefind-entry.json');
  });

});
