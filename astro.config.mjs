// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { buildPhases } from './src/integrations/build-phases.ts';
import { checkedPlansStore, contentGuard } from './src/integrations/content-guard.ts';
import { checksums } from './src/integrations/checksums.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { normaliseBase } from './src/lib/site-base.ts';

const plansDir = process.env.KHO_PLANS_DIR ?? './src/content/plans';
// The content guard leaves there the plans it checked, with their dates, which the search index is split by.
const checked = checkedPlansStore();

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: normaliseBase(process.env.SITE_BASE),
  outDir: process.env.KHO_OUT_DIR ?? './dist',
  cacheDir: process.env.KHO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Every script goes to its own file under /_astro/, however small: the pages'
  // Content-Security-Policy (src/lib/csp.ts) allows no inline script.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  // The dev toolbar injects an inline script, which that policy refuses in `npm run dev` too.
  devToolbar: { enabled: false },
  // buildPhases first: it times and names every later integration's hooks.
  // checksums last: SHA256SUMS must list every file the others write (it checks).
  integrations: [buildPhases(), contentGuard(plansDir, checked), mdx(), sitemap(), pagefindIndex(checked), checksums()],
});
