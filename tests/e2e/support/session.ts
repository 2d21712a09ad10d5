// One Chromium per test file, and every web host a test starts stopped after the file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../rig/chromium';
import { startWebHostProcess, type WebHostProcess } from './web-host-process';

export interface E2eSession {
  readonly browser: Browser;
  start(opts?: Parameters<typeof startWebHostProcess>[0]): Promise<WebHostProcess>;
}

export function useE2eSession(): E2eSession {
  let browser: Browser | undefined;
  const hosts: WebHostProcess[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(hosts.map((host) => host.stop()));
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async start(opts = {}) {
      const host = await startWebHostProcess(opts);
      hosts.push(host);
      return host;
    },
  };
}
