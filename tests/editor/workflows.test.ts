/**
 * The GitHub Actions workflows: valid YAML, only npm scripts that exist,
 * actions pinned to a commit, least permissions, timeouts, and the steps the
 * pull-request path promises (install, check, build, test with Chromium).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const DIR = resolve(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const scripts = Object.keys((JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  container?: string;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  const doc = parseDocument(readFileSync(join(DIR, file), 'utf8'));
  expect(doc.errors, `${file} is not valid YAML`).toEqual([]);
  return doc.toJS() as Workflow;
}

/** The npm commands of a shell script: "npm ci", "npm test", "npm run check -- --x" → script names. */
function npmScripts(run: string): string[] {
  return [...run.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:-]+)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]);
}

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

describe('workflows', () => {
  it('exist for pull requests and for main', () => {
    const triggers = files.map((f) => Object.keys(load(f).on));
    expect(triggers.flat()).toEqual(expect.arrayContaining(['pull_request', 'push']));
  });

  it.each(files)('%s parses and runs only npm scripts that exist', (file) => {
    const used = steps(load(file)).flatMap((s) => (s.run ? npmScripts(s.run) : []));
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(scripts, `${file} runs "npm run ${name}"`).toContain(name);
  });

  it.each(files)('%s pins every action to a commit SHA', (file) => {
    for (const s of steps(load(file)).filter((s) => s.uses)) expect(s.uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
  });

  it.each(files)('%s grants least permissions and sets timeouts', (file) => {
    const w = load(file);
    expect(w.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(w.jobs)) {
      expect(job['timeout-minutes'], `${file} job ${name}`).toBeGreaterThan(0);
      expect(job['timeout-minutes'], `${file} job ${name}`).toBeLessThanOrEqual(60);
      // Write access only where publishing happens.
      for (const [scope, level] of Object.entries(job.permissions ?? {})) {
        if (level === 'write') expect(['pages', 'id-token'], `${file} job ${name} writes ${scope}`).toContain(scope);
      }
    }
  });

  it('checks a pull request by installing, checking, building and testing with Debian Chromium, in that order', () => {
    const file = files.find((f) => 'pull_request' in load(f).on)!;
    const job = Object.values(load(file).jobs)[0];
    const runs = job.steps.flatMap((s) => (s.run ? [s.run] : []));
    const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));
    expect(job.container).toMatch(/bookworm|trixie|debian/);
    expect(at(/apt-get install .*chromium/)).toBeGreaterThanOrEqual(0);
    expect(at(/npm ci/)).toBeGreaterThan(at(/apt-get install/));
    expect(at(/npm run check/)).toBeGreaterThan(at(/npm ci/));
    expect(at(/npm run build/)).toBeGreaterThan(at(/npm run check/));
    expect(at(/npm test/)).toBeGreaterThan(at(/npm run build/));
  });

  it('deploys main to GitHub Pages, built under the repository sub-path', () => {
    const file = files.find((f) => 'push' in load(f).on && !('pull_request' in load(f).on))!;
    const w = load(file);
    expect(w.on.push).toEqual({ branches: ['main'] });
    const build = steps(w).find((s) => s.run && npmScripts(s.run).includes('build'))!;
    expect(build.env?.SITE_BASE).toMatch(/steps\.pages\.outputs\.base_path/);
    const uses = steps(w).map((s) => s.uses?.split('@')[0]);
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    const deploy = Object.values(w.jobs).find((j) => j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages')))!;
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('the pull request template', () => {
  it('is a short Vietnamese checklist that points to CONTRIBUTING', () => {
    const text = readFileSync(resolve(ROOT, '.github/pull_request_template.md'), 'utf8');
    const items = text.match(/^- \[ \] .+$/gm) ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(8);
    expect(text).toContain('npm run check');
    expect(text).toContain('CONTRIBUTING.md');
  });
});
