/**
 * An extraction in the entry contract's shape: the `--json` object (only the
 * fields the text supports) and the frontmatter of a draft.
 */
import { formatDate } from '../../lib/dates.ts';
import type { EntryData } from '../scaffold/answers.ts';
import type { Extraction } from './types.ts';

export interface ImportJson {
  title?: string;
  documentNumber?: string;
  documentType?: string;
  issuedOn?: string;
  issuer?: { name?: string; level?: string };
  province?: string;
  district?: string;
  period?: { from: number; to: number };
  reformAreas?: string[];
  indices?: string[];
  legalBases?: Array<{ number: string; issuer?: string; issuedOn?: string }>;
  source?: { url?: string; publisher?: string; author?: string; publishedOn?: string };
}

/** Drops undefined values and objects left empty. */
function compact<T extends object>(obj: T): T | undefined {
  const out = Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  return Object.keys(out).length ? (out as T) : undefined;
}

export function toJson(e: Extraction): ImportJson {
  return (
    compact<ImportJson>({
      title: e.title?.value,
      documentNumber: e.documentNumber?.value,
      documentType: e.documentType?.value,
      issuedOn: e.issuedOn?.value,
      issuer: compact({ name: e.issuerName?.value, level: e.issuerLevel?.value }),
      province: e.province?.value,
      district: e.district?.value,
      period: e.period?.value,
      reformAreas: e.reformAreas?.value,
      indices: e.indices?.value,
      legalBases: e.legalBases.map((b) => b.value),
      source: compact({ url: e.source.url, publisher: e.source.publisher?.value, author: e.source.author?.value, publishedOn: e.source.publishedOn?.value }),
    }) ?? {}
  );
}

/** Frontmatter values for a draft, dates as editors write them (dd/mm/yyyy). */
export function toEntryData(e: Extraction, retrievedOn?: string): EntryData {
  const json = toJson(e);
  const date = (iso: string | undefined) => (iso ? formatDate(iso) : undefined);
  const data: EntryData = {
    ...json,
    issuedOn: date(json.issuedOn),
    legalBases: json.legalBases?.map((b) => (b.issuer || b.issuedOn ? { number: b.number, issuer: b.issuer, issuedOn: date(b.issuedOn) } : b.number)),
    source: json.source ? { ...json.source, publishedOn: date(json.source.publishedOn), retrievedOn: date(retrievedOn) } : retrievedOn ? { retrievedOn: date(retrievedOn) } : undefined,
  };
  return JSON.parse(JSON.stringify(data)) as EntryData;
}
