/**
 * How the bench counts a query's bytes: by kind of file, from the static
 * server in its two ways of serving (src/tools/bench/search.ts): text gzipped
 * as a CDN sends it, or every file as it is; the index's compressed files go
 * as they are either way.
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
    ['http://127.0.0.1:4000/kho/_astro/index.css', 'page'],
    ['http://127.0.0.1:4000/kho/_astro/search-page.B1x2.js', 'code'],
    ['http://127.0.0.1:4000/chi-muc/chi-muc.json', 'manifest'],
    ['http://127.0.0.1:4000/kho/chi-muc/chi-muc.json?v=2', 'manifest'],
    ['http://127.0.0.1:4000/chi-muc/a1b2c3/tu-0.json.gz', 'terms'],
    ['http://127.0.0.1:4000/kho/chi-muc/a1b2c3/tu-17.json.gz', 'terms'],
    ['http://127.0.0.1:4000/chi-muc/a1b2c3/loc.json.gz', 'filters'],
    ['http://127.0.0.1:4000/chi-muc/a1b2c3/vb/412.pf_fragment', 'fragments'],
    ['http://127.0.0.1:4000/pagefind/fragment/vi_c651e98.pf_fragment', 'fragments'],
    ['http://127.0.0.1:4000/pagefind/pagefind.js', 'pagefind'],
    ['http://127.0.0.1:4000/kho/pagefind/2011-2017/pagefind-entry.json', 'pagefind'],
  ])('%s is %s', (url, kind) => {
    expect(byteKind(url)).toBe(kind);
  });
});

describe('serveStatic with compress', () => {
  const dir = join(TEST_TMP, 'serve-compress');
  const html = `<!doctype html><title>Tìm kiếm</title>${'<p>cải cách hành chính</p>'.repeat(200)}`;
  // Stand-ins for the index's already compressed files: gzip's magic bytes, then anything.
  const index = Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]);
  const manifest = JSON.stringify({ format: 1, set: 'a1b2c3', plans: 3, blocks: [''], bundles: ['pagefind/'] }).repeat(20);
  let plain: StaticServer;
  let compressed: StaticServer;

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'tim-kiem'), { recursive: true });
    mkdirSync(join(dir, 'chi-muc/a1b2c3/vb'), { recursive: true });
    writeFileSync(join(dir, 'tim-kiem/index.html'), html);
    writeFileSync(join(dir, 'chi-muc/chi-muc.json'), manifest);
    writeFileSync(join(dir, 'chi-muc/a1b2c3/tu-0.json.gz'), index);
    writeFileSync(join(dir, 'chi-muc/a1b2c3/vb/0.pf_fragment'), index);
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

  it("gzips the index's manifest, a JSON file", async () => {
    const r = await raw(`${compressed.url}chi-muc/chi-muc.json`);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString('utf8')).toBe(manifest);
  });

  it('sends the already compressed term blocks and fragments as they are, never compressed again, whichever way it serves', async () => {
    for (const server of [compressed, plain]) {
      for (const path of ['chi-muc/a1b2c3/tu-0.json.gz', 'chi-muc/a1b2c3/vb/0.pf_fragment']) {
        const r = await raw(`${server.url}${path}`);
        expect(r.status, path).toBe(200);
        // The file's own bytes on the wire (a .gz may be labelled Content-Encoding: gzip, as Apache does).
        expect(r.body.equals(index), path).toBe(true);
      }
    }
    expect((await raw(`${compressed.url}chi-muc/a1b2c3/vb/0.pf_fragment`)).headers['content-encoding']).toBeUndefined();
  });

  it('sends text uncompressed without the option, or to a client that does not accept gzip', async () => {
    for (const r of [await raw(`${plain.url}tim-kiem/`), await raw(`${compressed.url}tim-kiem/`, false)]) {
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString('utf8')).toBe(html);
    }
    expect((await raw(`${plain.url}chi-muc/chi-muc.json`)).body.toString('utf8')).toBe(manifest);
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
