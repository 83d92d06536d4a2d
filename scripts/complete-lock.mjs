#!/usr/bin/env node
/**
 * Completes package-lock.json with the foreign-platform optional packages
 * (macOS, Windows, FreeBSD, Android, WASM builds of Pagefind and Astro's
 * compiler) that this project's package mirror does not carry.
 *
 * npm leaves an optional dependency out of the lock when the registry cannot
 * serve it, and `npm ci` then refuses the lock as out of sync. The lock that
 * the public registry would produce lists those packages with their platform
 * fields, and npm skips them on other platforms, so we write those entries
 * ourselves. Run after any `npm install`; `npm test` checks it was done.
 *
 * Usage: node scripts/complete-lock.mjs [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);

/** os/cpu/libc from a platform package's name suffix, e.g. "linux-arm64-musl". */
function platformOf(name) {
  const suffix = name.split('/').pop().replace(/^compiler-binding-/, '');
  const [os, cpu, abi] = suffix.split('-');
  const fields = {};
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  fields.os = [os === 'windows' ? 'win32' : os];
  if (cpu) fields.cpu = [cpu];
  if (abi === 'gnu') fields.libc = ['glibc'];
  if (abi === 'musl') fields.libc = ['musl'];
  return fields;
}

export function missingOptionals(lock) {
  const packages = lock.packages ?? {};
  const missing = [];
  for (const [path, meta] of Object.entries(packages)) {
    for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
      // Platform packages are hoisted to the top level next to their parent.
      const key = `node_modules/${dep}`;
      if (!packages[key] && /^\d+\.\d+\.\d+/.test(version)) missing.push({ key, version, parent: path });
    }
  }
  return missing;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const missing = missingOptionals(lock);
if (process.argv.includes('--check')) {
  if (missing.length) {
    console.error(`package-lock.json lacks ${missing.length} optional platform packages (${missing.map((m) => m.key.slice(13)).join(', ')}).`);
    console.error('Run: node scripts/complete-lock.mjs');
    process.exit(1);
  }
  console.log('package-lock.json lists every optional platform package.');
  process.exit(0);
}
for (const { key, version } of missing) {
  lock.packages[key] = { version, ...platformOf(key), optional: true };
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`Added ${missing.length} optional platform packages to package-lock.json.`);
