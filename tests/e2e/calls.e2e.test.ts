// The call log and voicemail drop as a seller uses them: the real app in Chromium (web host),
// registered to the rig's Kamailio, calling sip.js harness phones through rtpengine.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, makeToneWav } from '../rig/chromium';
import { startHarnessServer, type HarnessServer, type Phone } from '../rig/harness-server';
import { startRig, type Rig } from '../rig/rig';
import { rpcFromPage } from './support/leads-page';
import { phonePanel, registeredPeers, startPhoneApp } from './support/phone-app';
import type { WebHostProcess } from './support/web-host-process';

const APP_HZ = 440;
const PEER_HZ = 880;
/** The voicemail message: a tone neither microphone plays, so hearing it proves the drop. */
const MESSAGE_HZ = 1320;

let rig: Rig;
let harness: HarnessServer;
let appBrowser: Browser;
let peerBrowser: Browser;
let host: WebHostProcess;
let page: Page;
let cspViolations: () => string[];
let bob: Phone;
let customer: Phone;
/** Élodie Martin, whose number is the customer phone's (created in the voicemail test). */
let leadId: string;

const panel = () => phonePanel(page).panel;
const callCard = () => phonePanel(page).callCard;
const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

beforeAll(async () => {
  [rig, harness, appBrowser, peerBrowser] = await Promise.all([
    startRig(),
    startHarnessServer(),
    launchChromium({ toneHz: APP_HZ }),
    launchChromium({ toneHz: PEER_HZ }),
  ]);
  ({ host, page, cspViolations } = await startPhoneApp(rig, appBrowser, { provisioning: { rules: 'FR' } }));
  ({ bob, customer } = await registeredPeers(rig, peerBrowser, harness.url, ['bob', 'customer']));
});

afterAll(async () => {
  await Promise.allSettled([bob?.close(), customer?.close()]);
  await Promise.allSettled([appBrowser?.close(), peerBrowser?.close(), harness?.close(), host?.stop()]);
  await rig?.stop();
});

/** Dials from the panel and answers on `peer`; returns the peer's session id of this new call. */
async function callAndAnswer(target: string, peer: Phone): Promise<string> {
  const before = (await peer.incoming()).length;
  await panel().getByLabel('Numéro à appeler').fill(target);
  await panel().getByRole('button', { name: 'Appeler' }).click();
  await expect.poll(async () => (await peer.incoming()).length, { timeout: 10_000 }).toBe(before + 1);
  const id = (await peer.incoming()).at(-1)!;
  await peer.answer(id);
  await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('active');
  return id;
}

describe('Calls screen', () => {
  it('registers with the provisioned account', async () => {
    await expect
      .poll(() => panel().locator('.phone-status').getAttribute('data-registration'), { timeout: 15_000 })
      .toBe('registered');
  });

  it('lists a call made through the rig with its status and quality, and takes a disposition', async () => {
    await callAndAnswer('bob', bob);
    // Quality is sampled every 2 s: wait until the card shows it, so the record carries a summary.
    await expect.poll(() => callCard().locator('.quality').count(), { timeout: 10_000 }).toBe(1);
    await callCard().getByRole('button', { name: 'Raccrocher' }).click();
    await expect.poll(() => callCard().count()).toBe(0);

    await go('#/calls');
    const table = page.locator('#calls-table');
    const row = table.locator('tbody tr.calls-row').first();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Sortant');
    expect(text).toContain('200 Décroché');
    expect(text).toContain('bob');
    const quality = row.getByRole('img');
    expect(await quality.getAttribute('aria-label')).toMatch(
      /^Qualité (bonne|moyenne|mauvaise) : MOS \d[,.]\d, perte [\d,.]+ %, gigue \d+ ms, aller-retour \d+ ms$/,
    );
    expect(await page.locator('.calls-count').textContent()).toBe('1 appel');

    await row.getByRole('button', { name: /^Qualifier l'appel avec bob/ }).click();
    const editor = page.getByRole('form', { name: "Issue et notes de l'appel" });
    await editor.getByLabel('Issue').selectOption({ label: 'Rendez-vous pris' });
    await editor.getByLabel('Notes').fill('Essai samedi 10 h');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => row.getAttribute('data-disposition'), { timeout: 10_000 }).toBe('appointment-set');
    expect(await row.textContent()).toContain('Rendez-vous pris');
    expect(await row.textContent()).toContain('Essai samedi 10 h');
    // Said, and the keyboard stays on the row's Qualifier button (not the page).
    const outcomeStatus = page.locator('.calls-outcome-status');
    await expect.poll(() => outcomeStatus.textContent()).toBe('Issue enregistrée.');
    const qualify = row.getByRole('button', { name: /^Qualifier l'appel avec bob/ });
    await expect.poll(() => qualify.evaluate((button) => button === document.activeElement)).toBe(true);

    // « Refus – ne plus appeler » asks first, « Annuler » focused: Enter out of habit saves nothing.
    await qualify.click();
    await editor.getByLabel('Issue').selectOption({ label: 'Refus – ne plus appeler' });
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    const question = page.getByRole('dialog', { name: 'Ne plus jamais appeler ce numéro ?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.textContent()).toContain('ne sera plus jamais appelé et son consentement est révoqué.');
    expect(await question.textContent()).not.toContain("n'a pas été décroché");
    await page.keyboard.press('Enter');
    await expect.poll(() => question.isVisible()).toBe(false);
    expect(await row.getAttribute('data-disposition')).toBe('appointment-set');
    // Confirmed, it is saved; given another disposition later, the seller is told it stays listed.
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await question.getByRole('button', { name: 'Ne plus appeler' }).click();
    await expect.poll(() => row.getAttribute('data-disposition'), { timeout: 10_000 }).toBe('refused');
    await qualify.click();
    await editor.getByLabel('Issue').selectOption({ label: 'Rendez-vous pris' });
    expect(await editor.textContent()).toContain("Le numéro reste sur la liste d'opposition de la concession");
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => row.getAttribute('data-disposition'), { timeout: 10_000 }).toBe('appointment-set');
    expect(await outcomeStatus.textContent()).toBe(
      "Issue enregistrée. Le numéro reste sur la liste d'opposition de la concession : changer l'issue ne l'en retire pas.",
    );

    // The filter on disposition keeps it; another one empties the list.
    await page.getByLabel('Issue', { exact: true }).selectOption({ label: 'Occupé' });
    await expect.poll(() => page.locator('.calls-count').textContent()).toBe('0 appel');
    await page.getByRole('button', { name: 'Effacer les filtres' }).first().click();
    await expect.poll(() => page.locator('.calls-count').textContent()).toBe('1 appel');
    // The button went away with the filters: the focus is on the first filter, not lost.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('calls-from');

    // Export: what the filters select, for French Excel.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, line] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(line![header!.indexOf('Issue')]).toBe('Rendez-vous pris');
    expect(line![header!.indexOf('Statut SIP')]).toBe('200');
    expect(line![header!.indexOf('MOS')]).toMatch(/^\d,\d+$|^\d$/);
    const exportButton = page.getByRole('button', { name: 'Exporter (CSV)' });
    await expect.poll(() => page.locator('.calls-export').textContent()).toContain('1 appel exporté.');
    expect(await exportButton.evaluate((button) => button === document.activeElement)).toBe(true);
    // The message spoke of that list: another filter, and it is gone.
    await page.getByLabel('Sens').selectOption({ label: 'Entrant' });
    await expect.poll(() => page.locator('.calls-export').textContent()).not.toContain('exporté');
  });
});

describe('voicemail drop', () => {
  it('imports a message in Settings, plays it into an answered call, hangs up and logs "voicemail left"', async () => {
    // A lead with consent for the customer's number (French rules: no drop without it).
    const lead = await rpcFromPage<{ id: string }>(page, host, 'leads.create', {
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
    leadId = lead.id;
    await rpcFromPage(page, host, 'leads.addConsent', {
      id: lead.id,
      consent: {
        number: '+33478000001',
        givenAt: new Date().toISOString(),
        channel: 'web-form',
        wording: 'J’accepte d’être recontactée par la concession.',
      },
    });

    await go('#/settings');
    const section = page.getByRole('region', { name: 'Messages de répondeur' });
    await section.getByLabel('Nom du message').fill('Relance essai');
    const wav = makeToneWav(MESSAGE_HZ, { seconds: 6 });
    await section.locator('input[data-voicemail-file]').setInputFiles(wav);
    await expect.poll(() => section.locator('.voicemail-draft').count(), { timeout: 10_000 }).toBe(1);
    await section.getByRole('button', { name: 'Enregistrer le message' }).click();
    const item = section.locator('.voicemail-item');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('Relance essai');
    expect(await item.textContent()).toContain('par défaut');
    const stored = await rpcFromPage<{ messages: { bytes: number; format: string }[] }>(
      page,
      host,
      'voicemail.list',
      {},
    );
    expect(stored.messages).toMatchObject([{ format: 'wav' }]);

    // The customer's phone is user 0478000001 on the rig: typed by hand, the call carries no lead
    // id, and core finds the lead (and its consent) by the number.
    const id = await callAndAnswer('0478000001@127.0.0.1', customer);
    const drop = callCard().getByRole('button', { name: 'Déposer le message' });
    await expect.poll(() => drop.isEnabled(), { timeout: 10_000 }).toBe(true);
    // Before: the customer hears the seller's microphone.
    expect((await customer.measureTone(APP_HZ, { id })).marginDb).toBeGreaterThan(20);

    await drop.click();
    await expect.poll(() => drop.getAttribute('data-drop-state')).toBe('playing');
    // During: the message replaces the microphone (measured again until the switch has crossed
    // the jitter buffer: an average over the switch hears both tones).
    const messageMargin = async () => {
      const heard = await customer.measureTone(MESSAGE_HZ, { id, frames: 5 });
      return Math.abs(heard.peakHz - MESSAGE_HZ) < 3 * heard.binHz ? heard.marginDb : 0;
    };
    await expect.poll(messageMargin, { timeout: 5_000 }).toBeGreaterThan(20);

    // After the message the app hangs up by itself.
    await expect.poll(() => customer.state(id), { timeout: 20_000 }).toBe('Terminated');

    await go('#/calls');
    const row = page.locator('#calls-table tbody tr.calls-row').first();
    await expect.poll(() => row.getAttribute('data-disposition'), { timeout: 10_000 }).toBe('voicemail-left');
    expect(await row.textContent()).toContain('Message laissé');
  });

  it('records a message from the microphone in Settings', async () => {
    await go('#/settings');
    const section = page.getByRole('region', { name: 'Messages de répondeur' });
    await section.getByLabel('Nom du message').fill('Au micro');
    await section.getByRole('button', { name: 'Enregistrer au micro' }).click();
    const stop = section.getByRole('button', { name: /^Arrêter l’enregistrement/ });
    await expect.poll(() => stop.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => stop.textContent(), { timeout: 10_000 }).toContain('0:02');
    await stop.click();
    await expect.poll(() => section.locator('.voicemail-draft').count(), { timeout: 10_000 }).toBe(1);
    expect(await section.locator('.voicemail-draft').textContent()).toMatch(/Enregistrement prêt : WEBM, \d+:\d\d/);
    await section.getByRole('button', { name: 'Enregistrer le message' }).click();
    await expect.poll(() => section.locator('.voicemail-item').count(), { timeout: 10_000 }).toBe(2);
    const stored = await rpcFromPage<{
      messages: { name: string; format: string; source: string }[];
      defaultId: string;
    }>(page, host, 'voicemail.list', {});
    expect(stored.messages.map((m) => [m.name, m.format, m.source])).toEqual([
      ['Relance essai', 'wav', 'imported'],
      ['Au micro', 'webm', 'recorded'],
    ]);
  });

  it('keeps the button disabled, with the reason, for a number without consent', async () => {
    const id = await callAndAnswer('bob', bob);
    const drop = callCard().getByRole('button', { name: 'Déposer le message' });
    await expect
      .poll(() => callCard().locator('.voicemail-drop-reason').textContent(), { timeout: 10_000 })
      .toBe("Message vocal interdit sans le consentement de l'appelé.");
    expect(await drop.isDisabled()).toBe(true);
    await callCard().getByRole('button', { name: 'Raccrocher' }).click();
    await expect.poll(() => callCard().count()).toBe(0);
    await expect.poll(() => bob.state(id)).toBe('Terminated');
  });
});

describe('a lead’s calls', () => {
  it('shows on the lead’s timeline, and links to the call log narrowed to that lead', async () => {
    // The customer calls in: the caller ID matches Élodie Martin, so the record carries her lead id.
    const id = await customer.call(rig.users.alice.uri);
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('incoming');
    await callCard().getByRole('button', { name: 'Répondre' }).click();
    await expect.poll(() => callCard().getAttribute('data-state'), { timeout: 10_000 }).toBe('active');
    await customer.hangup(id);
    await expect.poll(() => callCard().count()).toBe(0);

    await go(`#/leads/${leadId}`);
    const entry = page.locator('.timeline .timeline-call');
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1);
    expect(await entry.textContent()).toContain('Appel entrant · conversation de');

    await page.getByRole('link', { name: 'Voir ces appels dans le journal des appels' }).click();
    await expect
      .poll(() => page.locator('.calls-lead-filter').textContent(), { timeout: 10_000 })
      .toContain('Appels de Élodie Martin');
    expect(await page.locator('.calls-count').textContent()).toBe('1 appel');
    expect(await page.locator('#calls-table tbody tr.calls-row').textContent()).toContain('Entrant');
    // Recording, playback (blob: media) and the tables stayed within the Content-Security-Policy.
    expect(cspViolations()).toEqual([]);
  });
});
