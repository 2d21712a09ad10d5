// The app in Chromium through a web host whose SIP account is provisioned for a rig user:
// what every end-to-end test of the phone, the dialer and the call log starts from.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Rig, RigUserName } from '../../rig/rig';
import { openApp } from './leads-page';
import { startWebHostProcess, type WebHostProcess } from './web-host-process';

export interface PhoneApp {
  host: WebHostProcess;
  page: Page;
}

export async function startPhoneApp(
  rig: Rig,
  browser: Browser,
  options: { user?: RigUserName; provisioning?: Record<string, unknown> } = {},
): Promise<PhoneApp> {
  const user = rig.users[options.user ?? 'alice'];
  const dir = await mkdtemp(join(tmpdir(), 'relance-phone-app-'));
  const provision = join(dir, 'provisioning.json');
  await writeFile(
    provision,
    JSON.stringify({
      sip: { server: rig.wsUrl, uri: user.uri, password: user.password, displayName: user.user },
      ice: { servers: [], gatheringTimeoutMs: 300 },
      ...options.provisioning,
    }),
  );
  const host = await startWebHostProcess({ provision });
  const { page } = await openApp(browser, host);
  return { host, page };
}

/** The always-on phone panel and its parts, by role as a seller's screen reader finds them. */
export function phonePanel(page: Page) {
  const panel = page.getByRole('complementary', { name: 'Téléphone' });
  return {
    panel,
    status: panel.locator('.phone-status'),
    callCard: panel.locator('.call-card'),
  };
}
