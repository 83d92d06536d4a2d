/**
 * The goals of issue #25 and whether a corpus's figures meet them. A reader's
 * first query is any of the list, so the first-query bytes judged are the
 * worst cold query's; warm times are those of the gzip run.
 */
import type { Measured } from './measure.ts';
import { summarise, type QueryResult, type QueryRun } from './queries.ts';
import { ratio, seconds, size, vi } from './format.ts';
import type { BuildReport, CorpusReport } from './types.ts';

const KB = 1024;
const GB = 1024 ** 3;

/** Time and peak memory of a whole build (all its steps); undefined when it did not run. */
export function total(b: BuildReport | undefined): { ms: number; peakRss: number; maxProcessRss?: number } | undefined {
  const all: Measured[] = b?.steps ?? (b?.measured ? [b.measured] : []);
  if (all.length === 0) return undefined;
  return {
    ms: all.reduce((n, m) => n + m.wallMs, 0),
    peakRss: Math.max(...all.map((m) => m.peakRss)),
    maxProcessRss: Math.max(0, ...all.map((m) => m.maxProcessRss ?? 0)) || undefined,
  };
}

export function runsOf(results: QueryResult[] | undefined, key: 'cold' | 'warm'): QueryRun[] {
  return (results ?? []).flatMap((q) => (q[key] ? [q[key]!] : []));
}

/** A goal's verdict on one corpus: undefined `ok` when nothing was measured or the row has no limit. */
export interface Verdict {
  ok?: boolean;
  value: string;
}

export interface Goal {
  label: string;
  /** The limit as the report writes it; absent for a figure shown beside the goals without one. */
  limit?: string;
  /** Whether the row is about builds, which `--chi-tim-kiem` does not run. */
  build?: boolean;
  judge(c: CorpusReport): Verdict;
}

const none: Verdict = { value: 'chưa đo' };

function firstQuery(results: QueryResult[] | undefined, limitKb?: number): Verdict {
  const s = summarise(runsOf(results, 'cold').map((r) => r.bytes));
  if (!s) return none;
  return { ok: limitKb === undefined ? undefined : s.worst <= limitKb * KB, value: `${size(s.worst)} (trung vị ${size(s.median)})` };
}

function warm(pick: 'median' | 'worst', limitMs?: number) {
  return (c: CorpusReport): Verdict => {
    const s = summarise(runsOf(c.gzip, 'warm').map((r) => r.ms));
    if (!s) return none;
    return { ok: limitMs === undefined ? undefined : s[pick] <= limitMs, value: `${vi(s[pick])} ms` };
  };
}

function cold(c: CorpusReport): Verdict {
  const s = summarise(runsOf(c.gzip, 'cold').map((r) => r.ms));
  return s ? { value: `trung vị ${vi(s.median)} ms, tệ nhất ${vi(s.worst)} ms` } : none;
}

function peak(limitGb: number) {
  return (c: CorpusReport): Verdict => {
    const o = total(c.ours);
    if (!o) return none;
    const stopped = c.ours?.measured?.overLimit;
    return { ok: !stopped && o.peakRss <= limitGb * GB, value: `${size(o.peakRss)}${stopped ? ', bị dừng ở giới hạn' : ''}` };
  };
}

function againstBare(c: CorpusReport): Verdict {
  const o = total(c.ours);
  const b = total(c.bare);
  if (c.ours?.error) return { ok: false, value: 'bản dựng thất bại' };
  if (!o || !b || c.bare?.error) return { value: 'không có bản tham chiếu để so' };
  return { ok: o.ms <= 1.3 * b.ms, value: `${ratio(o.ms, b.ms)} (${seconds(o.ms)} so với ${seconds(b.ms)})` };
}

function within(minutes: number) {
  return (c: CorpusReport): Verdict => {
    const o = total(c.ours);
    if (!o) return none;
    if (c.ours?.error) return { ok: false, value: `dừng sau ${seconds(o.ms)}, không xong` };
    return { ok: o.ms <= minutes * 60_000, value: seconds(o.ms) };
  };
}

/** The goals set for an archive of `plans` plans: those for 100,000 from there on, those for 10,000 below. */
export function goalsFor(plans: number): { scale: number; goals: Goal[] } {
  if (plans >= 100_000) {
    return {
      scale: 100_000,
      goals: [
        { label: 'Truy vấn đầu tiên, nén gzip', limit: '≤ 300 KB', judge: (c) => firstQuery(c.gzip, 300) },
        { label: 'Truy vấn đầu tiên, không nén', judge: (c) => firstQuery(c.plain) },
        { label: 'Truy vấn ấm, trung vị', judge: warm('median') },
        { label: 'Truy vấn ấm, tệ nhất', limit: '≤ 200 ms', judge: warm('worst', 200) },
        { label: 'Truy vấn lạnh, thời gian', judge: cold },
        { label: 'Thời gian dựng', limit: '≤ 45 phút', build: true, judge: within(45) },
        { label: 'RSS đỉnh của bản dựng', limit: '≤ 16 GB', build: true, judge: peak(16) },
      ],
    };
  }
  return {
    scale: 10_000,
    goals: [
      { label: 'Truy vấn đầu tiên, nén gzip', limit: '≤ 150 KB', judge: (c) => firstQuery(c.gzip, 150) },
      { label: 'Truy vấn đầu tiên, không nén', limit: '≤ 300 KB', judge: (c) => firstQuery(c.plain, 300) },
      { label: 'Truy vấn ấm, trung vị', limit: '≤ 60 ms', judge: warm('median', 60) },
      { label: 'Truy vấn ấm, tệ nhất', limit: '≤ 100 ms', judge: warm('worst', 100) },
      { label: 'Truy vấn lạnh, thời gian', judge: cold },
      { label: 'Thời gian dựng', limit: '≤ 1,3 × tham chiếu', build: true, judge: againstBare },
      { label: 'RSS đỉnh của bản dựng', limit: '≤ 4 GB', build: true, judge: peak(4) },
    ],
  };
}

export const mark = (v: Verdict) => `${v.ok === undefined ? '' : v.ok ? '✓ ' : '✗ '}${v.value}`;
