import { defineCollection } from 'astro:content';
import { plansLoader } from './loaders/plans.ts';
import { planSchema } from './schemas/plan.ts';

const plans = defineCollection({
  // The file name is the slug and the URL, exactly as the editor wrote it.
  // A custom loader rather than glob(): see src/loaders/plans.ts for why it scales.
  loader: plansLoader({ base: process.env.KHO_PLANS_DIR ?? './src/content/plans' }),
  schema: planSchema,
});

export const collections = { plans };
