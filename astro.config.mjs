// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentGuard } from './src/integrations/content-guard.ts';

/** The URL path the site is served under, always with slashes at both ends. */
function normaliseBase(value = '/') {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const plansDir = process.env.KHO_PLANS_DIR ?? './src/content/plans';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: normaliseBase(process.env.SITE_BASE),
  outDir: process.env.KHO_OUT_DIR ?? './dist',
  cacheDir: process.env.KHO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentGuard(plansDir), mdx(), sitemap()],
});
