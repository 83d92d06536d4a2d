/**
 * When each entry file last changed, for "Cập nhật lần cuối" and the data
 * files' `updatedOn`: the committer date of the last commit that touched it,
 * else the file's modification time. Never the time of the build, so two
 * builds of one commit say the same.
 *
 * One `git log` per folder reads the whole history at once: a call per file
 * would take hours for 100,000 entries. A shallow clone (CI's default) knows
 * only its last commit, so every file gets that date; check out the full
 * history (`fetch-depth: 0`) for true dates.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { todayInVietnam } from './dates.ts';

export interface FileDate {
  /** yyyy-mm-dd, in Vietnam's time zone. */
  updatedOn: string;
  /** Path inside the repository, with "/"; absent when git does not know the file. */
  repoPath?: string;
  from: 'git' | 'mtime';
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

/** The calendar day in Vietnam of an instant. */
const dayInVietnam = (instant: Date) => todayInVietnam(instant);

/** Last change of every path under `dir`, keyed by its path from the repository's top. */
function historyOf(dir: string): { top: string; dates: Map<string, string> } | undefined {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return undefined;
  const log = git(top, ['log', '--format=%x00%cI', '--name-only', '--', relative(top, dir) || '.']);
  if (log === undefined) return undefined;
  const dates = new Map<string, string>();
  // Newest commit first: the first date seen for a path is its last change.
  for (const chunk of log.split('\0')) {
    const [stamp, ...paths] = chunk.split('\n');
    if (!stamp) continue;
    const day = dayInVietnam(new Date(stamp));
    for (const p of paths) if (p && !dates.has(p)) dates.set(p, day);
  }
  return { top, dates };
}

/** The last change of each file, by its absolute path. */
export function lastChanged(files: readonly string[]): Map<string, FileDate> {
  const out = new Map<string, FileDate>();
  const histories = new Map<string, ReturnType<typeof historyOf>>();
  for (const file of files) {
    const abs = resolve(file);
    // git reports real paths; a symlinked checkout would otherwise match nothing.
    const real = realpathSync(abs);
    const dir = dirname(real);
    if (!histories.has(dir)) histories.set(dir, historyOf(dir));
    const history = histories.get(dir);
    const repoPath = history && relative(history.top, real).split(sep).join('/');
    const day = repoPath ? history.dates.get(repoPath) : undefined;
    out.set(
      abs,
      day
        ? { updatedOn: day, repoPath, from: 'git' }
        : { updatedOn: dayInVietnam(statSync(abs).mtime), from: 'mtime' },
    );
  }
  return out;
}
