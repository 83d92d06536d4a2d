/**
 * Validates every plan entry before Astro loads the collection.
 *
 * Astro's own schema errors are English and stop at the first file; editors
 * need every problem at once, in Vietnamese, as `file:line`. The same messages
 * come from `npm run check`.
 */
import type { AstroIntegration } from 'astro';
import { formatFindings, readEntries, validateAll } from '../tools/entries.ts';

export function contentGuard(plansDir: string): AstroIntegration {
  return {
    name: 'kho-content-guard',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const entries = readEntries(plansDir);
        const errors = validateAll(entries).findings.filter((f) => f.severity === 'error');
        if (errors.length === 0) {
          logger.info(`${entries.length} kế hoạch hợp lệ.`);
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
