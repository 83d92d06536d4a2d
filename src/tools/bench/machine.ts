/** What a report says about where and on what code it was measured. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { size } from './format.ts';

export function machine(root: string): string {
  let os = `Linux ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // Not Linux: the kernel release is enough.
  }
  const version = (pkg: string) => {
    try {
      return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
    } catch {
      return '?';
    }
  };
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'CPU không rõ'}, ${cpu.length} nhân, ${size(totalmem())} RAM; ${os}; Node ${process.versions.node}, Astro ${version('astro')}, Pagefind ${version('pagefind')}`;
}

/** "commit 1a2b3c4", saying so when tracked files differ from it; "không rõ" outside a git checkout. */
export function commit(root: string): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'không rõ (không phải kho git)';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' cộng các thay đổi chưa commit' : ''}`;
}
