/**
 * What the archive-grade pages need beyond the catalog, computed once per
 * build: the citation graph, the plans grouped by issuing body, and each
 * entry file's last change.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCitationGraph, groupByIssuer, planCitations, type CitationGraph } from '../lib/citations.ts';
import type { PlanFacts } from '../lib/plan-facts.ts';
import { lastChanged, type FileDate } from '../lib/git-dates.ts';
import { getCatalog } from './catalog.ts';

export interface Archive {
  graph: CitationGraph;
  issuerGroups: Map<string, PlanFacts[]>;
  /** By slug. */
  fileDates: Map<string, FileDate>;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/;

async function load(): Promise<Archive> {
  const { all, entries } = await getCatalog();
  const files = new Map(all.map((f) => [f.slug, resolve(entries.get(f.slug)!.filePath!)]));
  const plans = all.map((facts) => {
    const entry = entries.get(facts.slug)!;
    // The plans loader does not keep bodies in the data store (memory at
    // scale), so read the file again; each body is dropped once scanned.
    const body = entry.body ?? readFileSync(files.get(facts.slug)!, 'utf8').replace(FRONTMATTER, '');
    return { facts, citations: planCitations(facts, body) };
  });
  const dates = lastChanged([...files.values()]);
  return {
    graph: buildCitationGraph(plans),
    issuerGroups: groupByIssuer(all),
    fileDates: new Map([...files].map(([slug, file]) => [slug, dates.get(file)!])),
  };
}

let cached: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  cached ??= load();
  return cached;
}
