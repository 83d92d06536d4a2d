/**
 * Builds the search index with Pagefind's Node API once Astro has written the
 * site, into `<outDir>/pagefind/`, so that it travels with the site under any
 * SITE_BASE. Only plan pages are indexed: they carry `data-pagefind-body`.
 *
 * `astro dev` writes no HTML to index, so the dev server serves the index of
 * the last `npm run build` instead, and says so.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The plan pages; every other page lacks data-pagefind-body anyway. */
const PLAN_PAGES = 'ke-hoach/*/index.html';

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
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi', excludeSelectors: BOILERPLATE });
          if (errors.length || !index) fail('tạo chỉ mục', errors);
          const added = await index.addDirectory({ path: site, glob: PLAN_PAGES });
          if (added.errors.length) fail('đọc các trang kế hoạch', added.errors);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) fail('ghi chỉ mục', written.errors);
          logger.info(`Đã lập chỉ mục ${added.page_count} kế hoạch trong ${Date.now() - started} ms → pagefind/`);
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
