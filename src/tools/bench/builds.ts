/**
 * The two builds a bench run times: the archive with every feature, from
 * this working tree, and the bare reference (bare.ts), each with a heartbeat
 * line every few seconds and the archive's own progress lines passed on.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PHASE_LABELS, PHASE_PREFIX } from '../../integrations/build-phases.ts';
import { FILTER_FILE, INDEX_DIR } from '../../lib/search/index-format.ts';
import { writeBareProject } from './bare.ts';
import { measure, treeRss, type Measured, type MeasureOptions } from './measure.ts';
import { seconds, size } from './format.ts';
import type { BuildReport, OutputStats } from './types.ts';

/** Files and bytes of a built site, and of its Pagefind bundles and search index. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, pagefindBytes: 0, pagefindFiles: 0, indexBytes: 0, indexFiles: 0 };
  const walk = (d: string, top: string | undefined) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, top ?? e.name);
      else if (e.isFile()) {
        const n = statSync(p).size;
        stats.files++;
        stats.bytes += n;
        if (top === 'pagefind') {
          stats.pagefindFiles++;
          stats.pagefindBytes += n;
        } else if (top === INDEX_DIR) {
          stats.indexFiles++;
          stats.indexBytes += n;
          if (e.name === FILTER_FILE) stats.filterBytes = n;
        }
      }
    }
  };
  walk(dir, undefined);
  return stats;
}

const OWN_LOG_LINE = /\[kho(?:-[a-z-]+)?\] /;

export interface BuildContext {
  root: string;
  /** Environment shared by every build (heap flag, telemetry off). */
  env: NodeJS.ProcessEnv;
  maxRss: number;
  say: (s: string) => void;
  /** Told the running build's pid (undefined when it ends), so that an interrupted run can stop it. */
  onPid: (pid: number | undefined) => void;
}

/** Runs one build step with a heartbeat line every few seconds. */
async function step(ctx: BuildContext, label: string, command: string, args: string[], opts: Omit<MeasureOptions, 'env' | 'maxRss'> & { env: NodeJS.ProcessEnv }): Promise<Measured> {
  let pages = 0;
  let firstPage = 0;
  let phase: string = opts.phase ? PHASE_LABELS[opts.phase] : PHASE_LABELS.astro;
  let pid: number | undefined;
  const started = Date.now();
  const beat = setInterval(() => {
    const rss = pid ? treeRss(pid) : 0;
    const rate = pages / Math.max((Date.now() - firstPage) / 1000, 1);
    ctx.say(`[bench] ${label} · ${phase}: ${seconds(Date.now() - started)}, RSS ${size(rss)}${pages ? `, đã ghi ${pages.toLocaleString('vi-VN')} trang (${Math.round(rate).toLocaleString('vi-VN')} trang/giây)` : ''}`);
  }, 5000);
  try {
    return await measure(command, args, {
      ...opts,
      maxRss: ctx.maxRss,
      onSpawn: (p) => {
        pid = p;
        ctx.onPid(p);
      },
      onLine: (line) => {
        if (/[├└]─ \//.test(line) && pages++ === 0) firstPage = Date.now();
        if (line.startsWith(PHASE_PREFIX)) {
          phase = line.slice(PHASE_PREFIX.length).trim();
          ctx.say(`[bench] ${label}: ${phase}`);
        } else {
          // Progress and notes of this project's integrations: "[kho]", "[kho-pagefind]", …
          const at = line.search(OWN_LOG_LINE);
          if (at >= 0) ctx.say(`[bench] ${label}: ${line.slice(at)}`);
        }
      },
    });
  } finally {
    clearInterval(beat);
    ctx.onPid(undefined);
  }
}

export function failure(m: Measured, maxRss: number): string | undefined {
  if (m.overLimit) return `vượt giới hạn ${size(maxRss)} RSS trong giai đoạn "${PHASE_LABELS[m.outOfMemory ?? 'astro']}", bench đã dừng bản dựng (đổi giới hạn bằng KHO_BENCH_MAX_RSS_GB).`;
  if (m.outOfMemory) return `hết bộ nhớ trong giai đoạn "${PHASE_LABELS[m.outOfMemory]}" (mã thoát ${m.code ?? m.signal}).`;
  if (m.code !== 0) return `mã thoát ${m.code ?? m.signal}; dòng cuối: ${m.tail.filter((l) => l.trim()).slice(-3).join(' / ').slice(0, 400)}`;
  return undefined;
}

/** `astro build` of this working tree on the plans in `plans`, into `work`/ours-dist. */
export async function buildOurs(ctx: BuildContext, label: string, plans: string, work: string): Promise<{ report: BuildReport; out: string }> {
  const out = join(work, 'ours-dist');
  const phaseLog = join(work, 'phases.jsonl');
  const measured = await step(ctx, label, process.execPath, [join(ctx.root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ctx.root,
    env: { ...ctx.env, KHO_PLANS_DIR: plans, KHO_OUT_DIR: out, KHO_CACHE_DIR: join(work, 'ours-cache'), KHO_PHASE_LOG: phaseLog, SITE_BASE: '/' },
    logFile: join(work, 'ours.log'),
    phaseLog,
  });
  const report: BuildReport = { measured, error: failure(measured, ctx.maxRss) };
  if (!report.error) report.output = outputStats(out);
  return { report, out };
}

/** The bare reference on the same plans, in its own project under `bareRoot`: Astro, then the Pagefind CLI. */
export async function buildBare(ctx: BuildContext, label: string, plans: string, bareRoot: string, logs: string): Promise<BuildReport> {
  const dir = join(bareRoot, 'site');
  const out = join(dir, 'dist');
  writeBareProject(dir, ctx.root);
  const env = { ...ctx.env, BARE_PLANS_DIR: plans, BARE_OUT_DIR: out, BARE_CACHE_DIR: join(bareRoot, 'cache') };
  const report: BuildReport = { steps: [] };
  const astro = await step(ctx, label, process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env, logFile: join(logs, 'bare.log'), phase: 'astro' });
  report.steps!.push(astro);
  report.error = failure(astro, ctx.maxRss);
  if (report.error) return report;
  const pf = await step(ctx, label, join(ctx.root, 'node_modules/.bin/pagefind'), ['--site', out], { cwd: dir, env, logFile: join(logs, 'bare-pagefind.log'), phase: 'pagefind' });
  report.steps!.push(pf);
  report.error = failure(pf, ctx.maxRss);
  if (!report.error) report.output = outputStats(out);
  return report;
}
