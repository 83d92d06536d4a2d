/**
 * Runs a command and measures it from the outside: wall time, the peak RSS of
 * its whole process tree (sampled every 100 ms from /proc, because Pagefind's indexer is a
 * child process whose memory the parent's own accounting never sees), and,
 * when the command is a build with the build-phases integration, the time and
 * peak memory of each phase. /usr/bin/time -v, where present, cross-checks
 * the largest single process.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { killedForMemory, OUT_OF_MEMORY, phaseOfLine, type Phase } from '../../integrations/build-phases.ts';

export interface PhaseStat {
  phase: Phase;
  ms: number;
  peakRss: number;
}

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** Peak summed RSS of the process and all its descendants, bytes. */
  peakRss: number;
  /** Peak RSS of the largest single process, from /usr/bin/time -v, bytes. */
  maxProcessRss?: number;
  phases: PhaseStat[];
  /** The phase that was running when the process ran out of memory. */
  outOfMemory?: Phase;
  /** Stopped by the `maxRss` guard rather than by the kernel or V8. */
  overLimit?: boolean;
  /** The last lines of output, for error messages. */
  tail: string[];
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the full output goes. */
  logFile: string;
  /** Phase for a command without the build-phases integration. */
  phase?: Phase;
  /** A file the build-phases integration appends to (KHO_PHASE_LOG). */
  phaseLog?: string;
  /** Called for each line of output. */
  onLine?: (line: string) => void;
  /** Called with the child's pid, so an interrupted run can stop it. */
  onSpawn?: (pid: number) => void;
  /**
   * Stop the whole process tree when its RSS passes this many bytes: on a
   * shared machine a runaway build must fail on its own, not wake the
   * kernel's OOM killer, which may pick someone else's process.
   */
  maxRss?: number;
}

const PAGE = 4096;

/** Summed RSS of `root` and its descendants, read from /proc. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE);
      const list = children.get(ppid);
      if (list) list.push(pid);
      else children.set(ppid, [pid]);
    } catch {
      // The process ended between readdir and read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * What /usr/bin/time wrote: the largest process's peak RSS, and the signal
 * that killed the command, which it notes as "Command terminated by signal 9".
 */
function readTimeFile(timeFile: string, signal: NodeJS.Signals | null): { maxProcessRss?: number; killedBy: NodeJS.Signals | null } {
  let maxProcessRss: number | undefined;
  let timeText = '';
  if (existsSync(timeFile)) {
    timeText = readFileSync(timeFile, 'utf8');
    const kb = Number(timeText.trim().split('\n').pop());
    if (Number.isFinite(kb)) maxProcessRss = kb * 1024;
    rmSync(timeFile, { force: true });
  }
  const bySignal = /terminated by signal (\d+)/.exec(timeText)?.[1];
  return { maxProcessRss, killedBy: signal ?? (bySignal === '9' ? 'SIGKILL' : bySignal === '6' ? 'SIGABRT' : bySignal ? 'SIGTERM' : null) };
}

/**
 * Output in lines: the log gets the bytes; the lines are decoded per stream,
 * so that a Vietnamese letter split between two chunks stays whole.
 */
function lineReader(log: NodeJS.WritableStream, onLine: (line: string) => void) {
  const streams = new Map<string, { rest: string; decoder: StringDecoder }>();
  return {
    write(stream: string, chunk: Buffer) {
      log.write(chunk);
      let buffer = streams.get(stream);
      if (!buffer) streams.set(stream, (buffer = { rest: '', decoder: new StringDecoder('utf8') }));
      const lines = (buffer.rest + buffer.decoder.write(chunk)).split('\n');
      buffer.rest = lines.pop() ?? '';
      lines.forEach(onLine);
    },
    /** A last line without a newline is a line too. */
    end() {
      for (const buffer of streams.values()) {
        const last = buffer.rest + buffer.decoder.end();
        if (last) onLine(last);
      }
    },
  };
}

export function measure(command: string, args: string[], opts: MeasureOptions): Promise<Measured> {
  const timeFile = `${opts.logFile}.time`;
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const log = createWriteStream(opts.logFile);
  const started = Date.now();
  const samples: Array<[t: number, rss: number]> = [];
  const tail: string[] = [];
  let lastPhaseLine: Phase | undefined;
  let sawOom = false;

  return new Promise((resolvePromise, reject) => {
    // Its own process group, so that an interrupted benchmark can stop the whole tree.
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) opts.onSpawn?.(child.pid);
    let overLimit = false;
    const sample = () => {
      if (!child.pid) return;
      const rss = treeRss(child.pid);
      samples.push([Date.now(), rss]);
      if (opts.maxRss && rss > opts.maxRss && !overLimit) {
        overLimit = true;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    };
    const timer = setInterval(sample, 100);
    const lines = lineReader(log, (line) => {
      tail.push(line);
      if (tail.length > 60) tail.shift();
      if (OUT_OF_MEMORY.test(line)) sawOom = true;
      lastPhaseLine = phaseOfLine(line) ?? lastPhaseLine;
      opts.onLine?.(line);
    });
    child.stdout.on('data', (d: Buffer) => lines.write('out', d));
    child.stderr.on('data', (d: Buffer) => lines.write('err', d));
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      lines.end();
      const ended = Date.now();
      const { maxProcessRss, killedBy } = useTime ? readTimeFile(timeFile, signal) : { maxProcessRss: undefined, killedBy: signal };
      const phases = phaseStats(opts, started, ended, samples);
      // A one-phase command (the bare reference's steps) is also measured by /usr/bin/time.
      if (!opts.phaseLog && phases.length === 1 && maxProcessRss) phases[0].peakRss = Math.max(phases[0].peakRss, maxProcessRss);
      const crashed = killedForMemory(code, killedBy);
      const result: Measured = {
        code,
        signal: killedBy,
        wallMs: ended - started,
        peakRss: Math.max(0, ...samples.map(([, r]) => r), maxProcessRss ?? 0),
        maxProcessRss,
        phases,
        overLimit,
        outOfMemory: sawOom || crashed || overLimit ? (lastPhaseLine ?? phases.at(-1)?.phase ?? opts.phase ?? 'astro') : undefined,
        tail,
      };
      // Answered once the log is on disk, so that whoever reads it reads all of it.
      log.end(() => resolvePromise(result));
    });
  });
}

/** Splits the run into phases by the integration's log, and finds each phase's peak. */
function phaseStats(opts: MeasureOptions, started: number, ended: number, samples: Array<[number, number]>): PhaseStat[] {
  // Each mark also carries the build process's own RSS at that moment, which
  // covers phases too short for the 100 ms sampler to catch.
  const marks: Array<{ t: number; phase: Phase; rss?: number }> = [{ t: started, phase: opts.phase ?? 'astro' }];
  if (opts.phaseLog && existsSync(opts.phaseLog)) {
    for (const line of readFileSync(opts.phaseLog, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { t, phase, rss } = JSON.parse(line) as { t: number; phase: Phase; rss?: number };
      marks.push({ t, phase, rss });
    }
  }
  const stats = new Map<Phase, PhaseStat>();
  for (const [i, m] of marks.entries()) {
    const end = marks[i + 1]?.t ?? ended;
    const s = stats.get(m.phase) ?? { phase: m.phase, ms: 0, peakRss: 0 };
    s.ms += Math.max(0, end - m.t);
    s.peakRss = Math.max(s.peakRss, m.rss ?? 0, marks[i + 1]?.rss ?? 0);
    for (const [t, r] of samples) if (t >= m.t && t <= end && r > s.peakRss) s.peakRss = r;
    stats.set(m.phase, s);
  }
  return [...stats.values()];
}
