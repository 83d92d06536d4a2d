/**
 * npm run check [-- --fix] [--dir <folder>] [--sources <folder>] [--thong-ke]
 *
 * Checks every plan entry: the schema, as the build applies it, and the
 * content checks beyond it. Prints `file:line: lỗi|cảnh báo: …` and exits 1
 * when there is an error; warnings alone pass. The logic is in
 * src/tools/checks/.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_SOURCES_DIR } from '../src/tools/checks/copied.ts';
import { CHECKS, checkEntries, fixDir } from '../src/tools/checks/index.ts';
import { CliError, parseCli } from '../src/tools/cli.ts';
import { formatFindings, PLANS_DIR, readEntries, validateAll, type RawEntry } from '../src/lib/entries.ts';
import { coverage, formatCoverage } from '../src/tools/checks/coverage.ts';
import { planFacts, type PlanFacts } from '../src/lib/plan-facts.ts';

/** The valid entries, as the site derives them. */
function archiveFacts(entries: RawEntry[]): PlanFacts[] {
  const { plans } = validateAll(entries);
  return entries.flatMap((e) => (plans.has(e.file) ? [planFacts(e.slug, plans.get(e.file)!)] : []));
}

const HELP = `npm run check: kiểm tra nội dung các kế hoạch.

Cách dùng:
  npm run check                 kiểm tra mọi tệp trong ${PLANS_DIR}
  npm run check -- --fix        sửa tự động những gì sửa an toàn được (Unicode NFC, kiểu đặt dấu thanh), rồi kiểm tra
  npm run check -- --dir <thư mục>      kiểm tra một thư mục khác (hoặc đặt biến KHO_PLANS_DIR)
  npm run check -- --sources <thư mục>  thư mục chứa văn bản nguồn <tên tệp>.txt để tìm câu chép nguyên văn (mặc định: ${DEFAULT_SOURCES_DIR} nếu có)
  npm run check -- --thong-ke   kiểm tra, rồi in độ phủ của kho: số tỉnh, cấp, năm, loại nguồn, trước và sau 1/7/2025

Mỗi phát hiện in một dòng "tệp:dòng: lỗi|cảnh báo: …". Có lỗi thì lệnh kết thúc với mã 1; chỉ có cảnh báo thì vẫn đạt.`;

function main(argv: string[]): number {
  const args = parseCli(argv, {
    fix: { type: 'boolean' },
    dir: { type: 'string' },
    sources: { type: 'string' },
    'thong-ke': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const dir = (args.dir as string | undefined) ?? process.env.KHO_PLANS_DIR ?? PLANS_DIR;
  if (!existsSync(dir)) throw new CliError(`không có thư mục "${dir}". Hãy chạy lệnh từ thư mục gốc của kho, hoặc ghi đúng --dir`);
  const sources = (args.sources as string | undefined) ?? (existsSync(DEFAULT_SOURCES_DIR) ? DEFAULT_SOURCES_DIR : undefined);
  if (sources && !existsSync(sources)) throw new CliError(`không có thư mục nguồn "${sources}" (--sources)`);

  if (args.fix) {
    const fixed = fixDir(dir);
    if (fixed.length === 0) console.log('--fix: không có gì cần sửa tự động.');
    for (const f of fixed) console.log(`đã sửa ${f.file}: ${f.changes.join('; ')}.`);
    if (fixed.length) console.log('');
  }

  // Read once: the checks and the coverage figures look at the same entries.
  const entries = readEntries(dir);
  const files = entries.length;
  const findings = checkEntries(entries, { sourcesDir: sources });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length) console.log(formatFindings(findings) + '\n');
  console.log(`Đã kiểm tra ${files} tệp trong ${dir}: ${errors} lỗi, ${warnings} cảnh báo.`);
  const fixable = new Set(CHECKS.filter((c) => c.fix).map((c) => c.id));
  if (args['thong-ke']) console.log('\n' + formatCoverage(coverage(archiveFacts(entries))));
  if (errors) console.log('Sửa các lỗi trên rồi chạy lại: npm run check.');
  if (!args.fix && findings.some((f) => fixable.has(f.rule))) console.log('Một số phát hiện sửa tự động được: npm run check -- --fix');
  return errors ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // Editors get one sentence, never a stack trace.
  console.error(`npm run check: ${err instanceof CliError ? err.message : `lỗi không mong muốn: ${(err as Error)?.message ?? err}`}`);
  process.exitCode = 2;
}
