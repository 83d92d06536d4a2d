/**
 * Hashing a built site on disk: the file side of SHA256SUMS, shared by the
 * build integration and `npm run verify`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMS_FILE, type Sums } from './checksums.ts';

/** Every file under `dir` (not SHA256SUMS itself) with its SHA-256, by "/"-separated path. */
export function hashTree(dir: string): Sums {
  const sums: Sums = new Map();
  const walk = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(abs, entry.name), path);
      else if (path !== SUMS_FILE) sums.set(path, createHash('sha256').update(readFileSync(join(abs, entry.name))).digest('hex'));
    }
  };
  walk(dir, '');
  return sums;
}
