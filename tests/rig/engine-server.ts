// Bundles the softphone engine test page (harness/engine-page.ts) with esbuild, serves it on
// 127.0.0.1 (a secure context), and wraps a page's window.phone API for Node-side tests.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EnginePageApi, EnginePageOptions, PhoneSnapshot } from './harness/engine-types.js';
import { servePageBundle, type PageServer } from './page-server.js';
import type { Rig, RigUserName } from './rig.js';
import type { AccountConfig } from './harness/engine-types.js';

export type * from './harness/engine-types.js';

const here = dirname(fileURLToPath(import.meta.url));
export type EngineServer = PageServer;

export function startEngineServer(): Promise<EngineServer> {
  return servePageBundle(join(here, 'harness', 'engine-page.ts'), 'engine');
}

type Fn = (...args: never[]) => unknown;
export type EnginePhone = {
  [K in keyof EnginePageApi]: EnginePageApi[K] extends Fn
    ? (...args: Parameters<EnginePageApi[K]>) => Promise<Awaited<ReturnType<EnginePageApi[K]>>>
    : never;
} & {
  page: Page;
  context: BrowserContext;
  console: string[];
  /** Polls the snapshot until `check` returns something truthy, and returns it. */
  waitFor<T>(what: string, check: (s: PhoneSnapshot) => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

const NAMES: (keyof EnginePageApi)[] = [
  'create',
  'configure',
  'testConnection',
  'snapshot',
  'registrationLog',
  'events',
  'wire',
  'clearWire',
  'marks',
  'call',
  'answer',
  'decline',
  'hangup',
  'hold',
  'resume',
  'setMuted',
  'sendDtmf',
  'blindTransfer',
  'consult',
  'completeTransfer',
  'setDevices',
  'prepare',
  'playTone',
  'setLeads',
  'matcherLookups',
  'measureTone',
  'senderEnabled',
  'signalingState',
  'rtpCounters',
  'remoteTracks',
  'gathering',
  'connectionTimes',
  'hasWarmPeerConnection',
  'peerConnections',
  'audioDevices',
  'dispose',
  'heapBytes',
  'baselineRegister',
  'baselineCall',
  'baselineHangup',
  'baselineState',
  'baselineStop',
];

export async function openEnginePhone(
  browser: Browser,
  url: string,
  options: EnginePageOptions = {},
  context?: BrowserContext,
): Promise<EnginePhone> {
  const ctx = context ?? (await browser.newContext());
  const page = await ctx.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => 'phone' in window);
  const invoke =
    (name: keyof EnginePageApi) =>
    (...args: unknown[]) =>
      page.evaluate(
        ([n, a]) =>
          (window as unknown as { phone: Record<string, (...x: unknown[]) => unknown> }).phone[n as string]!(
            ...(a as unknown[]),
          ),
        [name, args] as const,
      );
  const phone = Object.fromEntries(NAMES.map((n) => [n, invoke(n)])) as unknown as EnginePhone;
  phone.page = page;
  phone.context = ctx;
  phone.console = consoleLines;
  phone.waitFor = async (what, check, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    let last: PhoneSnapshot | undefined;
    while (Date.now() < deadline) {
      last = await phone.snapshot();
      const v = check(last);
      if (v) return v;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last).slice(0, 1500)}`);
  };
  phone.close = () => (context ? page.close() : ctx.close());
  await phone.create(options);
  return phone;
}

/** The engine account of a rig user. */
export function rigAccount(rig: Rig, user: RigUserName, overrides: Partial<AccountConfig> = {}): AccountConfig {
  return {
    server: rig.wsUrl,
    uri: rig.users[user].uri,
    authorizationUsername: user,
    password: rig.users[user].password,
    displayName: user,
    outboundProxy: '',
    dtmfMethod: 'rfc4733',
    iceServers: [],
    iceGatheringTimeoutMs: 500,
    maxLines: 2,
    declineCode: 486,
    defaultRegion: 'FR',
    ...overrides,
  };
}
