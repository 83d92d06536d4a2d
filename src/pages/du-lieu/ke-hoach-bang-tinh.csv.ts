import type { APIContext } from 'astro';
import { getOpenData } from '../../utils/open-data.ts';

/** ke-hoach.csv for a spreadsheet: Vietnamese column names, labels instead of codes, dates as dd/mm/yyyy. */
export async function GET({ site }: APIContext) {
  const { readableCsv } = await getOpenData(site!);
  return new Response(readableCsv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
