/**
 * Keeps the bench's blocks in the "## Quy mô" section of docs/performance.md:
 * one block per archive size (a rerun with the same N replaces it), and one
 * per site measured with `--chi-tim-kiem`. Other sections of the file belong
 * to other tools and are left as they are.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const SECTION = '## Quy mô';

const INTRO = [
  'Phần này do `npm run bench` viết; mọi con số lấy từ lần chạy, không gõ tay. Mỗi lần chạy là một khối có ngày giờ, máy và commit; chạy lại với cùng N thì khối của N ấy được thay.',
  'Một lần chạy sinh N kế hoạch cho từng kho (`--kho sinh|van-mau|ca-hai`, mặc định cả hai: kho của bộ sinh thường và kho văn mẫu, nơi các từ thông dụng có trong hầu hết kế hoạch), dựng kho và bản tham chiếu, rồi đo tìm kiếm trong Chromium với bản dựng được phục vụ nén gzip và không nén. `npm run bench -- --chi-tim-kiem [--dir THƯ_MỤC]` (hay `npm run bench:search`) chỉ đo tìm kiếm trên một bản dựng có sẵn.',
  'Số đo của kho 10.000 kế hoạch: `npm run bench -- --count 10000`. Cách đọc và thiết kế: xem docs/architecture.md, mục "Đo lường".',
].join('\n\n');

/** What identifies a block: its N, or for a search-only block its heading without the date. */
function blockKey(heading: string): string {
  return /^### (N = [\d.]+) /.exec(heading)?.[1] ?? heading.replace(/, \d{2}\/\d{2}\/\d{4}.*$/, '');
}

/** A block's N, for the order of blocks; search-only blocks go last. */
const sizeOf = (block: string[]) => Number(/^### N = ([\d.]+)/.exec(block[0])?.[1].replace(/\./g, '') ?? Infinity);

/** Puts `block` into the section, replacing the block with its key. */
export function updateDoc(existing: string | undefined, block: string): string {
  const text = existing ?? '# Hiệu năng\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === SECTION);
  if (start < 0) return `${text.endsWith('\n') ? text : `${text}\n`}\n${SECTION}\n\n${INTRO}\n\n${block}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const blocks: string[][] = [];
  for (const l of lines.slice(start + 1, end)) {
    if (l.startsWith('### ')) blocks.push([l]);
    else if (blocks.length) blocks[blocks.length - 1].push(l);
  }
  const key = blockKey(block.split('\n')[0]);
  const kept = blocks.filter((b) => blockKey(b[0]) !== key);
  // Array.sort is stable: search-only blocks keep the order they came in.
  const all = [...kept, block.trimEnd().split('\n').concat('')].sort((a, b) => sizeOf(a) - sizeOf(b) || 0);
  // The introduction is this tool's text too: it always says how the bench runs now.
  const body = ['', INTRO, '', ...all.flat()];
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n');
}

export function writeReport(path: string, block: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  writeFileSync(path, updateDoc(existing, block));
}
