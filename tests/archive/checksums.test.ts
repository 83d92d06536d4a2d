/** SHA256SUMS: the sha256sum format, round trips and the comparison `verify` reports. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSums, describeComparison, formatSums, isIdentical, parseSums, type Sums } from '../../src/lib/checksums.ts';
import { hashTree } from '../../src/lib/hash-tree.ts';
import { checksums } from '../../src/integrations/checksums.ts';

const h = (c: string) => c.repeat(64);

describe('formatSums and parseSums', () => {
  const sums: Sums = new Map([
    ['z.html', h('a')],
    ['a/b c.json', h('b')],
    ['odd\\name', h('c')],
    ['Ä.txt', h('d')],
  ]);

  it('writes one "<hash>  <path>" line per file, sorted by code unit', () => {
    const lines = formatSums(sums).trimEnd().split('\n');
    expect(lines[0]).toBe(`${h('b')}  a/b c.json`);
    expect(lines.map((l) => l.replace(/^\\/, '').slice(66))).toEqual(['a/b c.json', 'odd\\\\name', 'z.html', 'Ä.txt']);
  });

  it('escapes a backslash as sha256sum does, and reads it back', () => {
    expect(formatSums(sums)).toContain(`\\${h('c')}  odd\\\\name\n`);
    expect(parseSums(formatSums(sums))).toEqual({ sums: new Map([...sums].sort(([a], [b]) => (a < b ? -1 : 1))), badLines: [] });
  });

  it('reports the lines that are not checksums', () => {
    expect(parseSums(`${h('a')}  x\nnot a line\n${h('b')} *y\n`).badLines).toEqual([2]);
  });
});

describe('compareSums', () => {
  const expected: Sums = new Map([
    ['same', h('a')],
    ['gone', h('b')],
    ['edited', h('c')],
  ]);
  const actual: Sums = new Map([
    ['same', h('a')],
    ['edited', h('d')],
    ['new', h('e')],
  ]);

  it('finds missing, extra and changed files', () => {
    const c = compareSums(expected, actual);
    expect(c).toEqual({ missing: ['gone'], extra: ['new'], changed: ['edited'], matching: 1 });
    expect(isIdentical(c)).toBe(false);
    expect(isIdentical(compareSums(expected, expected))).toBe(true);
  });

  it('says it in Vietnamese, one file per line', () => {
    const text = describeComparison(compareSums(expected, actual), 'dist');
    expect(text).toContain('Thiếu: có trong SHA256SUMS nhưng không có trong dist (1 tệp):\n  - gone');
    expect(text).toContain('Thừa: có trong dist nhưng không có trong SHA256SUMS (1 tệp):\n  + new');
    expect(text).toContain('Khác: nội dung không khớp mã băm (1 tệp):\n  ~ edited');
    expect(text).toMatch(/KHÔNG KHỚP: 1 thiếu, 1 thừa, 1 khác; 1 tệp khớp\.$/);
    expect(describeComparison(compareSums(expected, expected), 'dist')).toBe('KHỚP: cả 3 tệp của dist đúng như SHA256SUMS.');
  });
});

describe('hashTree', () => {
  it('agrees with GNU sha256sum', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kho-sums-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'a', 'x.html'), '<p>Xin chào</p>');
      writeFileSync(join(dir, 'y.json'), '{}\n');
      writeFileSync(join(dir, 'SHA256SUMS'), 'ignored');
      const sums = hashTree(dir);
      expect([...sums.keys()].sort()).toEqual(['a/x.html', 'y.json']);
      writeFileSync(join(dir, 'SHA256SUMS'), formatSums(sums));
      // GNU coreutils, on every Debian machine: the format must be the one it checks.
      expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).toBe('a/x.html: OK\ny.json: OK\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the checksums integration', () => {
  const hook = checksums().hooks['astro:config:done'] as unknown as (o: { config: { integrations: Array<{ name: string }> } }) => void;
  const run = (...names: string[]) => () => hook({ config: { integrations: names.map((name) => ({ name })) } });

  it('refuses to run before another integration, which could write files it would miss', () => {
    expect(run('kho-pagefind', 'kho-checksums')).not.toThrow();
    expect(run('kho-checksums', 'kho-pagefind')).toThrow(/must be the last integration.*kho-checksums, kho-pagefind/);
  });
});
