import type { APIContext } from 'astro';
import { getOpenData } from '../../utils/open-data.ts';

/** The JSON Schema of ke-hoach.json, generated from the zod schema (src/schemas/export.ts). */
export async function GET({ site }: APIContext) {
  const { schema } = await getOpenData(site!);
  return new Response(schema, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
