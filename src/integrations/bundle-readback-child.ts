/** The child process of bundle-readback.ts (`readBackAside`): reads back the one bundle it is sent, then ends. */
import { messageOf, readBackBundle, ReadBackError, STEP, type ReadBackMessage, type ReadBackTask } from './bundle-readback.ts';

/** Resolves once the message is handed to the channel, so that ending the process cannot lose it. */
const post = (message: ReadBackMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once('message', async ({ folder, language, spill }: ReadBackTask) => {
  try {
    await post({ done: await readBackBundle(folder, language, spill, (line) => void post({ log: line })) });
  } catch (error) {
    await post({ failed: { step: error instanceof ReadBackError ? error.step : STEP.counts, message: messageOf(error) } });
  }
  // Ends now, whatever handle might still be open: the build waits for this process.
  process.disconnect();
  process.exit(0);
});
