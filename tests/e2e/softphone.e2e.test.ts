// The softphone as a seller uses it: the real app in Chromium (web host), registered to the rig's
// Kamailio from a provisioning file, calling and called by sip.js harness phones.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig/chromium';
import { startHarnessServer, type HarnessServer, type Phone } from '../rig/harness-server';
import { startRig, type Rig } from '../rig/rig';
import type { CallRow } from '../../src/shared/domain/dialer';
import { rpcFromPage } from './support/leads-page';
import { phonePanel, registeredPeers, startPhoneApp } from './support/phone-app';
import type { WebHostProcess } from './support/web-host-process';

const APP_HZ = 440;
const PEER_HZ = 880;

let rig: Rig;
let harness: HarnessServer;
let appBrowser: Browser;
let peerBrowser: Browser;
let host: WebHostProcess;
let page: Page;
let bob: Phone;
let customer: Phone;

const panel = () => phonePanel(page).panel;
const callCard = () => phonePanel(page).callCard;
const status = () => phonePanel(page).status;

beforeAll(async () => {
  [rig, harness, appBrowser, peerBrowser] = await Promise.all([
    startRig(),
    startHarnessServer(),
    launchChromium({ toneHz: APP_HZ }),
    launchChromium({ toneHz: PEER_HZ }),
  ]);
  ({ host, page } = await startPhoneApp(rig, appBrowser));
  ({ bob, customer } = await registeredPeers(rig, peerBrowser, harness.url, ['bob', 'customer']));
});

afterAll(async () => {
  await Promise.allSettled([bob?.close(), customer?.close()]);
  await Promise.allSettled([appBrowser?.close(), peerBrowser?.close(), harness?.close(), host?.stop()]);
  await rig?.stop();
});

describe('softphone panel', () => {
  it('registers with the provisioned account and says so', async () => {
    await expect.poll(() => status().getAttribute('data-registration'), { timeout: 15_000 }).toBe('registered');
    expect(await status().textContent()).toContain('En ligne');
    // The phone panel is there on every page.
    await page.evaluate(() => (window.location.hash = '#/settings'));
    expect(await panel().getByRole('button', { name: 'Appeler' }).count()).toBe(1);
    await page.evaluate(() => (window.location.hash = '#/leads'));
  });

  it('calls from the number field, carries the seller’s voice, holds, resumes and hangs up', async () => {
    await panel().getByLabel('Numéro à appeler').fill('bob');
    await panel().getByRole('button', { name: 'Appeler' }).click();
    const bobId = await bob.waitForIncoming();
    await bob.answer(bobId);
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('active');

    // The app's microphone (440 Hz) reaches bob through rtpengine.
    const heard = await bob.measureTone(APP_HZ, { id: bobId });
    expect(heard.marginDb).toBeGreaterThan(20);

    await callCard().getByRole('button', { name: 'Mettre en attente' }).click();
    await expect.poll(() => callCard().getAttribute('data-state')).toBe('held');
    await callCard().getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => callCard().getAttribute('data-state')).toBe('active');

    await callCard().getByRole('button', { name: 'Raccrocher' }).click();
    await expect.poll(() => callCard().count()).toBe(0);
    await expect.poll(() => bob.state(bobId)).toBe('Terminated');

    // The call is in core's durable log: who hung up, the final status, and its quality.
    const calls = () => rpcFromPage<{ items: CallRow[] }>(page, host, 'calls.list', { direction: 'outbound' });
    await expect.poll(async () => (await calls()).items.length).toBe(1);
    const [row] = (await calls()).items;
    expect(row).toMatchObject({ direction: 'outbound', hangupSide: 'local', sipStatus: 200 });
    expect(row?.answeredAt).toBeDefined();
    expect(row?.quality?.mos).toBeGreaterThan(1);
  });

  it('shows the caller’s lead before answering, and keeps a missed call with that lead', async () => {
    await rpcFromPage(page, host, 'leads.create', {
      draft: {
        contact: {
          kind: 'individual',
          firstName: 'Élodie',
          lastName: 'Martin',
          phones: [{ e164: '+33478000001', raw: '04 78 00 00 01', type: 'home', preferred: true }],
        },
        vehicles: [],
        stage: 'contacted',
        tags: [],
        consents: [],
      },
    });
    const id = await customer.call(rig.users.alice.uri);
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('incoming');
    await expect.poll(() => callCard().textContent()).toContain('Élodie Martin');
    expect(await callCard().getByRole('button', { name: 'Répondre' }).count()).toBe(1);

    await customer.hangup(id); // the customer gives up before the seller answers
    await expect.poll(() => callCard().count()).toBe(0);
    const missed = panel().getByRole('region', { name: /appel manqué/ });
    await expect.poll(() => missed.textContent()).toContain('Élodie Martin');
    expect(await missed.getByRole('button', { name: 'Rappeler' }).count()).toBe(1);
  });

  it('answers an incoming call from the panel and hangs up from the far end', async () => {
    const id = await bob.call(rig.users.alice.uri);
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('incoming');
    await callCard().getByRole('button', { name: 'Répondre' }).click();
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('active');
    await bob.hangup(id);
    await expect.poll(() => callCard().count()).toBe(0);
  });
});
