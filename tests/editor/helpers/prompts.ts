/**
 * Drives @clack/prompts through the input and output streams every prompt
 * accepts, the way a person at a terminal would: wait until a question is on
 * screen, then type. Keys typed before a prompt listens would be lost, so
 * every answer waits for its question first.
 */
import { PassThrough } from 'node:stream';

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03' } as const;

/** ANSI colours and cursor moves, so tests read the screen text. */
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export class PromptDriver {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  private raw = '';
  /** Where the last awaited text ended: later waits look only after it. */
  private cursor = 0;

  constructor() {
    this.output.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
  }

  get io() {
    return { input: this.input, output: this.output };
  }

  /** Everything shown so far, without escape codes. */
  get screen(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Resolves once `text` appears after the previous match. */
  async waitFor(text: string, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const at = this.screen.indexOf(text, this.cursor);
      if (at !== -1) {
        this.cursor = at + text.length;
        // Let the prompt finish attaching its key listener after rendering.
        await new Promise((r) => setTimeout(r, 10));
        return;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`Timed out waiting for ${JSON.stringify(text)}. Screen after the last match:\n${this.screen.slice(this.cursor).slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for `question`, then types `keys`. */
  async answer(question: string, ...keys: string[]): Promise<void> {
    await this.waitFor(question);
    for (const k of keys) this.input.write(k);
  }
}
