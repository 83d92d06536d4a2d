/** The child process of bundle-readback.ts (`readBackAside`): reads back the one bundle it is sent, then ends. */
import { readBackBundle, ReadBackError, STEP, type ReadBackMessage, type ReadBackTask } from './bundle-readback.ts';

const post = (message: ReadBackMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once('message', async ({ folder, language, spill }: ReadBackTask) => {
  try {
    await post({ done: await readBackBundle(folder, language, spill, (line) => void post({ log: line })) });
  } catch (error) {
    const step = error instanceof ReadBackError ? error.step : STEP.counts;
    await post({ failed: { step, message: error instanceof Error ? error.message : String(error) } });
  }
  process.disconnect();
});
