/**
 * Abbreviations common in administrative-reform documents, and what they stand
 * for. Search expands a query both ways with this table: "CCHC" also finds
 * plans that write "cải cách hành chính", and the reverse. Names of the
 * assessment indices come from the taxonomy, so each is written once.
 *
 * Forms are written as printed, with diacritics; matching folds them, so
 * "hdnd", "HĐND" and "hđnd" are one abbreviation.
 */
import { INDICES } from './taxonomy.ts';

export interface Abbreviation {
  /** The short forms, most common first: "KH&CN", "KHCN". */
  short: readonly string[];
  /** What they stand for, most common first. */
  long: readonly string[];
}

const INDEX_ABBREVIATIONS: Abbreviation[] = Object.values(INDICES).map((i) => ({ short: [i.label], long: [i.name] }));

export const ABBREVIATIONS: readonly Abbreviation[] = [
  { short: ['CCHC'], long: ['cải cách hành chính'] },
  { short: ['TTHC'], long: ['thủ tục hành chính'] },
  { short: ['UBND'], long: ['Ủy ban nhân dân'] },
  { short: ['HĐND'], long: ['Hội đồng nhân dân'] },
  { short: ['CBCCVC'], long: ['cán bộ, công chức, viên chức'] },
  { short: ['CBCC'], long: ['cán bộ, công chức'] },
  { short: ['KH&CN', 'KHCN'], long: ['khoa học và công nghệ'] },
  { short: ['VBQPPL'], long: ['văn bản quy phạm pháp luật'] },
  { short: ['CĐS'], long: ['chuyển đổi số'] },
  { short: ['CPĐT'], long: ['chính phủ điện tử'] },
  { short: ['CQĐT'], long: ['chính quyền điện tử'] },
  { short: ['CNTT'], long: ['công nghệ thông tin'] },
  { short: ['DVCTT'], long: ['dịch vụ công trực tuyến'] },
  { short: ['ĐVSNCL'], long: ['đơn vị sự nghiệp công lập'] },
  ...INDEX_ABBREVIATIONS,
];
