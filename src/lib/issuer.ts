/**
 * Issuing bodies as editors write them. The same body appears as "Ủy ban
 * nhân dân tỉnh Lạng Sơn", "Uỷ ban nhân dân tỉnh Lạng Sơn" and "UBND tỉnh
 * Lạng Sơn"; duplicate detection and slugs must treat these as one.
 */
import { ABBREVIATIONS } from '../data/abbreviations.ts';
import { fold, nfc, stripDiacritics } from './text/fold.ts';

/** The bodies whose names documents abbreviate inside an issuer's name ("UBND tỉnh …"). */
const ORGANS = ['UBND', 'HĐND'];

/** Long names of those bodies with their abbreviation, from the shared abbreviation table. */
export const ORGAN_ABBREVIATIONS: ReadonlyArray<readonly [long: string, short: string]> = ABBREVIATIONS.filter((a) =>
  ORGANS.includes(a.short[0]),
).flatMap((a) => a.long.map((long) => [long, a.short[0]] as const));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces the long names of ORGAN_ABBREVIATIONS with their abbreviations,
 * in any case and tone-mark style: "Uỷ ban nhân dân tỉnh" → "UBND tỉnh".
 * Works on the diacritic-free form, so the result has no diacritics either.
 */
export function abbreviateOrgans(name: string): string {
  let out = stripDiacritics(nfc(name));
  for (const [long, short] of ORGAN_ABBREVIATIONS) {
    out = out.replace(new RegExp(`\\b${escapeRegExp(stripDiacritics(long))}\\b`, 'gi'), stripDiacritics(short));
  }
  return out;
}

/** One key per issuing body however it is spelt: "ubnd tinh lang son". */
export function issuerKey(name: string): string {
  return fold(abbreviateOrgans(name))
    .replace(/\btp\.?(?=\s|$)/g, 'thanh pho')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}
