/**
 * `npm run verify -- <thư mục>`: checks a deployed copy of the site against
 * the SHA256SUMS it carries, and lists the missing, extra and changed files.
 *
 * Exit status: 0 when every file matches, 1 when any differs, 2 when the
 * check cannot run (no folder, no or unreadable SHA256SUMS).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareSums, describeComparison, isIdentical, parseSums, SUMS_FILE } from '../src/lib/checksums.ts';
import { hashTree } from '../src/lib/hash-tree.ts';

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
  console.error(`Cách dùng: npm run verify -- <thư mục>
Kiểm tra một bản sao của trang (ví dụ dist hoặc thư mục tải về từ máy chủ) theo tệp ${SUMS_FILE} trong đó.
Mã thoát: 0 nếu khớp hoàn toàn, 1 nếu có tệp thiếu, thừa hoặc khác, 2 nếu không kiểm tra được.`);
  process.exit(2);
}

const dir = args[0];
if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`không có thư mục "${dir}".`);
const sumsPath = join(dir, SUMS_FILE);
if (!existsSync(sumsPath)) fail(`"${dir}" không có tệp ${SUMS_FILE}; hãy dựng lại trang (npm run build) để tạo tệp này.`);

const { sums, badLines } = parseSums(readFileSync(sumsPath, 'utf8'));
if (badLines.length) {
  fail(`${sumsPath}: dòng ${badLines.slice(0, 10).join(', ')}${badLines.length > 10 ? ', …' : ''} không đúng dạng "<mã băm>  <đường dẫn>"; tệp đã bị sửa hoặc hỏng.`);
}

console.log(`Kiểm tra ${dir} theo ${SUMS_FILE} (${sums.size.toLocaleString('vi-VN')} tệp)…`);
const comparison = compareSums(sums, hashTree(dir));
console.log(describeComparison(comparison, dir));
process.exit(isIdentical(comparison) ? 0 : 1);
