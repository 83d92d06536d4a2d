/**
 * A plan's citation files, for reference managers: CSL-JSON and BibTeX,
 * written by citation-js (build side only). Beside the plan's page:
 * /ke-hoach/<slug>/trich-dan.json and /ke-hoach/<slug>/trich-dan.bib.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { SITE_NAME } from '../config.ts';
import { cslItem, type CslItem } from '../lib/csl.ts';
import type { PlanFacts } from '../lib/plan-facts.ts';
import { absoluteUrl } from './absolute-url.ts';
import { getCatalog } from './catalog.ts';

export const CITATION_FILES = { bib: 'trich-dan.bib', json: 'trich-dan.json' } as const;

// Vietnamese is written as Unicode: the library's ASCII mode has no LaTeX form
// for the hook above and the horn, and drops them ("Sở" would become "So").
const bibtexConfig = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean; useIdAsLabel: boolean } };
bibtexConfig.format.asciiOnly = false;
bibtexConfig.format.useIdAsLabel = true;

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * In Unicode mode the library escapes nothing, so the characters LaTeX reads
 * as commands ("&" in 44/KH-SKH&CN, "%" in a target) are escaped first. URLs
 * stay as they are: BibTeX reads the url field verbatim.
 */
function latexEscaped(item: CslItem): CslItem {
  const esc = (s: string) => s.replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIAL[c]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'URL' || key === 'id') out[key] = value;
    else if (typeof value === 'string') out[key] = esc(value);
    else if (key === 'author') out[key] = item.author.map((a) => ({ literal: esc(a.literal) }));
    else out[key] = value;
  }
  return out as unknown as CslItem;
}

export function planCsl(facts: PlanFacts, site: URL): CslItem {
  return cslItem(facts, absoluteUrl(`ke-hoach/${facts.slug}/`, site), SITE_NAME);
}

/** CSL-JSON: an array of one item, as reference managers import it. */
export function cslJson(facts: PlanFacts, site: URL): string {
  return `${new Cite(planCsl(facts, site)).format('data', { format: 'text' })}\n`;
}

/**
 * BibTeX has no day field: the issue date goes as year and month only (with
 * the day, the library writes "month = {sep 19}"). The title is one brace
 * group, so that no style lower-cases "Tiền Giang": the library's own
 * protection of capitals splits Vietnamese words.
 */
function forBibtex(item: CslItem): CslItem {
  const [parts] = item.issued?.['date-parts'] ?? [];
  return {
    ...item,
    title: `<span class="nocase">${item.title}</span>`,
    ...(parts && { issued: { 'date-parts': [parts.slice(0, 2)] } }),
  } as CslItem;
}

export function bibtex(facts: PlanFacts, site: URL): string {
  return new Cite(forBibtex(latexEscaped(planCsl(facts, site)))).format('bibtex', { format: 'text' }) as string;
}

/** One static path per plan, for the citation file endpoints. */
export async function citationPaths() {
  const { all } = await getCatalog();
  return all.map((facts) => ({ params: { slug: facts.slug }, props: { facts } }));
}
