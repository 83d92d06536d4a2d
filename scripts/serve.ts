/**
 * npm start (after the build): serves dist/ (or KHO_OUT_DIR) as a plain
 * static host would, at http://localhost:4321/ plus SITE_BASE. PORT and HOST
 * change where it listens. See src/tools/static-server.ts.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normaliseBase } from '../src/lib/site-base.ts';
import { startStaticServer } from '../src/tools/static-server.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env.KHO_OUT_DIR ?? 'dist');
const base = normaliseBase(process.env.SITE_BASE);
const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);

if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write(`Chưa có trang đã dựng trong ${dist}. Hãy chạy "npm run build" trước (hoặc "npm start", lệnh này dựng rồi phục vụ).\n`);
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT="${process.env.PORT}" không phải số cổng hợp lệ (0–65535), ví dụ PORT=8080.\n`);
  process.exit(2);
}

try {
  const server = await startStaticServer(dist, { base, host, port });
  process.stdout.write(`Kho đang chạy tại ${server.url} (phục vụ ${dist} như một máy chủ tĩnh; Ctrl+C để dừng)\n`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'EADDRINUSE' ? `cổng ${port} đang được dùng; đặt PORT khác, ví dụ PORT=8080 npm start` : String(error);
  process.stderr.write(`Không mở được máy chủ tại ${host}:${port}: ${reason}\n`);
  process.exit(1);
}
