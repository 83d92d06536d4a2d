/**
 * Document numbers (số ký hiệu) in running text: 30c/NQ-CP, 61/2018/NĐ-CP,
 * 18-NQ/TW, 01-NQ/CP, 44/KH-SKH&CN, 59/2020/QH14. The archive keys them with
 * `docNumberKey`, so two spellings of one number are one document.
 */
import { DOCUMENT_TYPES, type DocumentType } from '../../data/taxonomy.ts';
import { docNumberCode, docNumberKey, looksLikeDocNumber } from '../../lib/docnumber.ts';
import { fold } from '../../lib/text/fold.ts';

const PART = String.raw`[\p{L}&][\p{L}\p{N}&]*`;
/** A number anywhere in a sentence, not inside a longer token. */
export const DOC_NUMBER = new RegExp(String.raw`(?<![\p{L}\p{N}/_.-])\d{1,5}[a-zA-Z]?(?:\s?/\s?\d{4})?\s?[/-]\s?${PART}(?:\s?[/-]\s?${PART})*(?![\p{L}\p{N}_])`, 'gu');

/** As printed, without the spaces a page's layout put around the separators. */
export function cleanNumber(raw: string): string {
  return raw.replace(/\s*([/-])\s*/g, '$1').replace(/[.,;:]+$/, '');
}

export interface NumberAt {
  number: string;
  index: number;
  end: number;
}

/** Every document number in `text`, in order. */
export function numbersIn(text: string): NumberAt[] {
  return [...text.matchAll(DOC_NUMBER)]
    .map((m) => ({ number: cleanNumber(m[0]), index: m.index, end: m.index + m[0].length }))
    .filter((n) => looksLikeDocNumber(n.number));
}

export const sameNumber = (a: string, b: string) => docNumberKey(a) === docNumberKey(b);

/** The type a number's code names: KH → ke-hoach, QĐ → quyet-dinh, "09-CTr/HU" → chuong-trinh. */
export function typeFromNumber(number: string): DocumentType | undefined {
  const code = docNumberCode(number).split('-')[0];
  const entry = Object.entries(DOCUMENT_TYPES).find(([, t]) => t.abbr && fold(t.abbr) === code);
  return entry?.[0] as DocumentType | undefined;
}

/** "Kế hoạch" → ke-hoach: a type word as printed, in any case. */
export function typeFromWord(word: string): DocumentType | undefined {
  const entry = Object.entries(DOCUMENT_TYPES).find(([key, t]) => key !== 'khac' && fold(t.label) === fold(word.trim()));
  return entry?.[0] as DocumentType | undefined;
}

/** Type words as a regex alternation, for sentences that name a document. */
export const TYPE_WORDS = Object.entries(DOCUMENT_TYPES)
  .filter(([key]) => key !== 'khac')
  .map(([, t]) => t.label)
  .join('|');
