import type { APIContext } from 'astro';
import { ISSUER_LEVELS, keysOf, type IssuerLevel } from '../../../data/taxonomy.ts';
import { getCatalog } from '../../../utils/catalog.ts';
import { planFeed } from '../../../utils/feeds.ts';

export function getStaticPaths() {
  return keysOf(ISSUER_LEVELS).map((level) => ({ params: { level }, props: { level } }));
}

export async function GET(context: APIContext) {
  const { level } = context.props as { level: IssuerLevel };
  const { byLevel } = await getCatalog();
  const { label, description } = ISSUER_LEVELS[level];
  return planFeed({
    title: `Cấp ban hành: ${label}`,
    description: `Các kế hoạch cải cách hành chính mới nhất của cấp ban hành “${label}” (${description}).`,
    plans: byLevel.get(level) ?? [],
    site: context.site!,
    listPath: `cap/${level}/`,
  });
}
