import type { APIContext } from 'astro';
import { CURRENT_PROVINCES, type ProvinceUnit } from '../../../lib/provinces.ts';
import { getCatalog } from '../../../utils/catalog.ts';
import { planFeed } from '../../../utils/feeds.ts';

/** One feed per province of today, empty ones included, so it can be followed before its first plan. */
export function getStaticPaths() {
  return CURRENT_PROVINCES.map((province) => ({ params: { province: province.slug }, props: { province } }));
}

export async function GET(context: APIContext) {
  const { province } = context.props as { province: ProvinceUnit };
  const { byProvinceNow } = await getCatalog();
  return planFeed({
    title: `Kế hoạch của ${province.name}`,
    description: `Các kế hoạch cải cách hành chính mới nhất của ${province.name}, kể cả của các đơn vị đã hợp nhất vào đó.`,
    plans: byProvinceNow.get(province.id) ?? [],
    site: context.site!,
    listPath: `tinh/${province.slug}/`,
  });
}
