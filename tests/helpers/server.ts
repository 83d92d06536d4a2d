/**
 * A real static file server (sirv) for a built site, mounted under a base path
 * the way a plain static host would serve it: directory index pages, no
 * rewrites, /404.html for anything missing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface ServeOptions {
  /**
   * Gzip text files (HTML, CSS, JavaScript, JSON, SVG, XML) for clients that
   * accept it, as static hosts do, so that byte counts match what readers
   * download. Pagefind's own files are compressed already and go as they are.
   */
  compress?: boolean;
}

/** The text files a static host gzips, with their content types. */
export const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
};

/** Serves `path` (relative to `dir`) gzipped when it is a text file; false when it is not one. */
function gzipper(dir: string) {
  const root = resolve(dir);
  const cache = new Map<string, Buffer>();
  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return false;
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(path.split('?')[0])));
    } catch {
      return false;
    }
    if (file !== root && !file.startsWith(root + sep)) return false;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const type = TEXT_TYPES[extname(file)];
    if (!type || !existsSync(file)) return false;
    let body = cache.get(file);
    if (!body) cache.set(file, (body = gzipSync(readFileSync(file))));
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('vary', 'accept-encoding');
    res.end(body);
    return true;
  };
}

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:40123/kho-cchc/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
  const gzipped = options.compress ? gzipper(dir) : undefined;
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
    if (gzipped?.(req, res, req.url)) return;
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
