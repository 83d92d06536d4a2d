/**
 * Chromium with nothing listening to the page, for timing warm queries (decision record 016).
 * Playwright enables DevTools' Network, Page and Runtime domains on every page it drives, so each
 * request and each history entry of the timed page is also recorded and sent to the bench; a
 * reader's browser does none of that. Here the bench talks to Chromium over its DevTools pipe
 * (--remote-debugging-pipe: JSON messages ended by a NUL byte, written to fd 3, read from fd 4)
 * and only calls methods: it opens a page, navigates and evaluates. No domain is enabled, so no
 * event is sent. Each launch has a fresh profile, so the cache starts empty; the page is in the
 * profile's own context, as a reader's tab is, not an incognito one (which fetches the site's icon
 * again after each change of address).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROME_FLAGS, chromePath } from '../browser.ts';

/** What every call says once Chromium has exited: nothing more can be asked of it. */
export const GONE = 'Chromium đã thoát';

/** The viewport of Playwright's pages, so that warm and cold runs lay the page out alike. */
const WINDOW = '--window-size=1280,720';

interface Reply {
  id: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export class BareChromium {
  private readonly child: ChildProcess;
  /** Its profile's folder, removed when it closes. */
  readonly profile: string;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private lastId = 0;
  private exited = false;

  private constructor(child: ChildProcess, profile: string) {
    [this.child, this.profile] = [child, profile];
    let rest = '';
    (child.stdio[4] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      const messages = (rest + chunk).split('\0');
      rest = messages.pop() ?? '';
      for (const text of messages) {
        const reply = JSON.parse(text) as Reply;
        this.pending.get(reply.id)?.(reply);
        this.pending.delete(reply.id);
      }
    });
    const gone = () => {
      this.exited = true;
      for (const answer of this.pending.values()) answer({ id: 0, error: { message: GONE } });
      this.pending.clear();
    };
    // 'error': it could not be started at all.
    child.on('exit', gone).on('error', gone);
  }

  static launch(): BareChromium {
    const profile = mkdtempSync(join(tmpdir(), 'kho-bench-chromium-'));
    const args = [...CHROME_FLAGS, WINDOW, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'];
    const child = spawn(chromePath(), args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    return new BareChromium(child, profile);
  }

  /** Calls a DevTools method, in a page's session when `sessionId` is given. */
  send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.exited) return Promise.reject(new Error(GONE));
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error.message)) : resolve(reply.result ?? {})));
      (this.child.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** A new tab. */
  async newPage(): Promise<BarePage> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    return new BarePage(this, String(sessionId));
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.send('Browser.close').catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class BarePage {
  private readonly browser: BareChromium;
  private readonly sessionId: string;

  constructor(browser: BareChromium, sessionId: string) {
    [this.browser, this.sessionId] = [browser, sessionId];
  }

  async goto(url: string): Promise<void> {
    const { errorText } = await this.browser.send('Page.navigate', { url }, this.sessionId);
    if (errorText) throw new Error(`không mở được ${url}: ${String(errorText)}`);
  }

  /** `fn(arg)` in the page, awaited; what it throws is thrown here with its message. */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg)})`;
    const reply = await this.browser.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, this.sessionId);
    const thrown = reply.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
    if (thrown) throw new Error((thrown.exception?.description ?? thrown.text ?? 'lỗi trong trang').split('\n')[0].replace(/^Error: /, ''));
    return (reply.result as { value: R }).value;
  }
}
