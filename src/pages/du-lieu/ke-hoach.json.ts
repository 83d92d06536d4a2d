import type { APIContext } from 'astro';
import { getOpenData } from '../../utils/open-data.ts';

/** Every plan's metadata (docs/interfaces.md §2), described by ke-hoach.schema.json. */
export async function GET({ site }: APIContext) {
  const { json } = await getOpenData(site!);
  return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
