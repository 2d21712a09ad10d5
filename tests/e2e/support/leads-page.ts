// Helpers for the leads end-to-end tests: a page that records CSP violations, and direct RPC
// calls from inside the page (same origin and token as the app), for setup only.
import type { Browser, Page } from 'playwright-core';
import type { WebHostProcess } from './web-host-process';

export interface WatchedPage {
  page: Page;
  /** Console errors about the Content-Security-Policy, and `securitypolicyviolation` events. */
  cspViolations: () => string[];
}

export async function openApp(
  browser: Browser,
  host: WebHostProcess,
  opts: { hash?: string; viewport?: { width: number; height: number } } = {},
): Promise<WatchedPage> {
  const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    // When the last WebSocket answer arrived, so a bench can split network+core from rendering.
    const state = window as unknown as { __lastMessage: number };
    const NativeWebSocket = window.WebSocket;
    window.WebSocket = class extends NativeWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', () => (state.__lastMessage = performance.now()));
      }
    };
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  await page.goto(host.url);
  if (opts.hash) await page.evaluate((hash) => (window.location.hash = hash), opts.hash);
  return { page, cspViolations: () => [...violations] };
}

/** One request over a fresh WebSocket from the page (the app's own socket is not reachable). */
export async function rpcFromPage<T>(page: Page, host: WebHostProcess, method: string, payload: unknown): Promise<T> {
  const url = `${host.origin.replace(/^http/, 'ws')}/rpc?token=${host.token}`;
  const result = await page.evaluate(
    ({ url, method, payload }) =>
      new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve, reject) => {
        const ws = new WebSocket(url);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, payload }));
        ws.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as { kind: string; id?: number; result?: never };
          if (data.kind === 'response' && data.id === 1) {
            ws.close();
            resolve(data.result!);
          }
        };
        ws.onerror = () => reject(new Error('websocket refused'));
        ws.onclose = (event) => reject(new Error(`websocket closed (${event.code} ${event.reason})`));
      }),
    { url, method, payload },
  );
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A stored lead of one person with one mobile number: the other lead a duplicate check finds. */
export const personDraft = (firstName: string, lastName: string, e164: string, raw: string) => ({
  draft: {
    contact: {
      kind: 'individual',
      firstName,
      lastName,
      phones: [{ e164, raw, type: 'mobile', preferred: true }],
    },
    vehicles: [],
    stage: 'new',
    tags: [],
    consents: [],
  },
});
