/**
 * `npm run build` (scripts/build.ts): a build that runs out of memory ends
 * with a Vietnamese message naming its phase, V8's report goes to a log file,
 * and a bad heap setting is refused with an example.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_PLANS, TEST_TMP } from '../helpers/paths.ts';

function build(env: Record<string, string>) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KHO_PLANS_DIR: TEST_PLANS, KHO_OUT_DIR: join(TEST_TMP, 'oom-out'), KHO_CACHE_DIR: join(TEST_TMP, 'oom-cache'), ...env },
    timeout: 120_000,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('npm run build', () => {
  it('names the phase when the build runs out of memory, without V8\'s dump', () => {
    // 40 MB of heap is too little for Astro to even load the site.
    const { code, stderr } = build({ KHO_MAX_HEAP_MB: '40' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Bản dựng thất bại: hết bộ nhớ trong giai đoạn "(Astro build|Kiểm tra nội dung)"\./);
    expect(stderr).toContain('KHO_MAX_HEAP_MB=12288 npm run build');
    expect(stderr).not.toMatch(/FATAL ERROR|Last few GCs|JS stacktrace/);
    const log = /Báo cáo kỹ thuật của Node: (.+)/.exec(stderr)![1].trim();
    expect(readFileSync(log, 'utf8')).toMatch(/heap out of memory/);
  });

  it('refuses a heap size that is not a number of megabytes, with an example', () => {
    const { code, stderr } = build({ KHO_MAX_HEAP_MB: 'nhiều' });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('KHO_MAX_HEAP_MB phải là số MB nguyên, ít nhất 16, ví dụ 12288; đang là "nhiều".');
  });
});
