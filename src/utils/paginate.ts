import { PAGE_SIZE } from '../config.ts';
import { pages, type PlanFacts } from '../lib/plan-facts.ts';

export interface PageProps {
  plans: PlanFacts[];
  page: number;
  pageCount: number;
  total: number;
}

/**
 * Static paths for a paginated list: page 1 at the list's own URL, page n at
 * `trang/n/` below it, through a rest parameter named `page`.
 */
export function pagedPaths<P extends Record<string, string>, X extends object>(
  params: P,
  plans: PlanFacts[],
  extra: X,
): Array<{ params: P & { page: string | undefined }; props: PageProps & X }> {
  const chunks = pages(plans, PAGE_SIZE);
  return chunks.map((chunk, i) => ({
    params: { ...params, page: i === 0 ? undefined : `trang/${i + 1}` },
    props: { ...extra, plans: chunk, page: i + 1, pageCount: chunks.length, total: plans.length },
  }));
}
