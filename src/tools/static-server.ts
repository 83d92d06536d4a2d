/**
 * Serves a built site (dist/) the way a plain static host does, for
 * `npm start` and for the tests:
 * - the site lives under its base; `/` redirects there when the base is a sub-path;
 * - a directory URL without its trailing slash redirects (301) to the slash form,
 *   and a directory URL with it serves the directory's index.html;
 * - every other file is served as it is, by exact name (sirv: ETag, ranges,
 *   content types), files without an extension such as SHA256SUMS as text;
 * - anything missing gets the site's own 404.html with status 404.
 * With `compress`, text files go gzipped to clients that accept it, as static
 * hosts send them, so that byte counts match what readers download.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, posix, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

export interface StaticOptions {
  /** The URL path the site is served under, with slashes at both ends (default '/'). */
  base?: string;
  /** Gzip text files for clients that accept it. Pagefind's own files are compressed already. */
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

/** Shown when the site has no 404.html of its own. */
const FALLBACK_404 = '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title><p>Không tìm thấy trang này.</p></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The file a site-relative path names inside `root`, or undefined when it would leave it. */
function fileIn(root: string, relative: string): string | undefined {
  const file = normalize(join(root, relative));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

const isDirectory = (file: string) => existsSync(file) && statSync(file).isDirectory();

function sendGzipped(cache: Map<string, Buffer>, res: ServerResponse, file: string, type: string): void {
  let body = cache.get(file);
  if (!body) cache.set(file, (body = gzipSync(readFileSync(file))));
  res.setHeader('content-type', type);
  res.setHeader('content-encoding', 'gzip');
  res.setHeader('vary', 'accept-encoding');
  res.end(body);
}

/** A request handler for the site built into `dir`. */
export function staticHandler(dir: string, options: StaticOptions = {}): Handler {
  const root = resolve(dir);
  const base = options.base ?? '/';
  const files = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: [] });
  const notFoundPage = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : Buffer.from(FALLBACK_404);
  const gzipCache = new Map<string, Buffer>();

  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('content-type', TEXT_TYPES['.html']);
    res.end(notFoundPage);
  };
  const redirect = (res: ServerResponse, status: number, location: string) => {
    // The path was decoded to find the file: a header takes it encoded again (a non-ASCII name would throw).
    res.writeHead(status, { location: encodeURI(location), 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Đã chuyển tới ${location}\n`);
  };

  return (req, res) => {
    const [rawPath, query = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const search = query ? `?${query}` : '';
    let path: string;
    try {
      path = posix.normalize(decodeURIComponent(rawPath));
    } catch {
      return notFound(res);
    }
    if (base !== '/' && (path === '/' || path === base.slice(0, -1))) return redirect(res, path === '/' ? 302 : 301, base + search);
    if (!path.startsWith(base)) return notFound(res);
    const relative = path.slice(base.length);
    const file = fileIn(root, relative);
    if (!file) return notFound(res);
    if (isDirectory(file)) {
      if (!path.endsWith('/')) return redirect(res, 301, `${base}${relative.replace(/^\/+/, '')}/${search}`);
      return serveFile(req, res, join(file, 'index.html'), `/${relative}index.html`);
    }
    if (path.endsWith('/')) return notFound(res);
    serveFile(req, res, file, `/${relative}`);
  };

  function serveFile(req: IncomingMessage, res: ServerResponse, file: string, sitePath: string): void {
    if (!existsSync(file)) return notFound(res);
    const type = TEXT_TYPES[extname(file)];
    if (options.compress && type && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return sendGzipped(gzipCache, res, file, type);
    // SHA256SUMS and other extensionless files are plain text, as hosts send them.
    if (!extname(file)) res.setHeader('content-type', 'text/plain; charset=utf-8');
    req.url = encodeURI(sitePath.replace(/^\/+/, '/'));
    files(req, res, () => notFound(res));
  }
}

export interface StaticServer {
  /** Origin plus base, e.g. http://127.0.0.1:40123/kho-cchc/ */
  url: string;
  origin: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts serving `dir` on host:port (port 0: any free port). */
export async function startStaticServer(dir: string, options: StaticOptions & { host?: string; port?: number } = {}): Promise<StaticServer> {
  const server = createServer(staticHandler(dir, options));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    url: origin + (options.base ?? '/'),
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
