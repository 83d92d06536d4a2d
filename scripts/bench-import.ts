/**
 * npm run bench:import -- --dir DIR
 * npm run bench:import -- --from-entries [--sources tmp/sources] [--out tmp/eval] [--amend FILE]
 *
 * Runs the extractor of `npm run import` over a folder of source texts with
 * facts.json and prints each field's accuracy, the wrong and invented values,
 * and precision and recall for legal bases and indices. With --from-entries
 * the folder is first built from the archive's own entries and their kept
 * source texts (see src/tools/import/from-entries.ts).
 */
import { existsSync } from 'node:fs';
import { CliError, parseCli } from '../src/tools/cli.ts';
import { formatBench, runBench } from '../src/tools/import/bench.ts';
import { buildCorpus } from '../src/tools/import/from-entries.ts';

const HELP = [
  'npm run bench:import -- --dir <thư mục>: chấm bộ trích xuất của npm run import trên các tệp văn bản và facts.json của thư mục.',
  'npm run bench:import -- --from-entries [--sources tmp/sources] [--out tmp/eval] [--amend <tệp.json>]: dựng bộ chấm từ các mục của kho',
  '  có văn bản nguồn đã lưu (<sources>/<slug>.txt), ghi vào <out>, rồi chấm. --amend: các dữ kiện văn bản có ghi mà mục bỏ sót, đã kiểm tra tay.',
].join('\n');

function main(argv: string[]): number {
  const args = parseCli(argv, {
    dir: { type: 'string' },
    'from-entries': { type: 'boolean' },
    sources: { type: 'string' },
    out: { type: 'string' },
    amend: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args['from-entries']) {
    const sources = (args.sources as string) ?? 'tmp/sources';
    const out = (args.out as string) ?? 'tmp/eval';
    const amendments = args.amend as string | undefined;
    const corpus = buildCorpus({ sources, out, amendments });
    const command = ['npm run bench:import -- --from-entries', args.sources ? `--sources ${sources}` : '', args.out ? `--out ${out}` : '', amendments ? `--amend ${amendments}` : ''].filter(Boolean).join(' ');
    console.log(`Bộ chấm dựng từ ${corpus.files} mục có văn bản nguồn trong ${sources} (ghi vào ${out}); ${corpus.skipped.length} mục không có nguồn đã lưu hoặc còn là bản nháp chưa kiểm; ${corpus.cited.length} mục chỉ được nhắc trong văn bản của mục khác (không chấm: ${corpus.cited.join(', ') || 'không có'})${amendments ? `; ${corpus.amended} bổ sung đã kiểm tra tay từ ${amendments}` : ''}.\n`);
    console.log(formatBench(runBench(out), command));
    return 0;
  }
  if (!args.dir) throw new CliError('thiếu --dir hoặc --from-entries. Ví dụ: npm run bench:import -- --dir ../shared/articles');
  const dir = args.dir as string;
  if (!existsSync(dir)) throw new CliError(`không có thư mục "${dir}" (--dir)`);
  console.log(formatBench(runBench(dir), `npm run bench:import -- --dir ${dir}`));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`npm run bench:import: ${err instanceof CliError ? err.message : `lỗi không mong muốn: ${(err as Error)?.message ?? err}`}`);
  process.exitCode = 2;
}
