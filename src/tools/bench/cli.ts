/**
 * `npm run bench -- --count N [--seed S] [--report PATH] [--lan L] [--khong-tham-chieu] [--giu-lai]`
 *
 * Generates N plans plus the real ones into a temporary site folder, builds
 * the archive and the bare reference, measures both and the search page, and
 * writes a dated table into docs/performance.md (or PATH). The temporary
 * folders are removed at the end, also on Ctrl+C or SIGTERM, unless
 * --giu-lai keeps them.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { heapOption } from '../build-runner.ts';
import { CliError, parseCli, reportUsage, UsageError } from '../cli.ts';
import { generate, MAX_COUNT, seedFrom } from '../generator/cli.ts';
import { PHASE_LABELS, PHASE_PREFIX } from '../../integrations/build-phases.ts';
import { writeBareProject } from './bare.ts';
import { measure, treeRss, type Measured } from './measure.ts';
import { bareSkip, QUERIES, spreadQueries } from './queries.ts';
import { renderBlock, seconds, size, writeReport, type BenchReport, type BuildReport, type OutputStats } from './report.ts';

export interface BenchOptions {
  count: number;
  /** Node's heap flag for the builds: KHO_MAX_HEAP_MB, else 12,288 MB. */
  heap: string;
  /** Builds above this RSS are stopped: KHO_BENCH_MAX_RSS_GB, else 16 GB, and never more than 80% of this machine. */
  maxRss: number;
  seed: number;
  seedText: string;
  report: string;
  bare: boolean;
  keep: boolean;
  /** Runs of the query list; each query's figures are those of its run of median time. */
  runs: number;
  /** How many of the queries to measure (spreadQueries); all by default. */
  queries: number;
}

/** Runs of the query list unless --lan says otherwise. */
export const DEFAULT_RUNS = 3;

const USAGE = `Cách dùng: npm run bench -- --count N [--seed S] [--report TỆP] [--lan L] [--so-truy-van Q] [--khong-tham-chieu] [--giu-lai]

  --count N            số kế hoạch sinh thêm vào các kế hoạch thật (1 đến ${MAX_COUNT.toLocaleString('vi-VN')})
  --seed S             hạt giống cho bộ sinh dữ liệu (mặc định 1)
  --report TỆP         ghi bảng kết quả vào TỆP thay cho docs/performance.md
  --lan L              chạy danh sách truy vấn L lần, mỗi truy vấn lấy lần có thời gian trung vị (mặc định ${DEFAULT_RUNS})
  --so-truy-van Q      chỉ đo Q truy vấn rải đều trong danh sách, kể cả truy vấn cuối có bộ lọc (1 đến ${QUERIES.length}, mặc định cả ${QUERIES.length}); để thử nhanh, không để ghi số đo
  --khong-tham-chieu   bỏ qua bản dựng tham chiếu (Astro + MDX tối giản + Pagefind CLI)
  --giu-lai            giữ thư mục tạm để xem lại (mặc định: xóa)`;

export function parseBenchArgs(argv: string[], root: string): BenchOptions {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseCli(argv, {
      count: { type: 'string' },
      seed: { type: 'string' },
      report: { type: 'string' },
      lan: { type: 'string' },
      'so-truy-van': { type: 'string' },
      'khong-tham-chieu': { type: 'boolean' },
      'giu-lai': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (error instanceof CliError) throw new UsageError(error.message);
    throw error;
  }
  if (values.help) throw new UsageError('');
  const countText = typeof values.count === 'string' ? values.count.replace(/[._,]/g, '') : undefined;
  if (countText === undefined) throw new UsageError('thiếu --count (số kế hoạch sinh thêm).');
  if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > MAX_COUNT) {
    throw new UsageError(`--count phải là số nguyên từ 1 đến ${MAX_COUNT.toLocaleString('vi-VN')}, nhưng đang là "${String(values.count)}".`);
  }
  const seedText = typeof values.seed === 'string' ? values.seed : '1';
  if (!seedText.trim()) throw new UsageError('--seed không được để trống.');
  if (values.report !== undefined && !String(values.report).trim()) throw new UsageError('--report cần đường dẫn tệp.');
  const runsText = typeof values.lan === 'string' ? values.lan.trim() : String(DEFAULT_RUNS);
  if (!/^\d+$/.test(runsText) || Number(runsText) < 1 || Number(runsText) > 20) {
    throw new UsageError(`--lan phải là số nguyên từ 1 đến 20 (số lần chạy danh sách truy vấn), ví dụ 3; đang là "${String(values.lan)}".`);
  }
  const queriesText = typeof values['so-truy-van'] === 'string' ? values['so-truy-van'].trim() : String(QUERIES.length);
  if (!/^\d+$/.test(queriesText) || Number(queriesText) < 1 || Number(queriesText) > QUERIES.length) {
    throw new UsageError(`--so-truy-van phải là số nguyên từ 1 đến ${QUERIES.length}, ví dụ 4; đang là "${String(values['so-truy-van'])}".`);
  }
  let heap: string;
  try {
    heap = heapOption(process.env, 12288)!;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    count: Number(countText),
    heap,
    maxRss: maxRssOption(process.env),
    seed: seedFrom(seedText),
    seedText,
    report: resolve(typeof values.report === 'string' ? values.report : join(root, 'docs/performance.md')),
    bare: !values['khong-tham-chieu'],
    keep: Boolean(values['giu-lai']),
    runs: Number(runsText),
    queries: Number(queriesText),
  };
}

/** Files, bytes and the Pagefind bundle of a built site. */
export function outputStats(dir: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, pagefindBytes: 0, pagefindFiles: 0 };
  const walk = (d: string, inPagefind: boolean) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, inPagefind || e.name === 'pagefind');
      else if (e.isFile()) {
        const n = statSync(p).size;
        stats.files++;
        stats.bytes += n;
        if (inPagefind) {
          stats.pagefindFiles++;
          stats.pagefindBytes += n;
        }
      }
    }
  };
  walk(dir, false);
  return stats;
}

function machine(root: string): string {
  let os = `Linux ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // Not Linux: the kernel release is enough.
  }
  const version = (pkg: string) => {
    try {
      return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
    } catch {
      return '?';
    }
  };
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'CPU không rõ'}, ${cpu.length} nhân, ${size(totalmem())} RAM; ${os}; Node ${process.versions.node}, Astro ${version('astro')}, Pagefind ${version('pagefind')}`;
}

/**
 * The RSS above which a build is stopped: the issue's ceiling for 100,000
 * plans (16 GB) unless KHO_BENCH_MAX_RSS_GB says otherwise, and never more
 * than 80% of this machine, so that the kernel's out-of-memory killer is
 * never the one to stop it.
 */
export function maxRssOption(env: NodeJS.ProcessEnv, machineBytes = totalmem()): number {
  const raw = env.KHO_BENCH_MAX_RSS_GB;
  let gb = 16;
  if (raw !== undefined && raw !== '') {
    gb = Number(raw);
    if (!Number.isFinite(gb) || gb <= 0) throw new UsageError(`KHO_BENCH_MAX_RSS_GB phải là số GB lớn hơn 0, ví dụ 16 hoặc 0.5; đang là "${raw}".`);
  }
  return Math.min(gb * 1024 ** 3, 0.8 * machineBytes);
}

const OWN_LOG_LINE = /\[kho(?:-[a-z-]+)?\] /;

/** Runs one build step with a heartbeat line every few seconds. */
async function step(label: string, command: string, args: string[], opts: Parameters<typeof measure>[2], say: (s: string) => void, onPid: (pid: number | undefined) => void): Promise<Measured> {
  let pages = 0;
  let firstPage = 0;
  let phase: string = opts.phase ? PHASE_LABELS[opts.phase] : PHASE_LABELS.astro;
  let pid: number | undefined;
  const started = Date.now();
  const beat = setInterval(() => {
    const rss = pid ? treeRss(pid) : 0;
    const rate = pages / Math.max((Date.now() - firstPage) / 1000, 1);
    say(`[bench] ${label} · ${phase}: ${seconds(Date.now() - started)}, RSS ${size(rss)}${pages ? `, đã ghi ${pages.toLocaleString('vi-VN')} trang (${Math.round(rate).toLocaleString('vi-VN')} trang/giây)` : ''}`);
  }, 5000);
  try {
    return await measure(command, args, {
      ...opts,
      onSpawn: (p) => {
        pid = p;
        onPid(p);
      },
      onLine: (line) => {
        if (/[├└]─ \//.test(line) && pages++ === 0) firstPage = Date.now();
        if (line.startsWith(PHASE_PREFIX)) {
          phase = line.slice(PHASE_PREFIX.length).trim();
          say(`[bench] ${label}: ${phase}`);
        } else {
          // Progress and notes of this project's integrations: "[kho]", "[kho-pagefind]", …
          const at = line.search(OWN_LOG_LINE);
          if (at >= 0) say(`[bench] ${label}: ${line.slice(at)}`);
        }
      },
    });
  } finally {
    clearInterval(beat);
    onPid(undefined);
  }
}

function failure(m: Measured, maxRss: number): string | undefined {
  if (m.overLimit) return `vượt giới hạn ${size(maxRss)} RSS trong giai đoạn "${PHASE_LABELS[m.outOfMemory ?? 'astro']}", bench đã dừng bản dựng (đổi giới hạn bằng KHO_BENCH_MAX_RSS_GB).`;
  if (m.outOfMemory) return `hết bộ nhớ trong giai đoạn "${PHASE_LABELS[m.outOfMemory]}" (mã thoát ${m.code ?? m.signal}).`;
  if (m.code !== 0) return `mã thoát ${m.code ?? m.signal}; dòng cuối: ${m.tail.filter((l) => l.trim()).slice(-3).join(' / ').slice(0, 400)}`;
  return undefined;
}

export async function runBench(opts: BenchOptions, root: string, say: (s: string) => void): Promise<BenchReport> {
  const startedAt = new Date();
  const loadBefore = loadavg()[0];
  // Our build's output must lie inside the repo: for an outDir elsewhere Astro
  // writes its prerender chunks to the repo's shared .astro/.prerender/, where
  // two concurrent builds delete each other's. tmp/ is git-ignored.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const work = mkdtempSync(join(root, 'tmp', 'kho-bench-'));
  // The bare reference lives outside the repo, as a project of its own.
  const bareRoot = opts.bare ? mkdtempSync(join(tmpdir(), 'kho-bench-bare-')) : undefined;
  const dirs = [work, bareRoot].filter(Boolean).join(' và ');
  let livePid: number | undefined;
  const cleanup = () => {
    if (livePid) {
      try {
        process.kill(-livePid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    if (!opts.keep) {
      for (const dir of [work, bareRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    say(`\n[bench] Nhận ${signal}: dừng bản dựng${opts.keep ? `, giữ lại thư mục tạm ${dirs}` : ` và xóa thư mục tạm ${dirs}`}.`);
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const setPid = (p: number | undefined) => (livePid = p);
  try {
    say(`[bench] Thư mục tạm: ${work}`);
    if (bareRoot) say(`[bench] Thư mục tạm của bản tham chiếu: ${bareRoot}`);
    const plans = join(work, 'plans');
    const gen = generate({ count: opts.count, out: plans, seed: opts.seed }, (l) => say(`[bench] ${l}`));
    const real = readdirSync(join(root, 'src/content/plans')).filter((n) => /\.mdx?$/.test(n) && !n.startsWith('_'));
    for (const n of real) cpSync(join(root, 'src/content/plans', n), join(plans, n));
    say(`[bench] Đã sinh ${opts.count.toLocaleString('vi-VN')} kế hoạch (+ ${real.length} thật) trong ${seconds(gen.ms)}.`);

    const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: [process.env.NODE_OPTIONS, opts.heap].filter(Boolean).join(' ') };
    const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
    mkdirSync(join(work, 'logs'));

    // Ours: the real site with every feature, from this working tree.
    const ours: BuildReport = {};
    const oursOut = join(work, 'ours-dist');
    const phaseLog = join(work, 'logs/phases.jsonl');
    say('[bench] Dựng kho (của ta)...');
    ours.measured = await step('Của ta', process.execPath, [astroBin, 'build'], {
      cwd: root,
      env: { ...baseEnv, KHO_PLANS_DIR: plans, KHO_OUT_DIR: oursOut, KHO_CACHE_DIR: join(work, 'ours-cache'), KHO_PHASE_LOG: phaseLog, SITE_BASE: '/' },
      logFile: join(work, 'logs/ours.log'),
      phaseLog,
      maxRss: opts.maxRss,
    }, say, setPid);
    ours.error = failure(ours.measured, opts.maxRss);
    if (!ours.error) ours.output = outputStats(oursOut);
    say(`[bench] Của ta: ${ours.error ?? `xong trong ${seconds(ours.measured.wallMs)}, RSS đỉnh ${size(ours.measured.peakRss)}`}`);

    // The bare reference: minimal Astro + MDX, then the Pagefind CLI.
    let bare: BuildReport | undefined;
    const bareOut = bareRoot ? join(bareRoot, 'site', 'dist') : undefined;
    if (bareRoot && bareOut) {
      bare = { steps: [] };
      const dir = join(bareRoot, 'site');
      writeBareProject(dir, root);
      say('[bench] Dựng bản tham chiếu...');
      const env = { ...baseEnv, BARE_PLANS_DIR: plans, BARE_OUT_DIR: bareOut, BARE_CACHE_DIR: join(bareRoot, 'cache') };
      const astro = await step('Tham chiếu', process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env, logFile: join(work, 'logs/bare.log'), phase: 'astro', maxRss: opts.maxRss }, say, setPid);
      bare.steps!.push(astro);
      bare.error = failure(astro, opts.maxRss);
      if (!bare.error) {
        const pf = await step('Tham chiếu', join(root, 'node_modules/.bin/pagefind'), ['--site', bareOut], { cwd: dir, env, logFile: join(work, 'logs/bare-pagefind.log'), phase: 'pagefind', maxRss: opts.maxRss }, say, setPid);
        bare.steps!.push(pf);
        bare.error = failure(pf, opts.maxRss);
        if (!bare.error) bare.output = outputStats(bareOut);
      }
      const t = bare.steps!.reduce((n, m) => n + m.wallMs, 0);
      say(`[bench] Tham chiếu: ${bare.error ?? `xong trong ${seconds(t)}`}`);
    }

    const queries = spreadQueries(opts.queries);
    const report: BenchReport = {
      count: opts.count,
      realCount: real.length,
      seed: opts.seed,
      command: `npm run bench -- --count ${opts.count}${opts.seedText !== '1' ? ` --seed ${opts.seedText}` : ''}${opts.runs !== DEFAULT_RUNS ? ` --lan ${opts.runs}` : ''}${opts.queries < QUERIES.length ? ` --so-truy-van ${opts.queries}` : ''}${opts.bare ? '' : ' --khong-tham-chieu'}`,
      startedAt,
      machine: machine(root),
      genMs: gen.ms,
      ours,
      bare,
      runs: opts.runs,
    };

    if (ours.error) {
      report.queriesError = 'bản dựng của ta thất bại';
    } else {
      say(`[bench] Đo ${queries.length} truy vấn trong Chromium headless...`);
      try {
        const { measureSearch } = await import('./search.ts');
        const r = await measureSearch(oursOut, { runs: opts.runs, queries });
        report.queries = r.results;
        report.machine += `, ${r.browser}`;
        const done = r.results.filter((q) => q.cold).length;
        if (done === 0) report.queriesError = r.results[0]?.error;
        say(`[bench] Tìm kiếm: ${done}/${queries.length} truy vấn có kết quả${done === 0 ? ` (${r.results[0]?.error})` : ''}.`);
      } catch (error) {
        report.queriesError = (error as Error).message.split('\n')[0];
        say(`[bench] Không đo được tìm kiếm: ${report.queriesError}`);
      }
    }
    // The same queries on the bare reference: what stock Pagefind costs on
    // the same entries, so that the search figures have a baseline too.
    if (bare && !bare.error && bareOut) {
      say('[bench] Đo các truy vấn trên bản tham chiếu (Pagefind gốc)...');
      try {
        const { measureSearch } = await import('./search.ts');
        const r = await measureSearch(bareOut, { skip: bareSkip, runs: opts.runs, queries });
        report.bareQueries = r.results;
        const done = r.results.filter((q) => q.cold).length;
        say(`[bench] Tìm kiếm trên bản tham chiếu: ${done}/${r.results.filter((q) => !bareSkip(q.query)).length} truy vấn có kết quả.`);
      } catch (error) {
        report.bareQueriesError = (error as Error).message.split('\n')[0];
        say(`[bench] Không đo được tìm kiếm trên bản tham chiếu: ${report.bareQueriesError}`);
      }
    }
    // Other work on the machine skews every figure; the report says how busy it was.
    report.load = [loadBefore, loadavg()[0]];
    return report;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
    if (opts.keep) say(`[bench] Giữ lại thư mục tạm: ${dirs}`);
  }
}

export async function main(argv: string[], root: string): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(argv, root);
  } catch (error) {
    const status = reportUsage(error, USAGE);
    if (status !== undefined) return status;
    throw error;
  }
  const say = (s: string) => process.stderr.write(s + '\n');
  try {
    const report = await runBench(opts, root, say);
    const block = renderBlock(report);
    writeReport(opts.report, block);
    process.stdout.write(block + '\n');
    say(`[bench] Đã ghi kết quả vào ${relative(process.cwd(), opts.report) || opts.report}.`);
    return report.ours.error ? 1 : 0;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    say(`Lỗi: benchmark dừng giữa chừng: ${e.code ? `${e.code} ` : ''}${(e.message ?? String(e)).split('\n')[0]}`);
    return 1;
  }
}

