/**
 * Validates every plan entry before Astro loads the collection.
 *
 * Astro's own schema errors are English and stop at the first file; editors
 * need every problem at once, in Vietnamese, as `file:line`. The same messages
 * come from `npm run check`.
 */
import type { AstroIntegration } from 'astro';
import { progress } from '../lib/progress.ts';
import { sortKey } from '../lib/plan-facts.ts';
import { formatFindings, iterateEntries, listEntryFiles, validateAll } from '../lib/entries.ts';
import type { ShardPlan } from './search-index/shards.ts';

/**
 * Where the guard leaves the plans it found valid, with the date each sorts
 * by: the search index splits them into shards by date
 * (src/integrations/search-index/shards.ts) without reading every entry a
 * second time. astro.config.mjs makes one and gives it to both integrations.
 */
export interface CheckedPlans {
  /** Undefined before the guard has run. */
  plans?: readonly ShardPlan[];
}

export const checkedPlansStore = (): CheckedPlans => ({});

const slugOf = (file: string) => file.split(/[\\/]/).pop()!.replace(/\.mdx?$/, '');

export function contentGuard(plansDir: string, checked: CheckedPlans): AstroIntegration {
  return {
    name: 'kho-content-guard',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // One entry at a time, with a progress line every few seconds: at
        // 100,000 plans this takes minutes and would otherwise hold them all.
        const total = listEntryFiles(plansDir).length;
        const tick = progress('Đã kiểm tra', total, 'kế hoạch', (line) => logger.info(line));
        const { plans, findings } = validateAll(iterateEntries(plansDir, tick));
        checked.plans = [...plans].map(([file, plan]) => ({ slug: slugOf(file), sortKey: sortKey(plan) }));
        const errors = findings.filter((f) => f.severity === 'error');
        if (errors.length === 0) {
          logger.info(`${total} kế hoạch hợp lệ.`);
          return;
        }
        const report = `${errors.length} lỗi trong nội dung kế hoạch:\n${formatFindings(errors)}\nSửa các lỗi trên rồi chạy lại. Kiểm tra nhanh: npm run check`;
        if (command === 'build') {
          // A thrown error would print a stack trace after the message; editors
          // need only the message and a failing exit status.
          logger.error(report);
          process.exit(1);
        }
        logger.warn(report);
      },
    },
  };
}
