/**
 * The files of rewording phrases (src/lib/search/phrase-files.ts): which
 * phrases get one, and how their page numbers are written and read back.
 */
import { describe, expect, it } from 'vitest';
import { bundlePages, decodePages, encodeBundles, encodePages, phraseFile, phraseFiles } from '../../src/lib/search/phrase-files.ts';
import { queryVariants, replacementRuns } from '../../src/lib/search/variants.ts';
import { wordKey, words } from '../../src/lib/search/text.ts';

const asQuery = (text: string) => words(text).map((w, i) => ({ text: w, key: wordKey(w), from: i }));

describe('rewording phrase files', () => {
  it('exist for what a rewording puts in: the long form of an abbreviation, the abbreviation, a former province name', () => {
    for (const q of ['PAR Index', 'CCHC', 'Đồng Tháp', 'TTHC', 'cải cách hành chính', 'ủy ban nhân dân']) {
      const runs = queryVariants(asQuery(q)).flatMap((v) => replacementRuns(v.words));
      expect(runs.length, q).toBeGreaterThan(0);
      for (const run of runs) expect(phraseFile(run, 'chung_0a1b2c3d4e5f6a'), `${q}: ${run.join(' ')}`).toBeDefined();
    }
    // In a folder named after the indexes, whose page numbers the file holds.
    expect(phraseFile(['chi', 'so', 'cai', 'cach', 'hanh', 'chinh'], 'chung_0a1b2c3d4e5f6a')).toBe('kho-cum/chung_0a1b2c3d4e5f6a/chi-so-cai-cach-hanh-chinh.json');
    // An abbreviation a long form becomes: a word, whose count file holds its count in every plan.
    expect(phraseFile(['cchc'], 'chung_0a1b2c3d4e5f6a')).toBe('kho-cum/chung_0a1b2c3d4e5f6a/cchc.json');
    // Not for words or phrases no rewording puts in.
    expect(phraseFile(['mot'], 'chung_0a1b2c3d4e5f6a')).toBeUndefined();
    expect(phraseFile(['mot', 'cua'], 'chung_0a1b2c3d4e5f6a')).toBeUndefined();
    const files = phraseFiles('chung_0a1b2c3d4e5f6a').map(([, file]) => file);
    expect(new Set(files).size).toBe(files.length);
  });

  it('write page numbers as steps and read them back', () => {
    for (const pages of [[], [0], [3, 4, 5, 6, 90], Array.from({ length: 500 }, (_, i) => i + 7)]) {
      const text = encodePages(pages);
      expect(decodePages(text, 1000)).toEqual(pages);
    }
    // A run of consecutive pages is a run of ones.
    expect(encodePages([10, 11, 12, 13])).toBe('[10,1,1,1]');
  });

  it('refuse a file that is not ascending page numbers of the bundle', () => {
    for (const text of ['{}', '[1,0]', '[1,-2]', '[1.5]', '["1"]', '[999]', 'not json']) expect(() => decodePages(text, 999), text).toThrow();
  });

  it('hold each bundle its own pages, in the order of the bundles', () => {
    const bundles = [[0, 1, 2, 40], [], [5]];
    const lists: unknown = JSON.parse(encodeBundles(bundles));
    bundles.forEach((pages, b) => expect(Array.from(bundlePages(lists, b, bundles.length, 100))).toEqual(pages));
    // A file of another number of bundles, or a bundle's page past its end, is refused.
    expect(() => bundlePages(lists, 0, 2, 100)).toThrow();
    expect(() => bundlePages(lists, 0, 3, 40)).toThrow();
    expect(() => bundlePages({}, 0, 1, 100)).toThrow();
  });
});
