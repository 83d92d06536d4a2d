import type { APIContext } from 'astro';
import type { PlanFacts } from '../../../lib/plan-facts.ts';
import { bibtex, citationPaths } from '../../../utils/citation-files.ts';

export const getStaticPaths = citationPaths;

/** The plan as a BibTeX entry, for JabRef, Zotero, Mendeley and LaTeX. */
export function GET({ props, site }: APIContext) {
  const { facts } = props as { facts: PlanFacts };
  return new Response(bibtex(facts, site!), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
}
