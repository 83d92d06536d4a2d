/**
 * `npm start` serves dist/ like a static host (scripts/serve.ts): the crawl of
 * the fixture archive as that server serves it finds no broken link and
 * reaches SHA256SUMS; a URL without its trailing slash redirects to the slash
 * form; a missing URL gets the site's own 404 page with status 404; under
 * SITE_BASE, / leads to the base.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, crawl } from '../helpers/crawl.ts';
import { ROOT, SITE_ROOT, SITE_SUB, SUB_BASE } from '../helpers/paths.ts';
import { testPlans } from './site.ts';

interface Started {
  url: string;
  child: ChildProcess;
}

/** Runs scripts/serve.ts, as `npm start` does after building, on a free port. */
function startServe(dist: string, base = '/'): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, KHO_OUT_DIR: dist, SITE_BASE: base, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      const url = output.match(/tại (http:\/\/\S+)/)?.[1];
      if (url) ok({ url, child });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`scripts/serve.ts exited (${code}):\n${output}`)));
  });
}

const stop = (s?: Started) => s?.child.kill();

describe('npm start at the domain root', () => {
  let served: Started;
  beforeAll(async () => {
    served = await startServe(SITE_ROOT);
  });
  afterAll(() => stop(served));

  it('serves every page and file the site links, SHA256SUMS included, none broken', async () => {
    const result = await crawl(served.url, '/');
    expect(brokenLinks(result)).toEqual([]);
    expect(result.danglingAnchors).toEqual([]);
    const sums = `${served.url}SHA256SUMS`;
    expect(result.status.get(sums)).toBe(200);
    const listed = (await (await fetch(sums)).text()).trim().split('\n').map((line) => line.slice(66));
    // Every file the checksums list is reachable, not only the linked ones.
    for (const file of listed) expect((await fetch(served.url + file, { method: 'HEAD' })).status, file).toBe(200);
  });

  it('redirects a URL without its trailing slash to the slash form, query kept', async () => {
    const slug = testPlans()[0].facts.slug;
    const response = await fetch(`${served.url}ke-hoach/${slug}?q=cai`, { redirect: 'manual' });
    expect([301, 308]).toContain(response.status);
    expect(response.headers.get('location')).toBe(`/ke-hoach/${slug}/?q=cai`);
  });

  it("answers a missing URL with the site's own 404 page and status 404", async () => {
    for (const missing of ['khong-co-trang-nay/', 'ke-hoach/khong-co', 'tep-khong-co.csv']) {
      const response = await fetch(served.url + missing, { redirect: 'manual' });
      expect(response.status, missing).toBe(404);
      expect(await response.text(), missing).toBe(readFileSync(join(SITE_ROOT, '404.html'), 'utf8'));
    }
  });
});

describe('npm start with SITE_BASE', () => {
  let served: Started;
  beforeAll(async () => {
    served = await startServe(SITE_SUB, SUB_BASE);
  });
  afterAll(() => stop(served));

  it('serves the site under the base and leads /, the slashless base and a slashless page there', async () => {
    const origin = new URL(served.url).origin;
    expect(served.url).toBe(origin + SUB_BASE);
    expect((await fetch(served.url)).status).toBe(200);
    for (const path of ['/', SUB_BASE.slice(0, -1)]) {
      const response = await fetch(origin + path, { redirect: 'manual' });
      expect(response.status, path).toBeGreaterThanOrEqual(301);
      expect(response.headers.get('location'), path).toBe(SUB_BASE);
    }
    const slashless = await fetch(`${served.url}ke-hoach`, { redirect: 'manual' });
    expect(slashless.headers.get('location')).toBe(`${SUB_BASE}ke-hoach/`);
    const missing = await fetch(`${origin}/ke-hoach/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(join(SITE_SUB, '404.html'), 'utf8'));
  });
});
