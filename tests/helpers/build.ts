import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIXTURE_PLANS, ROOT } from './paths.ts';

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a person at the terminal reads them. */
  output: string;
}

export interface BuildOptions {
  plansDir: string;
  outDir: string;
  base?: string;
  siteUrl?: string;
  env?: Record<string, string>;
}

/** Runs `astro build` as a separate process, exactly as `npm run build` does. */
export function buildSite(opts: BuildOptions): Promise<BuildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        KHO_PLANS_DIR: opts.plansDir,
        KHO_OUT_DIR: opts.outDir,
        // A cache per output keeps concurrent builds from sharing a data store.
        KHO_CACHE_DIR: `${opts.outDir}.cache`,
        SITE_BASE: opts.base ?? '/',
        SITE_URL: opts.siteUrl ?? 'http://localhost:4321',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d) => ((stdout += d), (output += d)));
    child.stderr.on('data', (d) => ((stderr += d), (output += d)));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr, output }));
  });
}

/**
 * Copies the test fixtures into one collection folder. The shipped archive is
 * not part of it: it grows with every real plan an editor adds, and the tests
 * compute their expectations from a fixed set. The first five shipped plans
 * are kept among the fixtures as they were.
 */
export function assembleTestPlans(target: string, dirs: string[] = [FIXTURE_PLANS]): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (/\.mdx?$/.test(name)) cpSync(join(dir, name), join(target, name));
    }
  }
}
