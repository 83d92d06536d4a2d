/** Finds a document number in a query, however typed: "4003/qd-ubnd", "số 4003 QD UBND", "Quyết định 4003/QĐ-UBND của tỉnh". */
import { DOCUMENT_CODES } from '../../data/legal-codes.ts';
import { looksLikeDocNumber } from '../docnumber.ts';
import { nfc } from '../text/fold.ts';
import { numberToken } from './index-fields.ts';
import { wordKey } from './text.ts';

export interface NumberQuery {
  typed: string;
  /** The index words that carry it: the plan's own number, and numbers it cites. */
  ownToken: string;
  citedToken: string;
  /** What else the query says ("Đồng Tháp" in "4003/QĐ-UBND Đồng Tháp"). */
  rest: string;
}

/** Words that introduce a number and mean nothing on their own. */
const LEAD_WORDS = new Set(['so', 'hieu', 'ky']);

/** "số 4003 QD UBND": a number, an optional year, then letter codes. No "i" flag: it makes \p{L} costly to compile. */
const SPACED = /^(\d+[a-zA-ZđĐ]?)(?:\s+\d{4})?(?:\s+[\p{L}&]+){1,4}$/u;

function build(typed: string, rest: string): NumberQuery | undefined {
  const ownToken = numberToken('own', typed);
  if (!ownToken) return undefined;
  return { typed, ownToken, citedToken: numberToken('cited', typed), rest: rest.replace(/\s+/g, ' ').trim() };
}

/**
 * The number in `query`: a chunk with "/" or "-" that looks like one, anywhere; a spaced form only as the
 * whole query and with a known document type first, so that "2020 cai cach" stays a text query.
 */
export function findNumber(query: string): NumberQuery | undefined {
  const text = nfc(query).replace(/["“”]/g, ' ').trim();
  const chunks = text.split(/\s+/);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i].replace(/^[([]+|[)\],.;:!?]+$/g, '');
    if (/^\d/.test(chunk) && /[/-]/.test(chunk) && looksLikeDocNumber(chunk)) {
      const rest = [...chunks.slice(0, i), ...chunks.slice(i + 1)].filter((c) => !LEAD_WORDS.has(wordKey(c)));
      return build(chunk, rest.join(' '));
    }
  }
  while (chunks.length && LEAD_WORDS.has(wordKey(chunks[0]))) chunks.shift();
  const bare = chunks.join(' ');
  const m = SPACED.exec(bare);
  if (!m) return undefined;
  const codes = bare.slice(m[1].length).trim().split(/\s+/).filter((c) => !/^\d{4}$/.test(c));
  if (!Object.hasOwn(DOCUMENT_CODES, wordKey(codes[0]))) return undefined;
  return build(bare, '');
}
