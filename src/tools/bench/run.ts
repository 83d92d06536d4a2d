/**
 * One bench run. For each corpus: generate N plans plus the real ones into a
 * temporary folder, build the archive and the bare reference, and measure
 * the search page served gzipped and plain. The temporary folders are
 * removed at the end, also on Ctrl+C or SIGTERM, unless --giu-lai keeps them.
 * With --chi-tim-kiem, only the search of a site built before is measured.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate } from '../generator/cli.ts';
import { buildBare, buildOurs, type BuildContext } from './builds.ts';
import type { BenchOptions } from './cli.ts';
import { seconds, size, vi } from './format.ts';
import { commit, machine } from './machine.ts';
import { spreadQueries, type Query } from './queries.ts';
import { indexedPlans, measureSearch } from './search.ts';
import { CORPUS_LABELS, type BenchReport, type Corpus, type CorpusReport } from './types.ts';

/** Measures the search of the site in `dist` into `c`; the browser's name goes into the report's machine line. */
async function search(dist: string, c: CorpusReport, report: BenchReport, opts: { runs: number; queries: readonly Query[] }, say: (s: string) => void): Promise<void> {
  const label = CORPUS_LABELS[c.corpus];
  say(`[bench] ${label}: đo ${opts.queries.length} truy vấn trong Chromium headless, nén gzip rồi không nén...`);
  try {
    const r = await measureSearch(dist, opts);
    Object.assign(c, { gzip: r.gzip, plain: r.plain });
    if (!report.machine.includes('Chromium')) report.machine += `, ${r.browser}`;
    const done = r.gzip.filter((q) => q.cold).length;
    if (done === 0) c.searchError = r.gzip[0]?.error;
    say(`[bench] ${label}: ${done}/${opts.queries.length} truy vấn có kết quả${done === 0 ? ` (${r.gzip[0]?.error})` : ''}.`);
  } catch (error) {
    c.searchError = (error as Error).message.split('\n')[0];
    say(`[bench] ${label}: không đo được tìm kiếm: ${c.searchError}`);
  }
}

interface Folders {
  work: string;
  bare?: string;
}

async function benchCorpus(corpus: Exclude<Corpus, 'co-san'>, opts: BenchOptions, ctx: BuildContext, dirs: Folders, report: BenchReport): Promise<CorpusReport> {
  const { say } = ctx;
  const label = CORPUS_LABELS[corpus];
  const work = join(dirs.work, corpus);
  const plans = join(work, 'plans');
  const gen = generate({ count: opts.count, out: plans, seed: opts.seed, boilerplate: corpus === 'van-mau' }, (l) => say(`[bench] ${l}`));
  const real = readdirSync(join(ctx.root, 'src/content/plans')).filter((n) => /\.mdx?$/.test(n) && !n.startsWith('_'));
  for (const n of real) cpSync(join(ctx.root, 'src/content/plans', n), join(plans, n));
  report.realCount = real.length;
  say(`[bench] ${label}: đã sinh ${vi(opts.count)} kế hoạch (+ ${real.length} thật) trong ${seconds(gen.ms)}.`);
  const c: CorpusReport = { corpus, genMs: gen.ms };

  say(`[bench] ${label}: dựng kho (của ta)...`);
  const ours = await buildOurs(ctx, `Của ta (${label.toLowerCase()})`, plans, work);
  c.ours = ours.report;
  say(`[bench] ${label}, của ta: ${c.ours.error ?? `xong trong ${seconds(c.ours.measured!.wallMs)}, RSS đỉnh ${size(c.ours.measured!.peakRss)}`}`);
  if (dirs.bare) {
    say(`[bench] ${label}: dựng bản tham chiếu...`);
    c.bare = await buildBare(ctx, `Tham chiếu (${label.toLowerCase()})`, plans, join(dirs.bare, corpus), work);
    say(`[bench] ${label}, tham chiếu: ${c.bare.error ?? `xong trong ${seconds(c.bare.steps!.reduce((n, m) => n + m.wallMs, 0))}`}`);
  }
  if (c.ours.error) c.searchError = 'bản dựng của ta thất bại';
  else {
    c.plans = indexedPlans(ours.out);
    await search(ours.out, c, report, { runs: opts.runs, queries: spreadQueries(opts.queries) }, say);
  }
  // A corpus's sites are not needed once measured: at 100,000 plans they fill a disk.
  if (!opts.keep) {
    rmSync(work, { recursive: true, force: true });
    if (dirs.bare) rmSync(join(dirs.bare, corpus), { recursive: true, force: true });
  }
  return c;
}

function newReport(opts: BenchOptions, root: string): BenchReport {
  return { command: opts.command, startedAt: new Date(), machine: machine(root), commit: commit(root), corpora: [], runs: opts.runs, load: [loadavg()[0], 0] };
}

export async function runBench(opts: BenchOptions, root: string, say: (s: string) => void): Promise<BenchReport> {
  const report: BenchReport = { ...newReport(opts, root), count: opts.count, seed: opts.seed, noBare: !opts.bare };
  // Our build's output must lie inside the repo: for an outDir elsewhere Astro
  // writes its prerender chunks to the repo's shared .astro/.prerender/, where
  // two concurrent builds delete each other's. tmp/ is git-ignored.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  // The bare reference lives outside the repo, as a project of its own.
  const dirs: Folders = { work: mkdtempSync(join(root, 'tmp', 'kho-bench-')), bare: opts.bare ? mkdtempSync(join(tmpdir(), 'kho-bench-bare-')) : undefined };
  const names = [dirs.work, dirs.bare].filter(Boolean).join(' và ');
  let livePid: number | undefined;
  const cleanup = () => {
    if (livePid) {
      try {
        process.kill(-livePid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (!opts.keep) for (const dir of [dirs.work, dirs.bare]) if (dir) rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    say(`\n[bench] Nhận ${signal}: dừng bản dựng${opts.keep ? `, giữ lại thư mục tạm ${names}` : ` và xóa thư mục tạm ${names}`}.`);
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    say(`[bench] Thư mục tạm: ${dirs.work}`);
    if (dirs.bare) say(`[bench] Thư mục tạm của bản tham chiếu: ${dirs.bare}`);
    const ctx: BuildContext = {
      root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: [process.env.NODE_OPTIONS, opts.heap].filter(Boolean).join(' ') },
      maxRss: opts.maxRss,
      say,
      onPid: (p) => (livePid = p),
    };
    for (const corpus of opts.corpora) report.corpora.push(await benchCorpus(corpus, opts, ctx, dirs, report));
    // Other work on the machine skews every figure; the report says how busy it was.
    report.load![1] = loadavg()[0];
    return report;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
    if (opts.keep) say(`[bench] Giữ lại thư mục tạm: ${names}`);
  }
}

/** --chi-tim-kiem: the search of a site built before; undefined (after saying why) when there is none. */
export async function runSearchOnly(opts: BenchOptions, root: string, say: (s: string) => void): Promise<BenchReport | undefined> {
  const dist = opts.searchOnly!;
  const plans = indexedPlans(dist);
  if (plans === undefined) {
    say(`Lỗi: ${dist} không có bản dựng kèm chỉ mục tìm kiếm (thiếu chi-muc/chi-muc.json). Hãy dựng trước: npm run build.`);
    return undefined;
  }
  const report: BenchReport = { ...newReport(opts, root), site: relative(root, dist) || '.' };
  const c: CorpusReport = { corpus: 'co-san', plans };
  await search(dist, c, report, { runs: opts.runs, queries: spreadQueries(opts.queries) }, say);
  report.corpora.push(c);
  report.load![1] = loadavg()[0];
  return report;
}
