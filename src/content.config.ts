import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { planSchema } from './schemas/plan.ts';

const plans = defineCollection({
  loader: glob({
    pattern: '[!_]*.{md,mdx}',
    base: process.env.KHO_PLANS_DIR ?? './src/content/plans',
    // The file name is the slug and the URL, exactly as the editor wrote it.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: planSchema,
});

export const collections = { plans };
