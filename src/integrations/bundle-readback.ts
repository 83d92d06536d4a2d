/**
 * What the build reads back from a bundle once Pagefind has written it:
 * the pages of each rewording phrase (phrase-files.ts), the bundle's page
 * files, and its counts, spilled to disk (count-files.ts).
 *
 * It is done in a child process (`readBackAside`) so that it runs while
 * Pagefind reads the next shard's pages: Pagefind then uses one core and
 * little memory, and the reading back of a 3,500-plan shard is five to
 * seven seconds of one core. pagefind.ts waits for it before Pagefind
 * writes the next shard, when Pagefind's memory grows fourfold and it uses
 * both cores, so that the child's memory and Pagefind's never peak at once.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PHRASE_DIR } from '../lib/search/phrase-files.ts';
import { COUNT_DIR } from '../lib/search/count-files.ts';
import { readBundle, type WrittenBundle } from './bundle-files.ts';
import { spillBundleCounts, writePageFiles, type SpilledCounts } from './count-files.ts';
import { rewordingPages } from './phrase-files.ts';

export interface ReadBack {
  /** The bundle's hash, as pagefind-entry.json names it. */
  hash: string;
  /** Its pages of each rewording phrase (`rewordingPages`). */
  reworded: number[][];
  counts: SpilledCounts;
}

/** What failed, in the words of the build's error. */
export class ReadBackError extends Error {
  /** What the build was doing: "ghi các tệp đếm (kho-dem/)". */
  readonly step: string;
  constructor(step: string, message: string) {
    super(message);
    this.step = step;
  }
}

export const STEP = {
  phrases: `tìm các cụm từ diễn đạt lại (${PHRASE_DIR}/)`,
  counts: `ghi các tệp đếm (${COUNT_DIR}/)`,
};

/** An error's message, whatever was thrown. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads back the bundle at `folder`, indexed as `language`, its counts spilled into `spill`; progress through `log`. */
export async function readBackBundle(folder: string, language: string, spill: string, log: (line: string) => void): Promise<ReadBack> {
  let bundle: WrittenBundle;
  let reworded: number[][];
  try {
    bundle = readBundle(folder, language);
    reworded = await rewordingPages(bundle);
  } catch (error) {
    throw new ReadBackError(STEP.phrases, messageOf(error));
  }
  try {
    writePageFiles(folder, bundle);
    return { hash: bundle.hash, reworded, counts: await spillBundleCounts(bundle, spill, log) };
  } catch (error) {
    throw new ReadBackError(STEP.counts, messageOf(error));
  }
}

/** Between the child process and `readBackAside`. */
export type ReadBackMessage = { log: string } | { done: ReadBack } | { failed: { step: string; message: string } };

/** What the child process is asked: one bundle. */
export interface ReadBackTask {
  folder: string;
  language: string;
  spill: string;
}

/**
 * `readBackBundle` in a child process. A process, not a worker thread:
 * measured by `npm run bench` at 10,000 plans, with a worker thread the
 * build's process kept the memory the thread had used, and the build's
 * peak rose from 3.67 to 4.19 GB when Pagefind next wrote; a process gives
 * all of it back when it ends.
 *
 * Settles when the child has gone: on 'close', which comes once its
 * messages are all read, and also when it never started (then no 'exit'
 * comes). One that dies (out of memory, say) rejects with how it ended, and
 * what it printed has gone to the build's own output, where the build
 * runner looks for it. `execPath` (Node, by default) is for tests.
 */
export function readBackAside(task: ReadBackTask, log: (line: string) => void, options: { execPath?: string } = {}): Promise<ReadBack> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./bundle-readback-child.ts', import.meta.url)), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      ...(options.execPath ? { execPath: options.execPath } : {}),
    });
    let reported: ReadBack | ReadBackError | undefined;
    let trouble: Error | undefined;
    child.on('message', (message: ReadBackMessage) => {
      if ('log' in message) log(message.log);
      else reported = 'done' in message ? message.done : new ReadBackError(message.failed.step, message.failed.message);
    });
    child.on('error', (error) => (trouble ??= error));
    child.on('close', (code, signal) => {
      if (reported instanceof ReadBackError) reject(reported);
      else if (reported) resolve(reported);
      else if (child.pid === undefined) reject(new ReadBackError(STEP.counts, `không khởi động được tiến trình đọc lại chỉ mục: ${trouble?.message ?? 'không rõ lý do'}`));
      else reject(new ReadBackError(STEP.counts, `tiến trình đọc lại chỉ mục dừng (${signal ?? `mã ${code}`}) mà không báo kết quả`));
    });
    try {
      // A child that could not start says so through 'error' and 'close' above.
      child.send(task, (error) => error && (trouble ??= error));
    } catch (error) {
      trouble ??= error instanceof Error ? error : new Error(String(error));
    }
  });
}
