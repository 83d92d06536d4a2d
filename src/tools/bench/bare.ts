/**
 * The bare reference: the same entries through the least Astro can do (one
 * MDX collection, one page template, no schema, no lists, no extras) and the
 * stock Pagefind CLI. Built in its own temporary folder outside the repo,
 * with this repo's node_modules, so both builds use the same versions. It is
 * a yardstick for build time and memory only: the archive's search reads its
 * own index, so stock Pagefind's search page is no measure of it.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'kho-bench-bare', private: true, type: 'module' }, null, 2),
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
export default defineConfig({
  outDir: process.env.BARE_OUT_DIR,
  cacheDir: process.env.BARE_CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  plans: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: process.env.BARE_PLANS_DIR }) }),
};
`,
  'src/pages/ke-hoach/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const entries = await getCollection('plans');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="vi">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main data-pagefind-body><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></main></body>
</html>
`,
};

/** Writes the bare project into `dir` and links the repo's node_modules. */
export function writeBareProject(dir: string, repoRoot: string): void {
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
