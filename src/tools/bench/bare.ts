/**
 * The bare reference: the same entries through the least Astro can do (one
 * MDX collection, one page template, no schema, no lists, no extras) and the
 * stock Pagefind CLI. Built in its own temporary folder outside the repo,
 * with this repo's node_modules, so both builds use the same versions.
 *
 * Its search page is the least a site can do with Pagefind: one
 * `pagefind.search` with the default options but for `noWorker` (as the
 * archive's page: the bench counts the page's downloads, not a worker's),
 * the first ten results with Pagefind's own excerpts. It has the markup of
 * docs/interfaces.md §3 that the query runner waits for, so both sites' searches are
 * timed the same way. It knows no filters: the bare pages carry none.
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
  'public/tim-kiem/index.html': `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><title>Tìm kiếm</title></head>
  <body>
    <main>
      <p data-search-count></p>
      <ol data-search-results data-search-state="idle"></ol>
    </main>
    <script type="module">
      const list = document.querySelector('[data-search-results]');
      const count = document.querySelector('[data-search-count]');
      const pagefind = await import('../pagefind/pagefind.js');
      // As the archive's page does; in a worker, Pagefind's downloads would escape the bench's byte count.
      await pagefind.options({ noWorker: true });
      let latest = 0;
      async function show() {
        const mine = ++latest;
        list.dataset.searchState = 'loading';
        const q = new URLSearchParams(location.search).get('q') ?? '';
        const search = await pagefind.search(q);
        const results = search ? search.results : [];
        const shown = await Promise.all(results.slice(0, 10).map((r) => r.data()));
        if (mine !== latest) return;
        list.replaceChildren(...shown.map((d) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = d.url;
          a.textContent = d.meta.title;
          const p = document.createElement('p');
          p.innerHTML = d.excerpt;
          li.append(a, p);
          return li;
        }));
        count.textContent = results.length + ' kết quả';
        list.dataset.searchState = 'done';
      }
      addEventListener('popstate', show);
      show();
    </script>
  </body>
</html>
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
