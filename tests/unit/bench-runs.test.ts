/**
 * Several runs of the bench's query list (src/tools/bench/queries.ts,
 * `medianRuns`): each query keeps its run of median time, whole.
 */
import { describe, expect, it } from 'vitest';
import { BYTE_KINDS, medianRuns, type QueryResult, type QueryRun } from '../../src/tools/bench/queries.ts';

const query = { label: 'từ thường', params: { q: 'cải cách hành chính' } };
const run = (ms: number, bytes = ms * 10): QueryRun => ({
  ms,
  bytes,
  requests: ms % 7,
  kinds: Object.fromEntries(BYTE_KINDS.map((k) => [k, k === 'terms' ? bytes : 0])) as QueryRun['kinds'],
});

describe('median runs', () => {
  it("keep each query's cold and warm run of median time, with that run's bytes and requests", () => {
    const runs: QueryResult[][] = [
      [{ query, cold: run(500), warm: run(90, 1) }],
      [{ query, cold: run(300), warm: run(40, 2) }],
      [{ query, cold: run(900), warm: run(60, 3) }],
    ];
    const [r] = medianRuns(runs);
    expect(r.cold).toEqual(run(500));
    expect(r.warm).toEqual(run(60, 3));
    expect(r.error).toBeUndefined();
  });

  it('take the lower middle run of an even count, and leave out runs without a figure', () => {
    const runs: QueryResult[][] = [
      [{ query, cold: run(500), warm: run(80) }],
      [{ query, cold: run(300), error: 'lần ấm: không xong trong thời hạn' }],
    ];
    const [r] = medianRuns(runs);
    expect(r.cold!.ms).toBe(300);
    // The warm figure of the run that had one; the failure of the other is not reported as the query's.
    expect(r.warm!.ms).toBe(80);
    expect(r.error).toBeUndefined();
  });

  it('give the reason when no run has a figure: a failure, or a query not run there', () => {
    const skipped = 'không đo: trang không có bộ lọc';
    const [a, b] = medianRuns([
      [{ query, error: skipped }, { query, cold: run(100), error: 'lần ấm: trang không phản hồi' }],
      [{ query, error: skipped }, { query, cold: run(200), error: 'lần ấm: trang không phản hồi' }],
    ]);
    expect(a).toEqual({ query, error: skipped });
    expect(b.cold!.ms).toBe(100);
    expect(b.warm).toBeUndefined();
    expect(b.error).toBe('lần ấm: trang không phản hồi');
  });
});
