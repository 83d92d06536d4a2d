/**
 * npm run schema [-- --check]
 *
 * Regenerates the files derived from the plan schema: the JSON Schema and the
 * snippets in .vscode/, and the field and check references in CONTRIBUTING.md.
 * With --check it writes nothing and exits 1 when a file is out of date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, parseCli } from '../src/tools/cli.ts';
import { generatedStatus } from '../src/tools/generated/index.ts';

function main(argv: string[]): number {
  const args = parseCli(argv, { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (args.help) {
    console.log('npm run schema: tạo lại JSON Schema, snippet VS Code và bảng trường, bảng kiểm tra trong CONTRIBUTING.md từ schema.\n  --check  chỉ kiểm tra, báo lỗi nếu tệp nào đã cũ');
    return 0;
  }
  const stale = generatedStatus(process.cwd()).filter((f) => f.current !== f.expected);
  if (args.check) {
    for (const f of stale) console.error(`${f.path}: đã cũ so với schema; chạy npm run schema rồi commit tệp này.`);
    return stale.length ? 1 : 0;
  }
  for (const f of stale) {
    mkdirSync(dirname(f.path), { recursive: true });
    writeFileSync(f.path, f.expected);
    console.log(`đã ghi ${f.path}`);
  }
  if (stale.length === 0) console.log('Mọi tệp sinh từ schema đều đã mới.');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`npm run schema: ${err instanceof CliError ? err.message : `lỗi không mong muốn: ${(err as Error)?.message ?? err}`}`);
  process.exitCode = 2;
}
