/**
 * Builds the search index with Pagefind's Node API once Astro has written the
 * site, into `<outDir>/pagefind/`, so that it travels with the site under any
 * SITE_BASE. Only plan pages are indexed: they carry `data-pagefind-body`.
 *
 * An archive larger than one shard (src/lib/search/shards.ts) is indexed one
 * shard (a run of dates) at a time, each into its own bundle, with Pagefind's
 * process closed in between so that its memory is that of one shard. Beside
 * the index goes the facet table (facet-table.ts) the search page counts with.
 *
 * `astro dev` writes no HTML to index, so the dev server serves the index of
 * the last `npm run build` instead, and says so.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { progress } from '../lib/progress.ts';
import { toIndexText } from '../lib/search/index-fields.ts';
import { repeatedIds, saltPage } from '../lib/search/page-ids.ts';
import { planShards, shardSize, type Shard } from '../lib/search/shards.ts';
import { checkedPlans } from './content-guard.ts';
import { writeFacetTable } from './facet-table.ts';
import { readStoredPage, storedPageFile, storedPageIds } from './stored-pages.ts';

/**
 * Words every plan page repeats: field labels ("Cơ quan ban hành", "Ngày
 * ban hành"), section headings, the source's URL and the citation, which ends
 * in the site's own name ("Kho kế hoạch CCHC"). Indexed, they would make
 * "ban hành" or "CCHC" match every plan equally.
 */
const BOILERPLATE = ['.meta-table th', '.meta-table caption', '.plan > section > h2', '.source dt', '.source a', '.citation'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind: ${step} thất bại:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
}

type PagefindModule = typeof import('pagefind');
type PagefindIndex = NonNullable<Awaited<ReturnType<PagefindModule['createIndex']>>['index']>;

const INDEX_OPTIONS = { forceLanguage: 'vi', excludeSelectors: BOILERPLATE };

/**
 * The plan pages as Pagefind should read them. Pagefind gets each page's
 * HTML from here rather than from the folder, with đ written ḏ
 * (index-fields.ts, `toIndexText`), so that folded searches find đ words;
 * the files readers get are left as they are. The whole page goes through
 * it: filter values and the sort key are ASCII (slugs, years, dates), so it
 * leaves them alone.
 */
async function addPlanPage(index: PagefindIndex, site: string, slug: string, salt = 0) {
  const sourcePath = `ke-hoach/${slug}/index.html`;
  const page = toIndexText(await readFile(join(site, sourcePath), 'utf8'));
  const added = await index.addHTMLFile({ sourcePath, content: salt ? saltPage(page, salt) : page });
  if (added.errors.length) fail(`đọc ${sourcePath}`, added.errors);
}

/**
 * The plan pages' slugs when the content check did not list them (it always
 * does in a build): every folder under ke-hoach/ whose page is a plan's, that
 * is, carries data-pagefind-body; the list pages beside them do not.
 */
function planSlugs(site: string): string[] {
  const root = join(site, 'ke-hoach');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((name) => {
    const page = join(root, name, 'index.html');
    return existsSync(page) && readFileSync(page, 'utf8').includes('data-pagefind-body');
  });
}

/** How many times a shard is indexed again before its repeated ids count as a bug. */
const MAX_SALT = 5;

/**
 * One shard's index, written to `pagefind/<shard.path>`: the plans in
 * `salts` get that salt (page-ids.ts). Returns the ids Pagefind gave them.
 */
async function indexShard(
  pagefind: PagefindModule,
  site: string,
  shard: Shard,
  salts: ReadonlyMap<string, number>,
  tick: (slugsDone: number) => void,
  which: string,
): Promise<string[]> {
  const bundle = join(site, 'pagefind', shard.path);
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (errors.length || !index) fail(`tạo chỉ mục${which}`, errors);
    for (const [i, slug] of shard.slugs.entries()) {
      await addPlanPage(index, site, slug, salts.get(slug));
      tick(i + 1);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) fail(`ghi chỉ mục${which}`, written.errors);
  } finally {
    await pagefind.close();
  }
  return storedPageIds(bundle);
}

/**
 * One index per shard, one after the other, with Pagefind's process closed
 * in between: its memory is that of the largest shard, not of the archive.
 * A single shard is the whole archive, written to pagefind/ itself.
 *
 * A shard whose page ids repeat one of an earlier shard's, or one in
 * `reserved` (ids another index already uses), is indexed again with the
 * plans behind those ids salted, until none repeats (page-ids.ts).
 */
export async function indexShards(
  pagefind: PagefindModule,
  site: string,
  shards: Shard[],
  logger: Pick<AstroIntegrationLogger, 'info'>,
  reserved: ReadonlySet<string> = new Set(),
): Promise<number> {
  const total = shards.reduce((n, s) => n + s.slugs.length, 0);
  const log = (line: string) => logger.info(line);
  const tick = progress('Đã lập chỉ mục', total, 'kế hoạch', log);
  const taken = new Set(reserved);
  let done = 0;
  for (const shard of shards) {
    const which = shards.length > 1 ? ` mảnh ${shard.name}` : '';
    const bundle = join(site, 'pagefind', shard.path);
    const salts = new Map<string, number>();
    let ids = await indexShard(pagefind, site, shard, salts, (n) => tick(done + n), which);
    for (let salt = 1; ; salt++) {
      const repeated = repeatedIds(taken, ids);
      if (repeated.length === 0) break;
      if (salt > MAX_SALT) {
        fail(`tạo mã trang riêng${which}`, [`sau ${MAX_SALT} lần lập lại, các mã vẫn trùng với trang ở mảnh khác: ${repeated.join(', ')}`]);
      }
      for (const id of repeated) salts.set(slugOf(storedPageFile(bundle, id)), salt);
      logger.info(
        `${which ? `Mảnh ${shard.name}` : 'Chỉ mục'}: ${repeated.length} trang trùng mã với trang ở mảnh khác (${repeated.join(', ')}); lập lại chỉ mục với muối lần ${salt}.`,
      );
      removeIndexFiles(bundle);
      const again = progress(`Mảnh ${shard.name}: đã lập lại`, shard.slugs.length, 'kế hoạch', log);
      ids = await indexShard(pagefind, site, shard, salts, again, which);
    }
    for (const id of ids) taken.add(id);
    done += shard.slugs.length;
    if (which) logger.info(`Mảnh ${shard.name}: ${shard.slugs.length} kế hoạch → pagefind/${shard.path}`);
  }
  tick(done, true);
  return done;
}

/**
 * Deletes what a shard's last run wrote under hashed names (the stored pages,
 * word and filter chunks, the metadata): Pagefind leaves files it did not
 * write in place, and a stale stored page would stand for a plan twice. The
 * other shards' folders, inside the primary's, stay.
 */
function removeIndexFiles(bundle: string) {
  for (const dir of ['fragment', 'index', 'filter']) rmSync(join(bundle, dir), { recursive: true, force: true });
  for (const name of readdirSync(bundle)) if (name.endsWith('.pf_meta')) rmSync(join(bundle, name));
}

/** The plan a stored page belongs to, from its URL (/<base>/ke-hoach/<slug>/). */
function slugOf(file: string): string {
  const { url } = readStoredPage(file);
  const slug = /\/ke-hoach\/([^/]+)\/$/.exec(url)?.[1];
  if (!slug) throw new Error(`${file}: trang đã lưu không phải trang kế hoạch (URL ${url || 'trống'})`);
  return decodeURIComponent(slug);
}

export function pagefindIndex(): AstroIntegration {
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
        const plans = checkedPlans();
        const shards = plans ? planShards(plans, shardSize(plans.length)) : [{ name: 'all', path: '', slugs: planSlugs(site) }];
        try {
          const count = await indexShards(pagefind, site, shards, logger);
          writeFacetTable(site, shards.length > 1 ? shards.map((s) => s.path) : [''], (line) => logger.info(line));
          const split = shards.length > 1 ? `, ${shards.length} mảnh` : '';
          logger.info(`Đã lập chỉ mục ${count} kế hoạch trong ${Date.now() - started} ms${split} → pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const bundle = join(outDir, 'pagefind');
        if (!existsSync(join(bundle, 'pagefind.js'))) {
          logger.warn('Chưa có chỉ mục tìm kiếm: trang /tim-kiem/ cần chạy "npm run build" một lần, rồi dùng chỉ mục đó trong chế độ dev.');
        } else {
          logger.info(`Trang tìm kiếm dùng chỉ mục của lần build gần nhất (${bundle}); build lại để cập nhật.`);
        }
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '').split('?')[0]);
          } catch {
            return next();
          }
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(bundle, path.slice(prefix.length)));
          if (!file.startsWith(bundle + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.setHeader('cache-control', 'no-cache');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
