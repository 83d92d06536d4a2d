/**
 * The Highwire Press `citation_*` meta tags of a plan page: what Zotero's
 * connector, Google Scholar and other reference tools read to save the page
 * with its title, issuer, date, number and URL in one click.
 */
import type { PlanFacts } from './plan-facts.ts';

/** Name and content of each tag, in order; a tag may repeat. */
export function highwireTags(facts: PlanFacts, pageUrl: string): Array<[string, string]> {
  const { plan } = facts;
  // Highwire dates are yyyy/mm/dd.
  const date = plan.issuedOn?.replaceAll('-', '/');
  const tags: Array<[string, string | undefined]> = [
    ['citation_title', plan.title],
    ['citation_author', plan.issuer.name],
    ['citation_publication_date', date],
    ['citation_date', date],
    ['citation_technical_report_number', plan.documentNumber],
    ['citation_technical_report_institution', plan.issuer.name],
    ['citation_publisher', plan.issuer.name],
    ['citation_language', 'vi'],
    ['citation_public_url', pageUrl],
    ['citation_abstract', plan.summary],
  ];
  return tags.filter((t): t is [string, string] => t[1] !== undefined);
}
