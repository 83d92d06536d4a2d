/**
 * Names the phase a build is in, so that a slow or failing build says where.
 *
 * It must come first in `integrations`: in `astro:config:setup` it wraps every
 * other integration's hooks, and each phase change is then
 * - printed as one line on stderr, so that a build killed by the kernel or by
 *   V8's heap limit has the phase as its last words before the crash;
 * - appended as a JSON line to the file named by KHO_PHASE_LOG, which the
 *   build runner and `npm run bench` read to time and measure each phase.
 * A watchdog warns once when the V8 heap is nearly full, naming the phase.
 */
import { appendFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { AstroIntegration } from 'astro';

export type Phase = 'validate' | 'astro' | 'pagefind' | 'extras';

export const PHASE_LABELS: Record<Phase, string> = {
  validate: 'Kiểm tra nội dung',
  astro: 'Astro build',
  pagefind: 'Pagefind',
  extras: 'Phần bổ sung',
};

export const PHASE_PREFIX = '[kho-phase]';

/** What Node, V8 and the system print when memory runs out. */
export const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed|ENOMEM|out of memory/i;

/**
 * How a build process ends when memory ran out without saying so: 134
 * (SIGABRT) is how V8 ends a process out of heap; 137 (SIGKILL), the
 * kernel's OOM killer.
 */
export function killedForMemory(code: number | null, signal: string | null): boolean {
  return signal === 'SIGABRT' || signal === 'SIGKILL' || code === 134 || code === 137;
}

const LABEL_TO_PHASE: Array<[RegExp, Phase]> = [
  [/Kiểm tra nội dung/, 'validate'],
  [/Pagefind/, 'pagefind'],
  [/Phần bổ sung/, 'extras'],
  [/Astro build/, 'astro'],
];

/** The phase a `[kho-phase]` line of a build's output names; undefined for its warnings and other lines. */
export function phaseOfLine(line: string): Phase | undefined {
  if (!line.startsWith(PHASE_PREFIX) || /Cảnh báo/.test(line)) return undefined;
  return LABEL_TO_PHASE.find(([re]) => re.test(line))?.[1];
}

let current: Phase = 'astro';

/** The phase running now; the runner names it when a build dies. */
export function currentPhase(): Phase {
  return current;
}

function enter(phase: Phase, detail: string) {
  if (phase === current && detail === '') return;
  current = phase;
  process.stderr.write(`${PHASE_PREFIX} ${PHASE_LABELS[phase]}${detail ? ` (${detail})` : ''}\n`);
  const file = process.env.KHO_PHASE_LOG;
  if (file) appendFileSync(file, JSON.stringify({ t: Date.now(), phase, detail, rss: process.memoryUsage.rss() }) + '\n');
}

function phaseOf(integration: string, hook: string): Phase | undefined {
  if (/pagefind/i.test(integration)) return hook === 'astro:build:done' ? 'pagefind' : undefined;
  if (integration === 'kho-content-guard' && hook === 'astro:config:setup') return 'validate';
  if (hook === 'astro:build:done') return 'extras';
  return undefined;
}

function watchHeap() {
  let warned = false;
  const timer = setInterval(() => {
    const { used_heap_size, heap_size_limit } = getHeapStatistics();
    if (!warned && used_heap_size > 0.85 * heap_size_limit) {
      warned = true;
      const mb = (n: number) => Math.round(n / 1048576).toLocaleString('vi-VN');
      process.stderr.write(
        `${PHASE_PREFIX} Cảnh báo: bản dựng sắp hết bộ nhớ trong giai đoạn "${PHASE_LABELS[current]}" (${mb(used_heap_size)}/${mb(heap_size_limit)} MB). Xem docs/architecture.md, mục "Bộ nhớ".\n`,
      );
    }
  }, 1000);
  timer.unref();
}

export function buildPhases(): AstroIntegration {
  return {
    name: 'kho-build-phases',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build') return;
        watchHeap();
        enter('astro', 'bắt đầu');
        for (const integration of config.integrations) {
          if (integration.name === 'kho-build-phases') continue;
          const hooks = integration.hooks as Record<string, ((...args: unknown[]) => unknown) | undefined>;
          for (const [hook, fn] of Object.entries(hooks)) {
            const phase = phaseOf(integration.name, hook);
            if (!fn || !phase) continue;
            hooks[hook] = async (...args: unknown[]) => {
              const before = current;
              enter(phase, integration.name);
              try {
                return await fn(...args);
              } finally {
                // After a build:done hook the rest is extras; before it, Astro's own work.
                enter(hook === 'astro:build:done' ? 'extras' : before, '');
              }
            };
          }
        }
      },
      'astro:build:generated': () => enter('extras', 'trang đã dựng xong'),
    },
  };
}
