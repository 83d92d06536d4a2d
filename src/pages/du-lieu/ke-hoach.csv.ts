import type { APIContext } from 'astro';
import { getOpenData } from '../../utils/open-data.ts';

/** The same records as ke-hoach.json, one row per plan, for spreadsheets. */
export async function GET({ site }: APIContext) {
  const { csv } = await getOpenData(site!);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
