/**
 * A progress line every few seconds for long loops: done/total and the rate.
 * Shared by the generator, the build's long phases and the benchmark, so a
 * person watching a 100,000-plan run always sees that it is moving.
 */
export function progress(
  verb: string,
  total: number,
  unit: string,
  log: (line: string) => void,
  everyMs = 3000,
): (done: number, final?: boolean) => void {
  const started = Date.now();
  let last = started;
  return (done, final = false) => {
    const now = Date.now();
    if (!final && now - last < everyMs) return;
    if (final && now - started < everyMs) return;
    last = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    log(
      `${verb} ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} ${unit} (${Math.round(rate).toLocaleString('vi-VN')} ${unit}/giây)`,
    );
  };
}
