/**
 * `npm ci` refuses a lock file that lacks optional platform packages, and a
 * plain `npm install` against this project's package mirror drops them. The
 * lock must therefore be completed after every install.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

it('package-lock.json lists every optional platform package, so npm ci accepts it', () => {
  const r = spawnSync(process.execPath, ['scripts/complete-lock.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
