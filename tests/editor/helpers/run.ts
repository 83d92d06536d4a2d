/**
 * Runs the editor commands as editors do: a separate Node process on the
 * TypeScript script, from the repository root, with its exit status and
 * everything it printed.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, TEST_TMP } from '../../helpers/paths.ts';

const execFileAsync = promisify(execFile);

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for assertions about everything printed. */
  output: string;
}

export async function runScript(script: 'new' | 'check' | 'schema', args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const options = { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' as const };
  const done = (code: number | null, stdout: string, stderr: string) => ({ code, stdout, stderr, output: stdout + stderr });
  try {
    // No terminal on stdin: the command must not wait for prompts.
    const { stdout, stderr } = await execFileAsync(process.execPath, [resolve(ROOT, `scripts/${script}.ts`), ...args], options);
    return done(0, stdout, stderr);
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return done(e.code, e.stdout ?? '', e.stderr ?? '');
  }
}

/** A fresh folder under tmp/test for one test file. */
export function tempDir(name: string): string {
  const dir = join(TEST_TMP, 'editor', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A temporary copy of a folder of entries. */
export function copyDir(from: string, name: string): string {
  const dir = tempDir(name);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** The 1-based line of the first line of `file` that contains `needle`. */
export function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`${file} has no line containing ${JSON.stringify(needle)}`);
  return index + 1;
}

/** File name → text, for every file of a folder, to compare before and after. */
export function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [e.name, readFileSync(join(dir, e.name), 'utf8')]),
  );
}

/** Output lines have no stack trace and no zod dump. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
export const ZOD_DUMP = /ZodError|"code":\s*"/;
