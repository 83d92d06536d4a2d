import type { APIContext } from 'astro';
import type { PlanFacts } from '../../../lib/plan-facts.ts';
import { citationPaths, cslJson } from '../../../utils/citation-files.ts';

export const getStaticPaths = citationPaths;

/** The plan as CSL-JSON, the exchange format of Zotero, Mendeley and citation processors. */
export function GET({ props, site }: APIContext) {
  const { facts } = props as { facts: PlanFacts };
  return new Response(cslJson(facts, site!), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });
}
