/**
 * "Cập nhật lần cuối" comes from the entry's git history, in Vietnam's time
 * zone, and from the file's own date when git does not know the file: never
 * from the time of the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastChanged } from '../../src/lib/git-dates.ts';

let repo: string;
const plans = () => join(repo, 'src', 'content', 'plans');

function commit(message: string, date: string) {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['-c', 'user.name=Kiểm thử', '-c', 'user.email=kiem-thu@example.org', 'commit', '-q', '-m', message], { cwd: repo, env });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'kho-git-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  mkdirSync(plans(), { recursive: true });
  writeFileSync(join(plans(), 'a.mdx'), 'một');
  writeFileSync(join(plans(), 'b.mdx'), 'hai');
  // 20:00 UTC on 22/01 is already 23/01 in Vietnam (UTC+7).
  commit('first', '2020-01-22T20:00:00Z');
  writeFileSync(join(plans(), 'b.mdx'), 'hai, sửa');
  commit('second', '2021-03-04T01:00:00+07:00');
  writeFileSync(join(plans(), 'c.mdx'), 'chưa commit');
  utimesSync(join(plans(), 'c.mdx'), new Date('2019-05-06T12:00:00+07:00'), new Date('2019-05-06T12:00:00+07:00'));
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('lastChanged', () => {
  it('takes the date of the last commit touching each file, as a day in Vietnam', () => {
    const dates = lastChanged(['a.mdx', 'b.mdx'].map((f) => join(plans(), f)));
    expect(dates.get(join(plans(), 'a.mdx'))).toEqual({ updatedOn: '2020-01-23', repoPath: 'src/content/plans/a.mdx', from: 'git' });
    expect(dates.get(join(plans(), 'b.mdx'))).toEqual({ updatedOn: '2021-03-04', repoPath: 'src/content/plans/b.mdx', from: 'git' });
  });

  it('falls back to the modification time of a file git does not know', () => {
    expect(lastChanged([join(plans(), 'c.mdx')]).get(join(plans(), 'c.mdx'))).toEqual({ updatedOn: '2019-05-06', from: 'mtime' });
  });

  it('falls back to the modification time outside any repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kho-nogit-'));
    try {
      const file = join(dir, 'x.mdx');
      writeFileSync(file, 'x');
      utimesSync(file, new Date('2018-09-19T08:00:00+07:00'), new Date('2018-09-19T08:00:00+07:00'));
      expect(lastChanged([file]).get(file)).toEqual({ updatedOn: '2018-09-19', from: 'mtime' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
