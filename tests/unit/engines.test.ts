/**
 * A newcomer runs `npm ci` on the Node the README names. That must print no
 * EBADENGINE warning, so `engines.node` has to name only versions that every
 * installed package accepts, start at the pinned Node (the `node`
 * devDependency, which `npm run` uses), and be the version the README names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

type Meta = { engines?: { node?: string }; os?: string[]; cpu?: string[] };
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Meta> };
const engines: string = pkg.engines.node;

/** The lowest version of each alternative of a range: "^24.21.0 || >=26" → 24.21.0, 26.0.0. */
const lowestOfEach = (range: string) => new semver.Range(range).set.map((set) => semver.minVersion(set.map((c) => c.value).join(' '))!.version);

it('engines.node starts at the pinned Node that npm run uses', () => {
  expect(lowestOfEach(engines)[0]).toBe(semver.minVersion(pkg.devDependencies.node)!.version);
});

it('every package npm installs accepts each lowest version engines.node allows', () => {
  const unhappy: string[] = [];
  for (const version of lowestOfEach(engines)) {
    for (const [path, meta] of Object.entries(lock.packages)) {
      // Platform builds (os/cpu) are skipped by npm on other platforms, engines and all.
      if (!path || meta.os || meta.cpu || !meta.engines?.node) continue;
      if (!semver.satisfies(version, meta.engines.node)) unhappy.push(`${version}: ${path} wants ${meta.engines.node}`);
    }
  }
  expect(unhappy).toEqual([]);
});

it('the README names the same Node in both languages', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const { major, minor } = semver.parse(lowestOfEach(engines)[0])!;
  expect(readme).toContain(`Node.js ${major}.${minor} trở lên`);
  expect(readme).toContain(`Node.js ${major}.${minor} or later`);
  expect(readme).not.toMatch(/Node ≥ 20/);
});
