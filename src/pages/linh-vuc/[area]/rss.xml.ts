import type { APIContext } from 'astro';
import { REFORM_AREAS, keysOf, type ReformArea } from '../../../data/taxonomy.ts';
import { getCatalog } from '../../../utils/catalog.ts';
import { planFeed } from '../../../utils/feeds.ts';

export function getStaticPaths() {
  return keysOf(REFORM_AREAS).map((area) => ({ params: { area }, props: { area } }));
}

export async function GET(context: APIContext) {
  const { area } = context.props as { area: ReformArea };
  const { byArea } = await getCatalog();
  const { label } = REFORM_AREAS[area];
  return planFeed({
    title: `Lĩnh vực: ${label}`,
    description: `Các kế hoạch cải cách hành chính mới nhất có nội dung về ${label.toLowerCase()}.`,
    plans: byArea.get(area) ?? [],
    site: context.site!,
    listPath: `linh-vuc/${area}/`,
  });
}
