/**
 * `npm run build`: `astro build`, watched. A build that runs out of memory
 * ends with one Vietnamese message naming the phase it was in (from the
 * `[kho-phase]` lines of src/integrations/build-phases.ts) instead of V8's
 * dump of its heap and stack, which goes to a log file for whoever needs it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { killedForMemory, OUT_OF_MEMORY, PHASE_LABELS, phaseOfLine, type Phase } from '../integrations/build-phases.ts';

/** Where V8's own report starts: everything from here on is for the log, not the reader. */
const V8_REPORT = /^<--- Last few GCs --->|^FATAL ERROR:|^#\s*Fatal (?:JavaScript|process) out of memory/;

export interface BuildRun {
  code: number;
  /** Set when the build ran out of memory. */
  outOfMemoryIn?: Phase;
}

/**
 * Node's heap flag from KHO_MAX_HEAP_MB, or from `fallbackMb` when it is
 * unset; undefined when neither says. Shared with `npm run bench`.
 */
export function heapOption(env: NodeJS.ProcessEnv, fallbackMb?: number): string | undefined {
  const raw = env.KHO_MAX_HEAP_MB;
  if (raw === undefined || raw === '') return fallbackMb === undefined ? undefined : `--max-old-space-size=${fallbackMb}`;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 16) {
    throw new Error(`KHO_MAX_HEAP_MB phải là số MB nguyên, ít nhất 16, ví dụ 12288; đang là "${raw}".`);
  }
  return `--max-old-space-size=${mb}`;
}

export function outOfMemoryMessage(phase: Phase, logFile: string): string {
  return [
    `Bản dựng thất bại: hết bộ nhớ trong giai đoạn "${PHASE_LABELS[phase]}".`,
    'Cho Node dùng nhiều bộ nhớ hơn, ví dụ: KHO_MAX_HEAP_MB=12288 npm run build, hoặc dựng trên máy nhiều RAM hơn.',
    'Kho rất lớn: xem docs/architecture.md, mục "Bộ nhớ" và "Chia mảnh".',
    `Báo cáo kỹ thuật của Node: ${logFile}`,
  ].join('\n');
}

export function runBuild(root: string, args: string[], env: NodeJS.ProcessEnv = process.env, say = (s: string) => process.stderr.write(s)): Promise<BuildRun> {
  const heap = heapOption(env);
  const childEnv = { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, heap].filter(Boolean).join(' ') };
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', ...args], { cwd: root, env: childEnv, stdio: ['inherit', 'inherit', 'pipe'] });
    let phase: Phase = 'astro';
    let oom = false;
    let inReport = false;
    const report: string[] = [];
    let rest = '';
    // Decoded by the stream, so that a Vietnamese letter split between two chunks stays whole.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        phase = phaseOfLine(line) ?? phase;
        if (OUT_OF_MEMORY.test(line)) oom = true;
        if (V8_REPORT.test(line)) inReport = true;
        if (inReport) report.push(line);
        else say(`${line}\n`);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (rest) (inReport ? report.push(rest) : say(rest));
      if (oom || killedForMemory(code, signal)) {
        const dir = join(root, 'tmp');
        mkdirSync(dir, { recursive: true });
        const logFile = join(dir, 'build-out-of-memory.log');
        writeFileSync(logFile, report.join('\n') + '\n');
        say(`\n${outOfMemoryMessage(phase, logFile)}\n`);
        resolve({ code: 1, outOfMemoryIn: phase });
        return;
      }
      resolve({ code: code ?? 1 });
    });
  });
}
