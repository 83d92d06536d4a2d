/**
 * A real static file server for a built site, mounted under a base path the
 * way a plain static host serves it: the same server as `npm start`
 * (src/tools/static-server.ts), on a free port of 127.0.0.1.
 */
import { startStaticServer, type StaticServer } from '../../src/tools/static-server.ts';

export type { StaticServer };

export interface ServeOptions {
  /** Gzip text files for clients that accept it, as static hosts do. */
  compress?: boolean;
}

export function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  return startStaticServer(dir, { base, compress: options.compress });
}
