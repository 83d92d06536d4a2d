/** The worker thread of bundle-readback.ts (`readBackAside`): reads back one bundle, then ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { readBackBundle, ReadBackError, STEP, type ReadBackMessage } from './bundle-readback.ts';

const { folder, language, spill } = workerData as { folder: string; language: string; spill: string };
const post = (message: ReadBackMessage) => parentPort!.postMessage(message);

try {
  post({ done: await readBackBundle(folder, language, spill, (line) => post({ log: line })) });
} catch (error) {
  const step = error instanceof ReadBackError ? error.step : STEP.counts;
  post({ failed: { step, message: error instanceof Error ? error.message : String(error) } });
}
