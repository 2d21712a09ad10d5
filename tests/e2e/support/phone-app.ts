// The app in Chromium through a web host whose SIP account is provisioned for a rig user:
// what every end-to-end test of the phone, the dialer and the call log starts from.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openPhone, type Phone } from '../../rig/harness-server';
import type { Rig, RigUserName } from '../../rig/rig';
import { openApp } from './leads-page';
import { startWebHostProcess, type WebHostProcess } from './web-host-process';

export interface PhoneApp {
  host: WebHostProcess;
  page: Page;
  cspViolations: () => string[];
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
  const { page, cspViolations } = await openApp(browser, host);
  return { host, page, cspViolations };
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

/** Harness phones (sip.js pages) registered as the given rig users, to call and be called by the app. */
export async function registeredPeers<N extends RigUserName>(
  rig: Rig,
  browser: Browser,
  harnessUrl: string,
  names: readonly N[],
): Promise<Record<N, Phone>> {
  const phones = await Promise.all(names.map(() => openPhone(browser, harnessUrl)));
  const results = await Promise.all(
    names.map((name, i) => phones[i]!.register(rig.wsUrl, rig.users[name].user, rig.users[name].password)),
  );
  const failed = names.filter((_, i) => !results[i]!.ok);
  if (failed.length > 0) throw new Error(`peers did not register: ${failed.join(', ')}`);
  return Object.fromEntries(names.map((name, i) => [name, phones[i]!])) as Record<N, Phone>;
}
