// Bundles the sip.js browser harness with esbuild and serves it on 127.0.0.1 (a secure context,
// so getUserMedia works). `openPhone` wraps a page's window.rig API for Node-side tests.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HarnessApi, RegisterOptions } from './harness/types.js';
import { servePageBundle, type PageServer } from './page-server.js';

export type { HarnessApi, RegisterResult, ToneResult, WireEvent } from './harness/types.js';

const here = dirname(fileURLToPath(import.meta.url));

/** http://127.0.0.1:PORT/ : a page exposing window.rig */
export type HarnessServer = PageServer;

export function startHarnessServer(): Promise<HarnessServer> {
  return servePageBundle(join(here, 'harness', 'harness.ts'), 'harness');
}

type Fn = (...args: never[]) => unknown;
/** Node-side proxy: every HarnessApi method, run in the page. */
export type Phone = {
  [K in keyof HarnessApi]: HarnessApi[K] extends Fn
    ? (...args: Parameters<HarnessApi[K]>) => Promise<Awaited<ReturnType<HarnessApi[K]>>>
    : never;
} & {
  page: Page;
  context: BrowserContext;
  /** page console output, for failure diagnostics */
  console: string[];
  /** wait until the given (default latest) session reaches a sip.js SessionState */
  waitForState(state: string, id?: string, timeoutMs?: number): Promise<void>;
  /** wait for an incoming INVITE and return its session id */
  waitForIncoming(timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
};

export async function openPhone(browser: Browser, harnessUrl: string): Promise<Phone> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  await page.goto(harnessUrl);
  await page.waitForFunction(() => 'rig' in window);

  const call =
    (name: keyof HarnessApi) =>
    (...args: unknown[]) =>
      page.evaluate(
        ([n, a]) =>
          (window as unknown as { rig: Record<string, (...x: unknown[]) => unknown> }).rig[n as string]!(
            ...(a as unknown[]),
          ),
        [name, args] as const,
      );
  const names: (keyof HarnessApi)[] = [
    'register',
    'unregister',
    'call',
    'answer',
    'hangup',
    'state',
    'states',
    'incoming',
    'registrationState',
    'wire',
    'marks',
    'measureTone',
    'stats',
  ];
  const phone = Object.fromEntries(names.map((n) => [n, call(n)])) as unknown as Phone;
  phone.page = page;
  phone.context = context;
  phone.console = consoleLines;
  phone.waitForState = async (state, id, timeoutMs = 10_000) => {
    await page.waitForFunction(
      ([s, i]) => (window as unknown as { rig: HarnessApi }).rig.state(i ?? undefined) === s,
      [state, id ?? null] as const,
      { timeout: timeoutMs, polling: 10 },
    );
  };
  phone.waitForIncoming = async (timeoutMs = 10_000) => {
    const h = await page.waitForFunction(
      () => (window as unknown as { rig: HarnessApi }).rig.incoming().at(-1),
      undefined,
      { timeout: timeoutMs, polling: 10 },
    );
    return (await h.jsonValue()) as string;
  };
  phone.close = () => context.close();
  return phone;
}

export type { RegisterOptions };
