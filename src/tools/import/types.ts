/**
 * What `npm run import` extracts from a source text. Every value carries the
 * line it came from, so the report can show the editor where to look; a value
 * the rules of the genre do not settle is marked uncertain, and the terminal
 * review offers it for confirmation.
 */
import type { DocumentType, IndexKey, IssuerLevel, ReformArea } from '../../data/taxonomy.ts';

/** One logical line of the normalised text, with the line of the input it starts on. */
export interface Line {
  text: string;
  /** 1-based line of the input text; 0 for values taken from the URL. */
  line: number;
}

export interface Found<T> {
  value: T;
  /** Where it came from: the input line, or 0 with `from` naming the URL. */
  line: number;
  /** The source line as it reads after normalisation (or the URL). */
  from: string;
  /** The rules do not settle it: the review asks, the report says so. */
  uncertain?: boolean;
  /** A word on how it was read, for the report. */
  note?: string;
}

export interface LegalBasis {
  number: string;
  issuer?: string;
  issuedOn?: string;
}

/** Why a field was left out, in Vietnamese, for the report. */
export interface Missing {
  field: FieldName;
  reason: string;
}

export type FieldName =
  | 'title'
  | 'documentNumber'
  | 'documentType'
  | 'issuedOn'
  | 'issuer.name'
  | 'issuer.level'
  | 'province'
  | 'district'
  | 'period'
  | 'reformAreas'
  | 'indices'
  | 'legalBases'
  | 'source.publisher'
  | 'source.author'
  | 'source.publishedOn';

export interface Extraction {
  title?: Found<string>;
  documentNumber?: Found<string>;
  documentType?: Found<DocumentType>;
  issuedOn?: Found<string>;
  issuerName?: Found<string>;
  issuerLevel?: Found<IssuerLevel>;
  province?: Found<string>;
  district?: Found<string>;
  period?: Found<{ from: number; to: number }>;
  reformAreas?: Found<ReformArea[]>;
  indices?: Found<IndexKey[]>;
  legalBases: Array<Found<LegalBasis>>;
  /** Documents the text says it replaces ("thay thế Quyết định số …"): never legal bases. */
  replaces: Array<Found<string>>;
  source: {
    url?: string;
    publisher?: Found<string>;
    author?: Found<string>;
    publishedOn?: Found<string>;
  };
  /** The article's headline, for news items: not the plan's title. */
  headline?: Found<string>;
  /** Headings of the source, for the draft's outline: [level, text]. */
  headings: Array<{ level: 2 | 3; text: string }>;
  missing: Missing[];
}
