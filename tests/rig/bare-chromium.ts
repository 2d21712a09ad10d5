// Chromium driven over plain CDP, for benches that must not measure their own harness: Playwright
// enables the Network domain on every page and receives each WebSocket frame as an event (34,000
// of them, SIP and app messages, in the 1000-lead dialer session), so the browser serialises and
// the bench process parses every frame on the same two cores as the product. Here the page is
// only ever asked to evaluate expressions.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { CHROMIUM_PATH, chromiumArgs, type ChromiumOptions } from './chromium';

export interface BarePage {
  /** The value of a JavaScript expression in the page (awaited when it is a promise). */
  evaluate<T = unknown>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface BareBrowser {
  newPage(url: string): Promise<BarePage>;
  close(): Promise<void>;
}

type Reply = { id?: number; result?: Record<string, unknown>; error?: { message: string } };

export async function launchBareChromium(
  opts: Pick<ChromiumOptions, 'toneHz' | 'fakeAudioFile'> = {},
): Promise<BareBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bare-chromium-'));
  const args = [
    ...chromiumArgs(opts),
    '--headless',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--window-size=1400,900',
    // As Playwright launches it: a page that is not in front keeps its timers.
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--mute-audio',
    'about:blank',
  ];
  const child: ChildProcess = spawn(CHROMIUM_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools address in 20 s:\n${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  child.stderr!.resume();
  const ws = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  ws.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as Reply;
    if (reply.id === undefined) return; // events: none is enabled but Target's own
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) w?.reject(new Error(reply.error.message));
    else w?.resolve(reply.result ?? {});
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  return {
    async newPage(url) {
      const { targetId } = (await send('Target.createTarget', { url })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      const evaluate = async <T>(expression: string): Promise<T> => {
        const r = (await send(
          'Runtime.evaluate',
          { expression, awaitPromise: true, returnByValue: true },
          sessionId,
        )) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
        if (r.exceptionDetails)
          throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
        return r.result.value as T;
      };
      const loaded = `location.origin === ${JSON.stringify(new URL(url).origin)} && document.readyState === 'complete'`;
      const deadline = Date.now() + 20_000;
      while (!(await evaluate<boolean>(loaded).catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`${url} did not load in 20 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return {
        evaluate,
        close: async () => {
          await send('Target.closeTarget', { targetId });
        },
      };
    },
    async close() {
      ws.close();
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
