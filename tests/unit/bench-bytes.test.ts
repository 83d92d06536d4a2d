/**
 * How the bench counts a query's bytes: by kind of file, from a server that
 * compresses text as static hosts do.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteKind } from '../../src/tools/bench/queries.ts';
import { TEST_TMP } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

describe('byteKind', () => {
  it.each([
    ['http://127.0.0.1:4000/tim-kiem/?q=c%E1%BA%A3i', 'page'],
    ['http://127.0.0.1:4000/_astro/be-vietnam-pro-latin-400-normal.woff2', 'page'],
    ['http://127.0.0.1:4000/kho/_astro/index.js', 'page'],
    ['http://127.0.0.1:4000/pagefind/pagefind.js', 'library'],
    ['http://127.0.0.1:4000/pagefind/wasm.unknown.pagefind', 'library'],
    ['http://127.0.0.1:4000/kho/pagefind/2011-2017/pagefind-entry.json?ts=1', 'library'],
    ['http://127.0.0.1:4000/pagefind/2011-2017/pagefind.vi_ca5692c927.pf_meta', 'meta'],
    ['http://127.0.0.1:4000/pagefind/kho-dem/vi_92f4273816/trang.json', 'meta'],
    ['http://127.0.0.1:4000/kho/pagefind/2011-2017/kho-dem/vi-x-m2_1a2b3c4d5e/ma12.json', 'meta'],
    ['http://127.0.0.1:4000/pagefind/index/vi_f07b32e.pf_index', 'words'],
    ['http://127.0.0.1:4000/pagefind/kho-dem/vi_92f4273816/d12.json', 'written'],
    ['http://127.0.0.1:4000/kho/pagefind/2011-2017/kho-dem/vi-x-m2_1a2b3c4d5e/index.json', 'written'],
    ['http://127.0.0.1:4000/pagefind/kho-cum/vi_92f4273816/cai-cach-hanh-chinh.json', 'written'],
    ['http://127.0.0.1:4000/pagefind/filter/vi_1.pf_filter', 'filters'],
    ['http://127.0.0.1:4000/pagefind/2017-2023/fragment/vi_c651e98.pf_fragment', 'fragments'],
    ['http://127.0.0.1:4000/kho/pagefind/2017-2023/kho-dem/vi-x-m1_a7added05b9ca3e/trang/412.pf_fragment', 'fragments'],
    ['http://127.0.0.1:4000/kho/pagefind/kho-facets.json', 'counts'],
  ])('%s is %s', (url, kind) => {
    expect(byteKind(url)).toBe(kind);
  });
});

describe('serveStatic with compress', () => {
  const dir = join(TEST_TMP, 'serve-compress');
  const html = `<!doctype html><title>Tìm kiếm</title>${'<p>cải cách hành chính</p>'.repeat(200)}`;
  const index = Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]);
  let plain: StaticServer;
  let compressed: StaticServer;

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'tim-kiem'), { recursive: true });
    mkdirSync(join(dir, 'pagefind/index'), { recursive: true });
    writeFileSync(join(dir, 'tim-kiem/index.html'), html);
    writeFileSync(join(dir, 'pagefind/index/vi_1.pf_index'), index);
    [plain, compressed] = await Promise.all([serveStatic(dir, '/kho/'), serveStatic(dir, '/kho/', { compress: true })]);
  });
  afterAll(async () => {
    await Promise.all([plain.close(), compressed.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const raw = async (url: string, acceptGzip = true) => {
    const { request } = await import('node:http');
    return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer; status: number }>((done, fail) => {
      const req = request(url, { headers: acceptGzip ? { 'accept-encoding': 'gzip, br' } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode ?? 0 }));
      });
      req.on('error', fail);
      req.end();
    });
  };

  it('gzips a page for a client that accepts it, and the page survives the trip', async () => {
    const r = await raw(`${compressed.url}tim-kiem/?q=cai`);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.body.length).toBeLessThan(Buffer.byteLength(html) / 4);
    expect(gunzipSync(r.body).toString('utf8')).toBe(html);
  });

  it("sends Pagefind's already compressed files as they are", async () => {
    const r = await raw(`${compressed.url}pagefind/index/vi_1.pf_index`);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.equals(index)).toBe(true);
  });

  it('sends text uncompressed without the option, or to a client that does not accept gzip', async () => {
    for (const r of [await raw(`${plain.url}tim-kiem/`), await raw(`${compressed.url}tim-kiem/`, false)]) {
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString('utf8')).toBe(html);
    }
  });

  it('stays inside the site folder', async () => {
    // A page beside the site folder, which a request must not reach.
    writeFileSync(`${dir}-outside.html`, html);
    try {
      const r = await raw(`${compressed.url}..%2f${basename(dir)}-outside.html`);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.status).toBe(404);
    } finally {
      rmSync(`${dir}-outside.html`, { force: true });
    }
  });

  it('compresses a site given with a trailing slash too', async () => {
    const slashed = await serveStatic(`${dir}/`, '/', { compress: true });
    try {
      expect((await raw(`${slashed.url}tim-kiem/`)).headers['content-encoding']).toBe('gzip');
    } finally {
      await slashed.close();
    }
  });
});
