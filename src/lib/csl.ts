/**
 * A plan as a CSL-JSON item, the format reference managers (Zotero, Mendeley,
 * citation-js) exchange, and the one the archive's BibTeX is converted from.
 * Only what the entry knows: no date when the source gives none, and never the
 * build time, so that every build writes the same files.
 */
import type { PlanFacts } from './plan-facts.ts';

/** The fields of CSL-JSON the archive writes. */
export interface CslItem {
  id: string;
  type: 'report';
  title: string;
  /** The issuing body, as an institutional author. */
  author: Array<{ literal: string }>;
  publisher: string;
  'publisher-place'?: string;
  /** Số ký hiệu. */
  number?: string;
  /** The kind of document: "Kế hoạch", "Quyết định". */
  genre: string;
  issued?: { 'date-parts': [[number, number, number]] };
  URL: string;
  language: 'vi';
  abstract: string;
  archive: string;
}

/** The plan's CSL-JSON item; `pageUrl` is its page in the archive. */
export function cslItem(facts: PlanFacts, pageUrl: string, archive: string): CslItem {
  const { plan } = facts;
  const date = plan.issuedOn?.split('-').map(Number) as [number, number, number] | undefined;
  return {
    id: facts.slug,
    type: 'report',
    title: plan.title,
    author: [{ literal: plan.issuer.name }],
    publisher: plan.issuer.name,
    ...(facts.unit && { 'publisher-place': facts.unit.name }),
    ...(plan.documentNumber && { number: plan.documentNumber }),
    genre: facts.typeLabel,
    ...(date && { issued: { 'date-parts': [date] } }),
    URL: pageUrl,
    language: 'vi',
    abstract: plan.summary,
    archive,
  };
}
