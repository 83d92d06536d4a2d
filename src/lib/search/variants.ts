/**
 * Other ways of saying what the reader typed: an abbreviation and its long form ("CCHC" ↔ "cải cách
 * hành chính"), a province by its name before the 2025 merger ("Đồng Tháp" → "Tiền Giang").
 */
import { ABBREVIATIONS } from '../../data/abbreviations.ts';
import { CURRENT_PROVINCES, PROVINCE_UNITS } from '../provinces.ts';
import { wordKey, wordKeys, words } from './text.ts';

interface VariantWord {
  /** As displayed and searched with diacritics. */
  text: string;
  key: string;
  /** Index of the query word it stands for; absent for a replacement. */
  from?: number;
}

export interface Variant {
  words: VariantWord[];
  kind: 'original' | 'abbreviation' | 'province';
}

/** Enough rewordings to cover a query. */
const MAX_VARIANTS = 4;

interface Rewrite {
  /** The loose keys of the words replaced. */
  from: string[];
  /** What replaces them, as written. */
  to: string;
  kind: Variant['kind'];
}

const rewritesFromAbbreviations = (): Rewrite[] =>
  ABBREVIATIONS.flatMap(({ short, long }) => [
    ...short.map((s): Rewrite => ({ from: wordKeys(s), to: long[0], kind: 'abbreviation' })),
    ...long.map((l): Rewrite => ({ from: wordKeys(l), to: short[0], kind: 'abbreviation' })),
  ]);

/** Today's provinces that absorbed units of another name: "Đồng Tháp" → "Tiền Giang". */
function rewritesFromProvinces(): Rewrite[] {
  const out: Rewrite[] = [];
  for (const now of CURRENT_PROVINCES) {
    const nowKeys = wordKeys(now.name).filter((k, i) => !(i === 0 && k === 'tp'));
    for (const old of PROVINCE_UNITS) {
      if (old.nowId !== now.id || old.slug === now.slug) continue;
      // "Thừa Thiên Huế" already contains "Huế": searching it again adds nothing.
      if (old.slug.includes(now.slug)) continue;
      out.push({ from: nowKeys, to: old.name, kind: 'province' });
    }
  }
  return out;
}

// Longest first, so "chỉ số chuyển đổi số" (DTI) is seen before "chuyển đổi số" (CĐS).
const REWRITES: Rewrite[] = [...rewritesFromAbbreviations(), ...rewritesFromProvinces()].sort((a, b) => b.from.length - a.from.length);

/** Where `from` stands in `keys`, on free words only. */
const occurrences = (keys: string[], from: string[], free: (i: number) => boolean) =>
  keys.flatMap((_, i) => (i + from.length <= keys.length && from.every((k, j) => keys[i + j] === k && free(i + j)) ? [i] : []));

/**
 * The original query and up to MAX_VARIANTS rewordings, breadth first ("chỉ số CCHC" reaches "PAR
 * Index" through "chỉ số cải cách hành chính"). Words in quotes are never rewritten.
 */
export function queryVariants(query: VariantWord[], quoted: (from: number) => boolean = () => false): Variant[] {
  const original: Variant = { words: query, kind: 'original' };
  const out: Variant[] = [original];
  const seen = new Set([query.map((w) => w.key).join(' ')]);
  let frontier: Variant[] = [original];
  for (let depth = 0; depth < 2 && out.length <= MAX_VARIANTS; depth++) {
    const next: Variant[] = [];
    for (const v of frontier) {
      const keys = v.words.map((w) => w.key);
      const free = (i: number) => v.words[i].from === undefined || !quoted(v.words[i].from!);
      for (const r of REWRITES) {
        for (const at of occurrences(keys, r.from, free)) {
          const replacement = words(r.to).map((text) => ({ text, key: wordKey(text) }));
          const replaced = [...v.words.slice(0, at), ...replacement, ...v.words.slice(at + r.from.length)];
          const id = replaced.map((w) => w.key).join(' ');
          if (seen.has(id) || out.length > MAX_VARIANTS) continue;
          seen.add(id);
          const variant: Variant = { words: replaced, kind: r.kind };
          out.push(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Runs of replaced words in a variant: what a rewording put in, as phrases. */
export function replacementRuns(words: readonly { key: string; from?: number }[]): string[][] {
  const runs: string[][] = [];
  words.forEach((w, i) => {
    if (w.from !== undefined) return;
    if (i === 0 || words[i - 1].from !== undefined) runs.push([]);
    runs.at(-1)!.push(w.key);
  });
  return runs;
}
