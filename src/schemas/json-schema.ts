/**
 * The JSON Schema of a plan's frontmatter, generated from the zod schema, so
 * it can never drift from what the build accepts. Served as
 * /du-lieu/ke-hoach.schema.json and used by editors' YAML tooling.
 */
import { z } from 'astro/zod';
import { planObject } from './plan.ts';

/** What a date field accepts: 2020-01-22 or 22/01/2020. */
export const DATE_PATTERN = '^(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4})$';

export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: 'ke-hoach.schema.json',
    title: 'Kế hoạch CCHC: thông tin đầu tệp (frontmatter)',
    ...jsonSchemaOf(planObject),
  };
}

/**
 * Any schema built from the plan's fields, as JSON Schema; the open-data
 * files (src/schemas/export.ts) describe their records with it too.
 */
export function jsonSchemaOf(zodSchema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(zodSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type: string; options?: Array<{ _zod: { def: { type: string } } }> };
      // A date field is a union of Date (what YAML may produce) and string;
      // in a file it is always written as text.
      if (def.type === 'union' && def.options?.some((o) => o._zod.def.type === 'date')) {
        const { title, description, examples } = ctx.jsonSchema as Record<string, unknown>;
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { type: 'string', pattern: DATE_PATTERN, title, description, examples });
      }
    },
  });
}
