/**
 * `npm run gen -- --count N --out DIR [--seed S] [--van-mau]`: writes N
 * synthetic plan entries for scale tests and benchmarks. Messages are Vietnamese and never
 * a stack trace: the people who run this are editors as often as developers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CliError, parseCli, reportUsage, UsageError } from '../cli.ts';
import { toMdx } from './mdx.ts';
import { generatePlan } from './plan.ts';
import { hash32 } from './rng.ts';
import { progress } from '../../lib/progress.ts';

/** Folders that hold real entries: the generator never writes into them. */
export const PROTECTED_DIRS = ['src/content/plans', 'tests/fixtures/plans'];
/** Marks a folder as the generator's own, so a rerun may empty it first. */
export const MARKER = '.kho-gen.json';
export const MAX_COUNT = 1_000_000;

const USAGE = `Cách dùng: npm run gen -- --count N --out THƯ_MỤC [--seed S] [--van-mau]

  --count N     số kế hoạch cần tạo (1 đến ${MAX_COUNT.toLocaleString('vi-VN')})
  --out DIR     thư mục ghi các tệp .mdx (không được là src/content/plans)
  --seed S      hạt giống ngẫu nhiên (số hoặc chữ; mặc định 1). Cùng hạt giống cho cùng kết quả.
  --van-mau     thân bài lặp lại văn mẫu như kế hoạch thật ("Thực hiện Nghị quyết…", mục đích, yêu cầu,
                tổ chức thực hiện…), nên các từ thông dụng có trong hầu hết kế hoạch`;

export interface GenOptions {
  count: number;
  out: string;
  seed: number;
  /** Bodies that repeat boilerplate, as real plans do (body.ts). */
  boilerplate?: boolean;
}

/** The seed as given on the command line: a number is used as is, text is hashed. */
export function seedFrom(text: string): number {
  return /^\d+$/.test(text) && Number(text) <= 0xffffffff ? Number(text) : hash32(text);
}

export function parseGenArgs(argv: string[], root: string): GenOptions {
  let values: { count?: string; out?: string; seed?: string; 'van-mau'?: boolean; help?: boolean };
  try {
    values = parseCli(argv, {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'van-mau': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    }) as typeof values;
  } catch (error) {
    if (error instanceof CliError) throw new UsageError(error.message);
    throw error;
  }
  if (values.help) throw new UsageError('');
  if (values.count === undefined) throw new UsageError('thiếu --count (số kế hoạch cần tạo).');
  if (!/^\d+$/.test(values.count.replace(/[._,]/g, '')) || Number(values.count.replace(/[._,]/g, '')) < 1) {
    throw new UsageError(`--count phải là số nguyên dương, nhưng đang là "${values.count}".`);
  }
  const count = Number(values.count.replace(/[._,]/g, ''));
  if (count > MAX_COUNT) throw new UsageError(`--count tối đa là ${MAX_COUNT.toLocaleString('vi-VN')}, nhưng đang là ${count.toLocaleString('vi-VN')}.`);
  if (!values.out?.trim()) throw new UsageError('thiếu --out (thư mục ghi các tệp).');
  const out = resolve(values.out);
  for (const dir of PROTECTED_DIRS) {
    const real = resolve(root, dir);
    if (out === real || out.startsWith(real + sep)) {
      throw new UsageError(`không được ghi vào ${dir}: đó là nơi chứa kế hoạch thật. Hãy chọn thư mục khác, ví dụ tmp/plans.`);
    }
  }
  if (values.seed !== undefined && !values.seed.trim()) throw new UsageError('--seed không được để trống.');
  return { count, out, seed: seedFrom(values.seed ?? '1'), boilerplate: Boolean(values['van-mau']) };
}

/** Makes `out` ready: creates it, or empties a folder the generator wrote before. */
function prepare(out: string): void {
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true });
    return;
  }
  const names = readdirSync(out);
  if (names.length === 0) return;
  if (!names.includes(MARKER)) {
    throw new UsageError(
      `thư mục ${out} đã có ${names.length} tệp không do lệnh này tạo. Hãy chọn thư mục trống (hoặc chưa có) để không ghi đè nội dung khác.`,
    );
  }
  for (const n of names) if (/\.mdx?$/.test(n)) rmSync(join(out, n));
}

export interface GenResult {
  files: number;
  bytes: number;
  ms: number;
}

/** Writes the entries. Entry i is the same for a seed and mode whatever the count. */
export function generate(opts: GenOptions, log: (line: string) => void = () => {}): GenResult {
  const started = Date.now();
  prepare(opts.out);
  writeFileSync(join(opts.out, MARKER), JSON.stringify({ seed: opts.seed, count: opts.count, boilerplate: Boolean(opts.boilerplate) }) + '\n');
  const seen = new Set<string>();
  const tick = progress('Đã tạo', opts.count, 'kế hoạch', log);
  let bytes = 0;
  for (let i = 0; i < opts.count; i++) {
    let plan = generatePlan(opts.seed, i, 0, opts.boilerplate);
    // The archive rejects two entries for one document; a rare random clash is redrawn.
    for (let attempt = 1; plan.identity && seen.has(plan.identity) && attempt < 16; attempt++) {
      plan = generatePlan(opts.seed, i, attempt, opts.boilerplate);
    }
    if (plan.identity) seen.add(plan.identity);
    const text = toMdx(plan.data, plan.body);
    writeFileSync(join(opts.out, `${plan.slug}.mdx`), text);
    bytes += Buffer.byteLength(text);
    tick(i + 1);
  }
  tick(opts.count, true);
  return { files: opts.count, bytes, ms: Date.now() - started };
}

export function main(argv: string[], root: string): number {
  let opts: GenOptions;
  try {
    opts = parseGenArgs(argv, root);
  } catch (error) {
    const status = reportUsage(error, USAGE);
    if (status !== undefined) return status;
    throw error;
  }
  try {
    const r = generate(opts, (line) => process.stderr.write(line + '\n'));
    const where = relative(process.cwd(), opts.out) || '.';
    process.stdout.write(
      `Đã tạo ${r.files.toLocaleString('vi-VN')} kế hoạch (${(r.bytes / 1048576).toFixed(1)} MB) trong ${where} sau ${(r.ms / 1000).toFixed(1)} giây.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    process.stderr.write(`Lỗi: không ghi được tệp${e.path ? ` ${e.path}` : ''} (${e.code ?? e.message}).\n`);
    return 1;
  }
}

/** The marker a previous run left, if any. */
export function readMarker(dir: string): { seed: number; count: number; boilerplate?: boolean } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}
