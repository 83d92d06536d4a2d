/**
 * The bench's process runner reads a build's output line by line while it
 * runs; a Vietnamese letter split between two chunks must reach it whole.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../../src/tools/bench/measure.ts';
import { TEST_TMP } from '../helpers/paths.ts';

const DIR = join(TEST_TMP, 'bench-measure');

beforeAll(() => mkdirSync(DIR, { recursive: true }));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('measure', () => {
  it('passes on lines whole when a letter arrives in two chunks, on stdout and stderr alike', async () => {
    // "đ" is C4 91 in UTF-8: each stream sends its first byte, waits, then the rest.
    const script = `
      const d = Buffer.from('đội ngũ\\n');
      process.stdout.write(d.subarray(0, 1));
      process.stderr.write(Buffer.from('Đã lập chỉ mục').subarray(0, 1));
      setTimeout(() => {
        process.stdout.write(d.subarray(1));
        process.stderr.write(Buffer.from('Đã lập chỉ mục\\n').subarray(1));
      }, 150);`;
    const lines: string[] = [];
    const logFile = join(DIR, 'split.log');
    const m = await measure(process.execPath, ['-e', script], { cwd: DIR, env: process.env, logFile, phase: 'astro', onLine: (l) => lines.push(l) });
    expect(m.code).toBe(0);
    expect(lines.sort()).toEqual(['Đã lập chỉ mục', 'đội ngũ']);
    expect(readFileSync(logFile).length).toBe(Buffer.byteLength('đội ngũ\nĐã lập chỉ mục\n'));
  });

  it('passes on a last line that ends without a newline', async () => {
    const lines: string[] = [];
    const m = await measure(process.execPath, ['-e', "process.stdout.write('một\\nhai cuối')"], { cwd: DIR, env: process.env, logFile: join(DIR, 'last.log'), phase: 'astro', onLine: (l) => lines.push(l) });
    expect(m.code).toBe(0);
    expect(lines).toEqual(['một', 'hai cuối']);
    expect(m.tail).toContain('hai cuối');
  });
});
