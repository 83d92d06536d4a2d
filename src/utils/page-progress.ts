/**
 * A progress line every few seconds while the plan pages render: Astro lists
 * each page but never says how many remain, and at 100,000 plans this phase
 * runs for many minutes.
 */
import { progress } from '../lib/progress.ts';

let tick: ((done: number, final?: boolean) => void) | undefined;
let done = 0;

export function countPlanPage(total: number): void {
  // Astro prints a page's path before rendering it and its time after, so the
  // line starts on a fresh line of its own.
  tick ??= progress('[kho] Đã dựng', total, 'trang kế hoạch', (line) => console.log(`\n${line}`), 5000);
  done++;
  tick(done, done === total);
}
