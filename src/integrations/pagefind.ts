/**
 * Builds the search once Astro has written the site: Pagefind indexes the plan pages into
 * `pagefind/`, one shard (search-index/shards.ts) at a time, its process closed in between;
 * each bundle's fragments (the plans' text as Pagefind extracted it, the only part of a bundle read
 * back) go into the project's own index (docs/search-index.md), whose files are then written and
 * checked. `astro dev` has no HTML to index, so the dev server serves the last build's `chi-muc/`, and says so.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { newestFirst } from '../lib/plan-facts.ts';
import { progress } from '../lib/progress.ts';
import { PAGEFIND_SIGNATURE, parseFragment, type Fragment } from '../lib/search/index-fields.ts';
import { INDEX_DIR, MANIFEST_FILE } from '../lib/search/index-format.ts';
import type { CheckedPlans } from './content-guard.ts';
import { IndexBuilder } from './search-index/files.ts';
import { planShards, shardSize, type Shard } from './search-index/shards.ts';
import { verifyIndex } from './search-index/verify.ts';
import { writeIndex } from './search-index/write.ts';

/** What every plan page repeats (labels, headings, the citation with the site's name) would make "CCHC" match every plan. */
const BOILERPLATE = ['.meta-table th', '.meta-table caption', '.plan > section > h2', '.source dt', '.source a', '.citation'];

function fail(step: string, errors: string[]): never {
  throw new Error(`Tìm kiếm: ${step} thất bại:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

/** What `run` returns; its error fails the build at `step`. */
async function attempt<T>(step: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    fail(step, [error instanceof Error ? error.message : String(error)]);
  }
}

type PagefindModule = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindModule['createIndex']>>['index']>;

/** Gives Pagefind the plan pages one at a time, in order (it numbers pages as they come), each read while the one before is indexed. */
async function addPlanPages(index: PagefindIndex, site: string, slugs: readonly string[], added: () => void) {
  const read = (i: number) => {
    const sourcePath = `ke-hoach/${slugs[i]}/index.html`;
    const page = attempt(`đọc ${sourcePath}`, async () => ({ sourcePath, content: await readFile(join(site, sourcePath), 'utf8') }));
    // Awaited in its turn; until then a failed read must not count as unhandled.
    page.catch(() => undefined);
    return page;
  };
  let next = slugs.length > 0 ? read(0) : undefined;
  for (let i = 0; next; i++) {
    const page = await next;
    next = i + 1 < slugs.length ? read(i + 1) : undefined;
    const result = await index.addHTMLFile(page);
    if (result.errors.length) fail(`đọc ${page.sourcePath}`, result.errors);
    added();
  }
}

/** One shard's Pagefind bundle, with Pagefind's process closed after it. */
async function writeBundle(pagefind: PagefindModule, site: string, shard: Shard, which: string, added: () => void) {
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: BOILERPLATE, forceLanguage: shard.language });
    if (errors.length || !index) fail(`tạo chỉ mục Pagefind${which}`, errors);
    await addPlanPages(index, site, shard.slugs, added);
    // Pagefind leaves an earlier build's fragments in place, and every file there is read as a plan.
    rmSync(join(site, 'pagefind', shard.path, 'fragment'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind', shard.path) });
    if (written.errors.length) fail(`ghi chỉ mục Pagefind${which}`, written.errors);
  } finally {
    await pagefind.close();
  }
}

/** One fragment file, gzipped as Pagefind writes it, read as the search page reads it. */
export function readFragment(file: string): Fragment {
  const fragment = parseFragment(gunzipSync(readFileSync(file)).toString('utf8'));
  if (!fragment) throw new Error(`${file}: không phải văn bản Pagefind lưu cho một kế hoạch (${PAGEFIND_SIGNATURE} rồi JSON có url, content, meta, filters)`);
  return fragment;
}

/** Gives the builder a bundle's plans, the next ones by number (shards are runs of the date order); `fragments` gets their files. */
function addBundle(builder: IndexBuilder, bundle: string, numbers: ReadonlyMap<string, number>, fragments: string[], read: () => void) {
  const dir = join(bundle, 'fragment');
  const found = readdirSync(dir)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const file = join(dir, name);
      const fragment = readFragment(file);
      // "/ke-hoach/<slug>/" names the plan.
      const slug = /\/ke-hoach\/([^/]+)\/$/.exec(fragment.url)?.[1];
      const plan = slug === undefined ? undefined : numbers.get(decodeURIComponent(slug));
      if (plan === undefined) throw new Error(`${file}: địa chỉ ${fragment.url} không phải trang của một kế hoạch trong kho`);
      return { plan, file, fragment };
    });
  for (const { plan, file, fragment } of found.sort((a, b) => a.plan - b.plan)) {
    if (plan !== fragments.length) throw new Error(`${file}: kế hoạch số ${plan} (${fragment.url}) đến khi chờ kế hoạch số ${fragments.length}`);
    builder.add(fragment);
    fragments.push(file);
    read();
  }
}

/** Writes the project's index under chi-muc/, then reads it all back; any fault fails the build. */
async function writeSearchIndex(site: string, builder: IndexBuilder, fragments: string[], log: (line: string) => void) {
  const root = join(site, INDEX_DIR);
  const written = await attempt(`ghi chỉ mục (${INDEX_DIR}/)`, () => {
    const tick = progress('Chỉ mục tìm kiếm: đã ghi', builder.words, 'từ', log);
    return writeIndex(root, builder, fragments, (done) => tick(done));
  });
  await attempt(`kiểm tra chỉ mục (${INDEX_DIR}/)`, () => {
    const tick = progress('Chỉ mục tìm kiếm: đã kiểm tra', written.manifest.blocks.length, 'khối', log);
    return verifyIndex(root, fragments.length, (done) => tick(done));
  });
  const { manifest, terms, bytes } = written;
  const kb = Math.round(bytes / 1024).toLocaleString('vi-VN');
  log(`Chỉ mục tìm kiếm ${INDEX_DIR}/${manifest.set}/: ${manifest.plans} kế hoạch, ${terms.toLocaleString('vi-VN')} từ và cặp từ, ${manifest.blocks.length} khối, ${kb} KB`);
}

/**
 * One Pagefind bundle per shard, Pagefind's process closed in between so that its memory is that of
 * one shard, then the project's index. `order`: every plan's slug in plan-number order (date order,
 * newest first); by default the shards' slugs one shard after the other.
 */
export async function indexShards(
  pagefind: PagefindModule,
  site: string,
  shards: Shard[],
  logger: Pick<AstroIntegrationLogger, 'info'>,
  order: readonly string[] = shards.flatMap((s) => s.slugs),
): Promise<number> {
  const log = (line: string) => logger.info(line);
  const total = shards.reduce((n, s) => n + s.slugs.length, 0);
  const numbers = new Map(order.map((slug, i) => [slug, i]));
  if (numbers.size !== total) fail('đánh số kế hoạch', [`${total} trang kế hoạch trong các mảnh mà ${numbers.size} kế hoạch khác nhau trong kho`]);
  const indexed = progress('Đã lập chỉ mục', total, 'kế hoạch', log);
  const read = progress('Đã đọc văn bản', total, 'kế hoạch', log);
  const builder = new IndexBuilder(shards.map((s) => `pagefind/${s.path}`));
  const fragments: string[] = [];
  let done = 0;
  for (const shard of shards) {
    const which = shards.length > 1 ? ` mảnh ${shard.name}` : '';
    await writeBundle(pagefind, site, shard, which, () => indexed(++done));
    if (which) log(`Mảnh ${shard.name}: ${shard.slugs.length} kế hoạch → pagefind/${shard.path}`);
    await attempt(`đọc văn bản của chỉ mục${which}`, () =>
      addBundle(builder, join(site, 'pagefind', shard.path), numbers, fragments, () => read(fragments.length)),
    );
  }
  indexed(done, true);
  read(fragments.length, true);
  if (fragments.length < order.length) fail('đọc văn bản của chỉ mục', [`Pagefind không lưu trang của kế hoạch ${order[fragments.length]}`]);
  await writeSearchIndex(site, builder, fragments, log);
  return done;
}

/** `checked`: the plans the content guard, which runs first in every build, found valid. */
export function pagefindIndex(checked: CheckedPlans): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'kho-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = Date.now();
        logger.info('Đang lập chỉ mục tìm kiếm các trang kế hoạch…');
        // Imported here so that merely loading the config never starts Pagefind.
        const pagefind = await import('pagefind');
        const plans = checked.plans ?? fail('lập chỉ mục', ['chưa có danh sách kế hoạch của bước kiểm tra nội dung']);
        const shards = planShards(plans, shardSize(plans.length));
        // Plan numbers follow the date order, whatever order a single shard keeps its pages in.
        const order = [...plans].sort(newestFirst).map((p) => p.slug);
        try {
          const count = await indexShards(pagefind, site, shards, logger, order);
          const split = shards.length > 1 ? `, ${shards.length} mảnh` : '';
          logger.info(`Đã lập chỉ mục ${count} kế hoạch trong ${Date.now() - started} ms${split} → pagefind/, ${INDEX_DIR}/`);
        } finally {
          await pagefind.close();
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = join(outDir, INDEX_DIR);
        if (!existsSync(join(root, MANIFEST_FILE))) {
          logger.warn('Chưa có chỉ mục tìm kiếm: trang /tim-kiem/ cần chạy "npm run build" một lần, rồi dùng chỉ mục đó trong chế độ dev.');
        } else {
          logger.info(`Trang tìm kiếm dùng chỉ mục của lần build gần nhất (${outDir}); build lại để cập nhật.`);
        }
        // The page reads only chi-muc/, whose file names are ASCII.
        const prefix = encodeURI(`${base}${INDEX_DIR}/`);
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          const file = normalize(join(root, path.slice(prefix.length)));
          if (!path.startsWith(prefix) || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('cache-control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
