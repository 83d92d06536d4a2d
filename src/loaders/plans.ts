/**
 * The plans collection's loader, built for archives of 100,000 entries.
 *
 * Astro's glob() loader turns every .mdx entry into a Vite module, so a build
 * bundles one module per plan: at 10,000 plans that is most of the build's
 * time and several GB of memory. Plan bodies are plain Markdown in practice
 * (MDX comments at most), so this loader renders them with Astro's own
 * Markdown pipeline (`renderMarkdown`) while loading. The HTML goes to one
 * file per plan in the cache folder, not into the data store: the store is
 * serialised as one string (V8 caps strings near 0.5 GB, about 40,000 plans'
 * HTML), and Astro's chunked storage, which avoids that cap, encodes every
 * character separately and took 12 of 44 s at 2,000 plans. `planHtml()` in
 * src/utils/plan-body.ts reads the file back when the page is rendered.
 *
 * A body that really uses MDX (imports, exports, JSX, expressions, images)
 * keeps the MDX path: it is stored with `deferredRender`, exactly as glob()
 * would store it, and the page renders it with `render(entry)`.
 *
 * An entry whose file is unchanged since the last build (same digest) and
 * whose HTML is still in the cache is not parsed or rendered again. Bodies
 * are not retained in the store; readers that need the source read the file.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { progress } from '../lib/progress.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const ENTRY = /^[^_].*\.mdx?$/;
/** MDX comments render nothing, so they are dropped before Markdown sees them. */
const MDX_COMMENT = /\{\/\*[\s\S]*?\*\/\}/g;
/** Anything MDX would treat as code (imports, exports, JSX, expressions), and images, which need Astro's asset pipeline. */
const NEEDS_MDX = /^\s*(?:import|export)\s|<[A-Za-z/!]|[{}]|!\[/m;
/** How many files are read and rendered at once. */
const CONCURRENCY = 16;

export interface PlansLoaderOptions {
  /** The folder of entries, relative to the project root. */
  base: string;
}

/** Markdown that renders the same as MDX, or undefined when the body needs MDX. */
export function markdownBody(body: string): string | undefined {
  const plain = body.replace(MDX_COMMENT, '');
  return NEEDS_MDX.test(plain) ? undefined : plain;
}

export function plansLoader({ base }: PlansLoaderOptions): Loader {
  return {
    name: 'kho-plans',
    load: async (ctx) => {
      const root = fileURLToPath(ctx.config.root);
      const dir = resolve(root, base);
      const htmlDir = fileURLToPath(new URL('kho-plan-html/', ctx.config.cacheDir));
      await mkdir(htmlDir, { recursive: true });
      const names = (await readdir(dir)).filter((n) => ENTRY.test(n)).sort();
      const seen = new Set<string>();
      const tick = progress('Đã nạp', names.length, 'kế hoạch', (line) => ctx.logger.info(line));
      let done = 0;
      let next = 0;
      const worker = async () => {
        while (next < names.length) {
          const name = names[next++];
          seen.add(await loadFile(ctx, root, htmlDir, join(dir, name)));
          tick(++done);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      tick(done, true);
      for (const id of ctx.store.keys()) if (!seen.has(id)) ctx.store.delete(id);

      // Dev: follow edits to the folder, one file at a time.
      ctx.watcher?.add(dir);
      const onChange = async (file: string) => {
        if (resolve(file, '..') !== dir || !ENTRY.test(file.split(/[\\/]/).pop()!)) return;
        try {
          await loadFile(ctx, root, htmlDir, file);
        } catch (error) {
          ctx.logger.error(`${relative(root, file)}: ${(error as Error).message}`);
        }
      };
      ctx.watcher?.on('change', onChange);
      ctx.watcher?.on('add', onChange);
      ctx.watcher?.on('unlink', (file) => {
        if (resolve(file, '..') === dir) ctx.store.delete(idOf(file));
      });
    },
  };
}

function idOf(file: string): string {
  return file.split(/[\\/]/).pop()!.replace(/\.mdx?$/, '');
}

/** Loads one entry into the store and returns its id. */
async function loadFile(ctx: LoaderContext, root: string, htmlDir: string, file: string): Promise<string> {
  const id = idOf(file);
  const source = await readFile(file, 'utf8');
  const digest = ctx.generateDigest(source);
  const existing = ctx.store.get(id);
  const filePath = relative(root, file).split('\\').join('/');
  const htmlFile = join(htmlDir, `${id}.html`);
  if (existing && existing.digest === digest && existing.filePath === filePath) {
    if (existing.deferredRender) {
      ctx.store.addModuleImport(filePath);
      return id;
    }
    if (existing.rendered?.metadata?.htmlFile === htmlFile && existsSync(htmlFile)) return id;
  }
  const m = FRONTMATTER.exec(source);
  // YAML 1.2 core schema, as the content guard reads it: dates stay the strings editors typed.
  const raw = (m ? parseYaml(m[1], { schema: 'core' }) : {}) ?? {};
  const body = m ? source.slice(m[0].length) : source;
  const data = await ctx.parseData({ id, data: raw as Record<string, unknown>, filePath });
  const markdown = markdownBody(body);
  if (markdown === undefined) {
    ctx.store.set({ id, data, filePath, digest, deferredRender: true });
  } else {
    const { html, metadata } = await ctx.renderMarkdown(markdown, { fileURL: pathToFileURL(file) });
    await writeFile(htmlFile, html);
    // The headings stay in the store for anyone who wants a table of contents.
    ctx.store.set({ id, data, filePath, digest, rendered: { html: '', metadata: { headings: metadata?.headings ?? [], htmlFile } } });
  }
  return id;
}
