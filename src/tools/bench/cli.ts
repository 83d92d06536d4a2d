/**
 * `npm run bench -- --count N [--kho sinh|van-mau|ca-hai] [--seed S] [--report PATH] [--lan L] [--so-truy-van Q] [--khong-tham-chieu] [--giu-lai]`
 * `npm run bench -- --chi-tim-kiem [--dir DIST] [--report PATH] [--lan L] [--so-truy-van Q]` (also `npm run bench:search`)
 *
 * Reads the command line and writes the report; run.ts does the work.
 */
import { totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { heapOption } from '../build-runner.ts';
import { CliError, parseCli, reportUsage, UsageError } from '../cli.ts';
import { MAX_COUNT, seedFrom } from '../generator/cli.ts';
import { QUERIES } from './queries.ts';
import { renderBlock } from './report.ts';
import { writeReport } from './report-doc.ts';
import { runBench, runSearchOnly } from './run.ts';
import type { Corpus } from './types.ts';

export interface BenchOptions {
  /** Generated plans per corpus; 0 with --chi-tim-kiem. */
  count: number;
  corpora: Exclude<Corpus, 'co-san'>[];
  /** The built site to measure with --chi-tim-kiem, else undefined. */
  searchOnly?: string;
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
  /** The command as a reader would retype it, for the report. */
  command: string;
}

/** Runs of the query list unless --lan says otherwise. */
export const DEFAULT_RUNS = 3;

const CORPORA: Record<string, BenchOptions['corpora']> = { sinh: ['sinh'], 'van-mau': ['van-mau'], 'ca-hai': ['sinh', 'van-mau'] };

const USAGE = `Cách dùng: npm run bench -- --count N [--kho KHO] [--seed S] [--report TỆP] [--lan L] [--so-truy-van Q] [--khong-tham-chieu] [--giu-lai]
      hoặc npm run bench -- --chi-tim-kiem [--dir THƯ_MỤC] [--report TỆP] [--lan L] [--so-truy-van Q]

  --count N            số kế hoạch sinh thêm vào các kế hoạch thật, cho mỗi kho (1 đến ${MAX_COUNT.toLocaleString('vi-VN')})
  --kho KHO            sinh: bộ sinh thường; van-mau: thân bài lặp văn mẫu (npm run gen -- --van-mau); ca-hai (mặc định): đo cả hai
  --seed S             hạt giống cho bộ sinh dữ liệu (mặc định 1)
  --report TỆP         ghi kết quả vào TỆP thay cho docs/performance.md
  --lan L              chạy danh sách truy vấn L lần, mỗi truy vấn lấy lần có thời gian trung vị (mặc định ${DEFAULT_RUNS})
  --so-truy-van Q      chỉ đo Q truy vấn rải đều trong danh sách, kể cả truy vấn cuối có bộ lọc (1 đến ${QUERIES.length}, mặc định cả ${QUERIES.length}); để thử nhanh, không để ghi số đo
  --khong-tham-chieu   bỏ qua bản dựng tham chiếu (Astro + MDX tối giản + Pagefind CLI)
  --giu-lai            giữ thư mục tạm để xem lại (mặc định: xóa)
  --chi-tim-kiem       không sinh, không dựng: chỉ đo tìm kiếm trên bản dựng có sẵn
  --dir THƯ_MỤC        bản dựng mà --chi-tim-kiem đo (mặc định dist/)`;

function integer(text: string | undefined, name: string, min: number, max: number, example: string, what = ''): number {
  if (text === undefined || !/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${name} phải là số nguyên từ ${min} đến ${max.toLocaleString('vi-VN')}${what}, ví dụ ${example}; đang là "${String(text)}".`);
  }
  return Number(text);
}

function readArgs(argv: string[]): Record<string, string | boolean | string[] | undefined> {
  try {
    return parseCli(argv, {
      count: { type: 'string' },
      kho: { type: 'string' },
      seed: { type: 'string' },
      report: { type: 'string' },
      lan: { type: 'string' },
      'so-truy-van': { type: 'string' },
      'khong-tham-chieu': { type: 'boolean' },
      'giu-lai': { type: 'boolean' },
      'chi-tim-kiem': { type: 'boolean' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (error instanceof CliError) throw new UsageError(error.message);
    throw error;
  }
}

/** Options that need a build of their own, which --chi-tim-kiem does not make. */
const BUILD_ONLY = ['count', 'kho', 'seed', 'khong-tham-chieu', 'giu-lai'];

export function parseBenchArgs(argv: string[], root: string): BenchOptions {
  const values = readArgs(argv);
  if (values.help) throw new UsageError('');
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const searchOnly = Boolean(values['chi-tim-kiem']);
  if (searchOnly) {
    const clash = BUILD_ONLY.find((name) => values[name] !== undefined);
    if (clash) throw new UsageError(`--chi-tim-kiem đo một bản dựng có sẵn, không sinh và không dựng gì: bỏ --${clash}.`);
  } else if (values.dir !== undefined) {
    throw new UsageError('--dir chỉ dùng với --chi-tim-kiem (đo tìm kiếm trên bản dựng có sẵn).');
  }
  const countText = str('count')?.replace(/[._,]/g, '');
  if (!searchOnly && countText === undefined) throw new UsageError('thiếu --count (số kế hoạch sinh thêm).');
  const count = searchOnly ? 0 : integer(countText, '--count', 1, MAX_COUNT, '1000');
  const corpora = CORPORA[str('kho') ?? 'ca-hai'];
  if (!corpora) throw new UsageError(`--kho phải là sinh, van-mau hoặc ca-hai; đang là "${str('kho')}".`);
  const seedText = str('seed') ?? '1';
  if (!seedText.trim()) throw new UsageError('--seed không được để trống.');
  for (const name of ['report', 'dir']) if (values[name] !== undefined && !str(name)?.trim()) throw new UsageError(`--${name} cần một đường dẫn.`);
  const runs = integer(str('lan') ?? String(DEFAULT_RUNS), '--lan', 1, 20, '3', ' (số lần chạy danh sách truy vấn)');
  const queries = integer(str('so-truy-van') ?? String(QUERIES.length), '--so-truy-van', 1, QUERIES.length, '4');
  let heap: string;
  try {
    heap = heapOption(process.env, 12288)!;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    count,
    corpora,
    searchOnly: searchOnly ? resolve(str('dir') ?? join(root, 'dist')) : undefined,
    heap,
    maxRss: maxRssOption(process.env),
    seed: seedFrom(seedText),
    seedText,
    report: resolve(str('report') ?? join(root, 'docs/performance.md')),
    bare: !values['khong-tham-chieu'],
    keep: Boolean(values['giu-lai']),
    runs,
    queries,
    command: commandOf(argv),
  };
}

/** The command as typed, without --report (where a report goes is not part of what it measured). */
function commandOf(argv: string[]): string {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--report') i++;
    else if (!argv[i].startsWith('--report=')) args.push(/\s/.test(argv[i]) ? `"${argv[i]}"` : argv[i]);
  }
  return `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
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
    const report = opts.searchOnly ? await runSearchOnly(opts, root, say) : await runBench(opts, root, say);
    if (!report) return 1;
    const block = renderBlock(report);
    writeReport(opts.report, block);
    process.stdout.write(block + '\n');
    say(`[bench] Đã ghi kết quả vào ${relative(process.cwd(), opts.report) || opts.report}.`);
    // A build that failed, or a search of which no query could be measured.
    return report.corpora.some((c) => c.ours?.error || c.searchError) ? 1 : 0;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    say(`Lỗi: benchmark dừng giữa chừng: ${e.code ? `${e.code} ` : ''}${(e.message ?? String(e)).split('\n')[0]}`);
    return 1;
  }
}
