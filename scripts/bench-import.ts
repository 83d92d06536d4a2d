/**
 * npm run bench:import -- --dir DIR
 *
 * Runs the extractor of `npm run import` over a folder of source texts with
 * facts.json and prints each field's accuracy, the wrong and invented values,
 * and precision and recall for legal bases and indices.
 */
import { existsSync } from 'node:fs';
import { CliError, parseCli } from '../src/tools/cli.ts';
import { formatBench, runBench } from '../src/tools/import/bench.ts';

function main(argv: string[]): number {
  const args = parseCli(argv, { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (args.help || !args.dir) {
    if (!args.help) throw new CliError('thiếu --dir. Ví dụ: npm run bench:import -- --dir ../shared/articles');
    console.log('npm run bench:import -- --dir <thư mục>: chấm bộ trích xuất của npm run import trên các tệp văn bản và facts.json của thư mục.');
    return 0;
  }
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
