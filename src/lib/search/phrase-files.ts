/**
 * Which plans have each rewording phrase (variants.ts, `REWORDING_PHRASES`):
 * "chỉ số cải cách hành chính" for PAR Index, "tiền giang" for Đồng Tháp.
 * The search page asks it for every such query, and reading it from the
 * index means the positions of every one of its words in nearly every plan:
 * most of the bytes of an abbreviation query. The build reads the answer
 * once, from each bundle's own index files with the search page's own
 * reader (`lookUpPages`), and writes one small file per phrase for every
 * bundle together, in the primary bundle; the page reads that file instead,
 * and falls back to the index when it is missing or unreadable.
 *
 * A file is a JSON array with a list per bundle, in the order of the
 * bundles (primary first), of its page numbers, each as the distance from
 * the one before: long runs of plans that all have the phrase become runs
 * of 1, which gzip shrinks to almost nothing. Page numbers mean something
 * only with the indexes they were read from, so the files go in a folder
 * named after every bundle's index hash (count-files.ts, `countSet`), as
 * Pagefind names its own files: a browser's cached copy from an earlier
 * build can never be read with a later index.
 */
import { listNumbers } from './number-text.ts';
import { REWORDING_PHRASES } from './variants.ts';

/** The folder, in the primary bundle, the files go into. */
export const PHRASE_DIR = 'kho-cum';

const NAMES = new Map(REWORDING_PHRASES.map((keys) => [keys.join(' '), `${keys.join('-')}.json`]));

/**
 * The file, under the primary bundle, holding the plans with these keys as
 * a phrase in the bundles whose set of indexes is `set`; undefined when the
 * build writes none.
 */
export function phraseFile(keys: readonly string[], set: string): string | undefined {
  const name = NAMES.get(keys.join(' '));
  return name && `${PHRASE_DIR}/${set}/${name}`;
}

/** Every phrase the build writes a file for, with that file. */
export function phraseFiles(set: string): [readonly string[], string][] {
  return REWORDING_PHRASES.map((keys) => [keys, phraseFile(keys, set)!]);
}

/**
 * Page numbers in ascending order, each as its distance from the one before
 * (count-files.ts writes them so too). A plain loop: the build calls it for
 * every word and run of every bundle, where `Array.from` with a mapping
 * function took over a second of a 10k build.
 */
export function pageSteps(pages: ArrayLike<number>): number[] {
  const steps = new Array<number>(pages.length);
  let before = 0;
  for (let i = 0; i < pages.length; i++) {
    steps[i] = pages[i] - before;
    before = pages[i];
  }
  return steps;
}

/**
 * Page numbers from their steps, a JSON list or its text (number-text.ts);
 * throws unless they are ascending page numbers below `pageCount`.
 */
export function pagesFromSteps(written: unknown, pageCount: number, what = 'pages'): Uint32Array {
  const steps = listNumbers(written);
  if (!Array.isArray(steps) && !(steps instanceof Float64Array)) throw new Error(`${what}: not a list of pages`);
  // A plain loop: a common word's list has nearly every page, and this runs while the reader waits.
  const out = new Uint32Array(steps.length);
  let page = 0;
  for (let i = 0; i < steps.length; i++) {
    const step: unknown = steps[i];
    if (!Number.isInteger(step) || (step as number) < (i === 0 ? 0 : 1)) throw new Error(`${what}: bad step ${String(step)}`);
    page += step as number;
    if (page >= pageCount) throw new Error(`${what}: page ${page} of ${pageCount}`);
    out[i] = page;
  }
  return out;
}

/** The text of page numbers in ascending order. */
export const encodePages = (pages: readonly number[]): string => JSON.stringify(pageSteps(pages));

/** The page numbers of a text; throws unless they are ascending page numbers below `pageCount`. */
export const decodePages = (text: string, pageCount: number): number[] => Array.from(pagesFromSteps(JSON.parse(text), pageCount));

/** A file's text: each bundle's pages, in ascending order, in the order of the bundles. */
export const encodeBundles = (lists: readonly (readonly number[])[]): string => `[${lists.map(encodePages).join(',')}]`;

/** Bundle number `bundle`'s pages in a file of `bundles` bundles, parsed; throws unless the file has a list of pages per bundle. */
export function bundlePages(lists: unknown, bundle: number, bundles: number, pageCount: number): Uint32Array {
  if (!Array.isArray(lists) || lists.length !== bundles) throw new Error(`not ${bundles} lists of pages`);
  return pagesFromSteps(lists[bundle], pageCount);
}
