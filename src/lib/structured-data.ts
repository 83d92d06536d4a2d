/**
 * schema.org structured data for a plan page: a `Legislation` that search
 * engines and harvesters can read without parsing the page.
 */
import { UNKNOWN, type PlanFacts } from './plan-facts.ts';

export interface LegislationLinks {
  /** The plan page's absolute URL. */
  pageUrl: string;
  /** The archive's home page. */
  siteUrl: string;
  siteName: string;
  /** yyyy-mm-dd of the entry's last change. */
  updatedOn: string;
  /** The documents the plan cites, with their /van-ban/ pages. */
  cited: Array<{ number: string; issuer?: string; issuedOn?: string; url: string }>;
}

const ORG = 'GovernmentOrganization';

export function legislationJsonLd(facts: PlanFacts, links: LegislationLinks): Record<string, unknown> {
  const { plan } = facts;
  const { source } = plan;
  // "Không rõ" is what editors write when the source does not say; it names no one.
  const publisher = source.publisher !== UNKNOWN ? source.publisher : undefined;
  const sourceWork = {
    '@type': 'CreativeWork',
    ...(source.url && { url: source.url }),
    ...(publisher && { publisher: { '@type': 'Organization', name: publisher } }),
    ...(source.author && { author: { '@type': 'Person', name: source.author } }),
    ...(source.publishedOn && { datePublished: source.publishedOn }),
  };
  const province = facts.unit && {
    '@type': 'AdministrativeArea',
    name: facts.unit.fullName,
    ...(facts.now && facts.now.id !== facts.unit.id && { containedInPlace: { '@type': 'AdministrativeArea', name: facts.now.fullName } }),
  };
  const cited = links.cited.map((c) => ({
    '@type': 'Legislation',
    legislationIdentifier: c.number,
    ...(c.issuer && { legislationPassedBy: { '@type': ORG, name: c.issuer } }),
    ...(c.issuedOn && { legislationDate: c.issuedOn }),
    url: c.url,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    '@id': links.pageUrl,
    url: links.pageUrl,
    name: plan.title,
    description: plan.summary,
    inLanguage: 'vi',
    ...(plan.documentNumber && { legislationIdentifier: plan.documentNumber }),
    ...(plan.issuedOn && { legislationDate: plan.issuedOn }),
    legislationType: facts.typeLabel,
    legislationPassedBy: { '@type': ORG, name: plan.issuer.name },
    // A district's plan applies in the district, within its province.
    legislationJurisdiction:
      plan.district && province
        ? { '@type': 'AdministrativeArea', name: plan.district, containedInPlace: province }
        : (province ?? { '@type': 'AdministrativeArea', name: 'Việt Nam' }),
    temporalCoverage: `${plan.period.from}/${plan.period.to}`,
    ...(plan.tags?.length && { keywords: plan.tags.join(', ') }),
    dateModified: links.updatedOn,
    isBasedOn: [...(source.url || publisher ? [sourceWork] : []), ...cited],
    isPartOf: { '@type': 'WebSite', name: links.siteName, url: links.siteUrl },
  };
}

/**
 * JSON safe inside <script>: "<" is escaped so that no value, however written,
 * can close the element ("</script>") or open a comment.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
