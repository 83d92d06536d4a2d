/**
 * Builds the search index with Pagefind's Node API once Astro has written the
 * site, into `<outDir>/pagefind/`, so that it travels with the site under any
 * SITE_BASE. Only plan pages are indexed: they carry `data-pagefind-body`.
 *
 * An archive larger than one shard (src/lib/search/shards.ts) is indexed one
 * shard (a run of dates) at a time, each into its own bundle, with Pagefind's
 * process closed in between so that its memory is that of one shard. Beside
 * the index go the facet table (facet-table.ts) the search page counts with,
 * each bundle's page files, and, for every bundle together, the count files
 * (count-files.ts) and the plans of each rewording phrase (phrase-files.ts).
 *
 * `astro dev` writes no HTML to index, so the dev server serves the index of
 * the last `npm run build` instead, and says so.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { progress } from '../lib/progress.ts';
import { toIndexText } from '../lib/search/index-fields.ts';
import { COUNT_DIR, countSet } from '../lib/search/count-files.ts';
import { PHRASE_DIR } from '../lib/search/phrase-files.ts';
import { planShards, shardLanguage, shardSize, type Shard } from '../lib/search/shards.ts';
import { checkedPlans } from './content-guard.ts';
import { writeFacetTable } from './facet-table.ts';
import { messageOf, readBackAside, ReadBackError, type ReadBack } from './bundle-readback.ts';
import { readSpilledCounts, writeCountSet } from './count-files.ts';
import { writePhraseFiles } from './phrase-files.ts';

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

const INDEX_OPTIONS = { excludeSelectors: BOILERPLATE };

/**
 * A plan page as Pagefind should read it. Pagefind gets each page's HTML
 * from here rather than from the folder, with đ written ḏ (index-fields.ts,
 * `toIndexText`), so that folded searches find đ words; the files readers
 * get are left as they are. The whole page goes through it: filter values
 * and the sort key are ASCII (slugs, years, dates), so it leaves them alone.
 */
async function readPlanPage(site: string, slug: string) {
  const sourcePath = `ke-hoach/${slug}/index.html`;
  try {
    return { sourcePath, content: toIndexText(await readFile(join(site, sourcePath), 'utf8')) };
  } catch (error) {
    fail(`đọc ${sourcePath}`, [messageOf(error)]);
  }
}

/**
 * Gives Pagefind the plan pages one at a time, in order, each read while
 * the one before is indexed. One at a time: Pagefind numbers pages as they
 * come, so pages added at once would give another index at each build.
 */
async function addPlanPages(index: PagefindIndex, site: string, slugs: readonly string[], added: () => void) {
  const read = (i: number) => {
    const page = readPlanPage(site, slugs[i]);
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

/**
 * One index per shard, one after the other, with Pagefind's process closed
 * in between: its memory is that of the largest shard, not of the archive.
 * A single shard is the whole archive, written to pagefind/ itself. Each
 * shard is indexed as its own language (shards.ts, `shardLanguage`), which
 * keeps page ids apart across shards.
 *
 * Each bundle is read back (bundle-readback.ts) in a child process while Pagefind
 * reads the next shard's pages, and waited for before Pagefind writes them.
 * The bundles' counts wait on disk for the last, then go into one set of
 * files with the rewording phrases' plans.
 */
export async function indexShards(pagefind: PagefindModule, site: string, shards: Shard[], logger: Pick<AstroIntegrationLogger, 'info'>): Promise<number> {
  const total = shards.reduce((n, s) => n + s.slugs.length, 0);
  const tick = progress('Đã lập chỉ mục', total, 'kế hoạch', (line) => logger.info(line));
  let done = 0;
  const spill = mkdtempSync(join(tmpdir(), 'kho-dem-'));
  const readBack: ReadBack[] = [];
  let aside: { which: string; reading: Promise<ReadBack | Error> } | undefined;
  const joinAside = async () => {
    if (!aside) return;
    const { which, reading } = aside;
    const read = await reading;
    aside = undefined;
    if (read instanceof ReadBackError) fail(`đọc lại chỉ mục${which} để ${read.step}`, [read.message]);
    if (read instanceof Error) fail(`đọc lại chỉ mục${which}`, [read.message]);
    readBack.push(read);
  };
  try {
    for (const [i, shard] of shards.entries()) {
      const which = shards.length > 1 ? ` mảnh ${shard.name}` : '';
      try {
        const { index, errors } = await pagefind.createIndex({ ...INDEX_OPTIONS, forceLanguage: shard.language });
        if (errors.length || !index) fail(`tạo chỉ mục${which}`, errors);
        await addPlanPages(index, site, shard.slugs, () => tick(++done));
        await joinAside();
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind', shard.path) });
        if (written.errors.length) fail(`ghi chỉ mục${which}`, written.errors);
        if (which) logger.info(`Mảnh ${shard.name}: ${shard.slugs.length} kế hoạch → pagefind/${shard.path}`);
      } finally {
        await pagefind.close();
      }
      const log = (line: string) => logger.info(`${which ? `Mảnh ${shard.name}, tệp` : 'Tệp'} đếm (${COUNT_DIR}/): ${line}`);
      const reading = readBackAside({ folder: join(site, 'pagefind', shard.path), language: shard.language, spill: join(spill, String(i)) }, log);
      aside = { which, reading: reading.catch((error: unknown) => (error instanceof Error ? error : new Error(messageOf(error)))) };
    }
    await joinAside();
    try {
      writePhraseFiles(join(site, 'pagefind'), countSet(readBack.map((r) => r.hash)), readBack.map((r) => r.reworded));
    } catch (error) {
      fail(`ghi các tệp cụm từ diễn đạt lại (${PHRASE_DIR}/)`, [messageOf(error)]);
    }
    try {
      const counted = readBack.map((r) => readSpilledCounts(r.counts));
      await writeCountSet(join(site, 'pagefind'), readBack.map((r) => r.hash), counted, (line) => logger.info(`Tệp đếm chung (${COUNT_DIR}/): ${line}`));
    } catch (error) {
      fail(`ghi các tệp đếm chung (${COUNT_DIR}/)`, [messageOf(error)]);
    }
  } finally {
    // A failed shard leaves its bundle's reader to end before the folder it writes to goes.
    await aside?.reading;
    rmSync(spill, { recursive: true, force: true });
  }
  tick(done, true);
  return done;
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
        const shards = plans ? planShards(plans, shardSize(plans.length)) : [{ name: 'all', path: '', language: shardLanguage(0), slugs: planSlugs(site) }];
        try {
          const count = await indexShards(pagefind, site, shards, logger);
          writeFacetTable(site, shards, (line) => logger.info(line));
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
