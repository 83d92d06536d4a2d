/**
 * A real static file server (sirv) for a built site, mounted under a base path
 * the way a plain static host would serve it: directory index pages, no
 * rewrites, /404.html for anything missing.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:40123/kho-cchc/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const notFound = (() => {
    try {
      return readFileSync(join(dir, '404.html'));
    } catch {
      return Buffer.from('Not found');
    }
  })();
  const server = createServer((req, res) => {
    const send404 = () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    };
    if (!req.url || !req.url.startsWith(base)) return send404();
    req.url = '/' + req.url.slice(base.length);
    files(req, res, send404);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
