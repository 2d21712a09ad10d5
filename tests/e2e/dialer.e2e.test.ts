// The Dialer screen as a seller works it: the real app in Chromium (web host) registered to the
// rig's Kamailio, a callback list made from a lead filter, a preview session that calls a lead
// whose number a harness phone answers, the wrap-up from the keyboard, and a lead the calling
// rules forbid right now, skipped with its reason on the list.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig/chromium';
import { openPhone, startHarnessServer, type HarnessServer, type Phone } from '../rig/harness-server';
import { LEAD_PASSWORD, startRig, type Rig } from '../rig/rig';
import { numbersOf, placeAt } from './support/callee-places';
import { rpcFromPage } from './support/leads-page';
import { phonePanel, startPhoneApp } from './support/phone-app';
import type { WebHostProcess } from './support/web-host-process';

/**
 * A callee zone well inside the US preset's calling hours (08:00-21:00, any day) and one well
 * outside, whatever the hour the test runs (support/callee-places.ts). The US preset needs no
 * consent and checks the national do-not-call list only for US numbers, so the hour alone decides.
 */
function choosePlaces(at: Date) {
  const place = (range: { from: number; to: number; target: number }) => {
    const found = placeAt(at, range);
    return { zone: found.zone, numbers: numbersOf(found, 2, 51) as [string, string] };
  };
  return {
    callable: place({ from: 9 * 60, to: 19 * 60, target: 14 * 60 }),
    forbidden: place({ from: 22 * 60 + 1, to: 7 * 60 - 1, target: 3 * 60 }),
  };
}

let rig: Rig;
let harness: HarnessServer;
let appBrowser: Browser;
let peerBrowser: Browser;
let host: WebHostProcess;
let page: Page;
let lead: Phone;
const ids: Record<'elodie' | 'bruno' | 'chloe' | 'sold' | 'other', string> = {
  elodie: '',
  bruno: '',
  chloe: '',
  sold: '',
  other: '',
};
const { callable, forbidden } = choosePlaces(new Date());

const panel = () => phonePanel(page).panel;
const session = () => page.getByRole('region', { name: "Session d'appels" });
const sessionStatus = () => session().getByRole('status');
const wrapUp = () => page.getByRole('form', { name: "Issue de l'appel" });

async function createLead(draft: {
  firstName: string;
  lastName: string;
  number: string;
  stage: 'new' | 'contacted' | 'appointment' | 'sold';
  tags: string[];
  vehicles?: { interest: 'buy'; make: string; model: string; year?: number }[];
  notes?: string[];
}): Promise<string> {
  const created = await rpcFromPage<{ id: string }>(page, host, 'leads.create', {
    draft: {
      contact: {
        kind: 'individual',
        firstName: draft.firstName,
        lastName: draft.lastName,
        phones: [{ e164: draft.number, raw: draft.number, type: 'mobile', preferred: true }],
      },
      vehicles: draft.vehicles ?? [],
      stage: draft.stage,
      tags: draft.tags,
      consents: [],
      ...(draft.notes ? { notes: draft.notes } : {}),
    },
  });
  return created.id;
}

beforeAll(async () => {
  [rig, harness, appBrowser, peerBrowser] = await Promise.all([
    startRig(),
    startHarnessServer(),
    launchChromium({ toneHz: 440 }),
    launchChromium({ toneHz: 880 }),
  ]);
  ({ host, page } = await startPhoneApp(rig, appBrowser, {
    provisioning: {
      rules: 'US',
      // A long preview: the test clicks "Call now" rather than racing the countdown.
      dialer: { previewSeconds: 120, ringTimeoutSeconds: 30, wrapUpSeconds: 0 },
    },
  }));

  // The lead's phone: a harness phone registered under the lead's E.164 number, so the dialer's
  // INVITE to sip:<number>@rig reaches it (the rig takes any E.164 user with LEAD_PASSWORD).
  lead = await openPhone(peerBrowser, harness.url);
  const registered = await lead.register(rig.wsUrl, callable.numbers[0], LEAD_PASSWORD);
  expect(registered, 'the rig must let a phone register under a lead’s E.164 number').toMatchObject({ ok: true });

  ids.elodie = await createLead({
    firstName: 'Élodie',
    lastName: 'Martin',
    number: callable.numbers[0],
    stage: 'appointment',
    tags: ['e2e-dialer'],
    vehicles: [{ interest: 'buy', make: 'Peugeot', model: '3008', year: 2024 }],
    notes: ['Veut essayer le 3008 samedi'],
  });
  ids.bruno = await createLead({
    firstName: 'Bruno',
    lastName: 'Petit',
    number: forbidden.numbers[0],
    stage: 'contacted',
    tags: ['e2e-dialer'],
  });
  ids.chloe = await createLead({
    firstName: 'Chloé',
    lastName: 'Bernard',
    number: callable.numbers[1],
    stage: 'new',
    tags: ['e2e-dialer'],
  });
  // Bought already: a list leaves sold leads out unless the seller asks for them.
  ids.sold = await createLead({
    firstName: 'Vendu',
    lastName: 'Déjà',
    number: callable.numbers[1].replace(/2$/, '8'),
    stage: 'sold',
    tags: ['e2e-dialer'],
  });
  // Not in the filter: the list must not take it.
  ids.other = await createLead({
    firstName: 'Hors',
    lastName: 'Liste',
    number: callable.numbers[1].replace(/2$/, '9'),
    stage: 'appointment',
    tags: [],
  });
});

afterAll(async () => {
  await Promise.allSettled([lead?.close()]);
  await Promise.allSettled([appBrowser?.close(), peerBrowser?.close(), harness?.close(), host?.stop()]);
  await rig?.stop();
});

describe('dialer screen', () => {
  it('makes a callback list from a lead filter, showing how many leads it takes first', async () => {
    await expect
      .poll(() => panel().locator('.phone-status').getAttribute('data-registration'), { timeout: 15_000 })
      .toBe('registered');
    await page.evaluate(() => (window.location.hash = '#/dialer'));
    await page.getByRole('button', { name: 'Nouvelle liste' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle liste de rappels' });
    await form.getByLabel('Étiquette').selectOption('e2e-dialer');
    await expect.poll(() => form.locator('.dialer-count').textContent()).toBe('3 prospects correspondent.');
    const includeClosed = form.getByLabel('Inclure les prospects vendus ou perdus');
    await includeClosed.check();
    await expect.poll(() => form.locator('.dialer-count').textContent()).toBe('4 prospects correspondent.');
    await includeClosed.uncheck();
    await expect.poll(() => form.locator('.dialer-count').textContent()).toBe('3 prospects correspondent.');
    await form.getByLabel('Nom de la liste').fill('Rappels e2e');
    await form.getByRole('button', { name: 'Créer la liste' }).click();

    const row = page.getByRole('table', { name: 'Listes de rappels et leur avancement' }).getByRole('row', {
      name: /Rappels e2e/,
    });
    await expect.poll(() => row.textContent()).toContain('À appeler : 3 · faits : 0 · ignorés : 0');
    expect(await row.textContent()).toContain('Filtre enregistré');
  });

  it('runs a preview session: call now, the lead answers, wrap-up from the keyboard, next lead, stop', async () => {
    const start = page.getByRole('region', { name: 'Démarrer une session' });
    await start.getByLabel('Liste à appeler').selectOption({ label: 'Rappels e2e' });
    expect(await start.getByRole('radio', { name: /Aperçu/ }).isChecked()).toBe(true);
    await start.getByRole('button', { name: 'Démarrer la session' }).click();

    // Appointment first (priority), with her card and the preview countdown.
    await expect.poll(() => sessionStatus().textContent(), { timeout: 10_000 }).toBe('Prêt à appeler Élodie Martin.');
    expect(await session().getByRole('timer').textContent()).toMatch(/^Appel dans \d+ s$/);
    const card = session().getByRole('region', { name: 'Élodie Martin' });
    await expect.poll(() => card.textContent()).toContain('Peugeot 3008 2024');
    expect(await card.textContent()).toContain('Veut essayer le 3008 samedi');
    expect(await card.textContent()).toContain('Aucun pour ce numéro');

    await session().getByRole('button', { name: 'Appeler maintenant' }).click();
    const incoming = await lead.waitForIncoming(15_000);
    await expect.poll(() => sessionStatus().textContent()).toMatch(/^(Appel de|Ça sonne chez) Élodie Martin…$/);
    await lead.answer(incoming);
    await expect.poll(() => sessionStatus().textContent(), { timeout: 10_000 }).toBe('En ligne avec Élodie Martin.');

    await panel().getByRole('button', { name: 'Raccrocher' }).click();
    await expect
      .poll(() => sessionStatus().textContent(), { timeout: 10_000 })
      .toBe("Appel terminé avec Élodie Martin : choisissez l'issue.");
    // The wrap-up form has focus: digits pick, Enter saves, without the mouse.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('dialer-wrap-up');
    // The next lead is chosen during the wrap-up; the one the rules forbid now is passed over.
    const next = session().getByRole('region', { name: 'Chloé Bernard' });
    await expect.poll(() => next.textContent(), { timeout: 10_000 }).toContain('Prospect suivant');

    // Key 6 is « Refus – ne plus appeler »: Enter asks first, and Enter again lands on « Annuler ».
    await page.keyboard.press('6');
    expect(
      await wrapUp()
        .getByRole('radio', { name: /^Refus – ne plus appeler/ })
        .isChecked(),
    ).toBe(true);
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: 'Ne plus jamais appeler ce numéro ?' });
    await expect.poll(() => question.isVisible()).toBe(true);
    expect(await question.textContent()).toContain('(Élodie Martin) ne sera plus jamais appelé');
    await page.keyboard.press('Enter');
    await expect.poll(() => question.isVisible()).toBe(false);
    expect(await sessionStatus().textContent()).toBe("Appel terminé avec Élodie Martin : choisissez l'issue.");

    await page.keyboard.press('2');
    expect(await wrapUp().getByRole('radio', { name: 'Rendez-vous pris' }).isChecked()).toBe(true);
    await wrapUp().getByLabel('Note').fill('Essai samedi 10 h');
    await wrapUp().getByLabel('Note').press('Control+Enter');

    await expect.poll(() => sessionStatus().textContent(), { timeout: 10_000 }).toBe('Prêt à appeler Chloé Bernard.');
    await expect.poll(() => session().textContent()).toContain('Dernier appel : Élodie Martin, Rendez-vous pris.');
    const stat = (name: string) => session().locator(`[data-stat="${name}"] dd`).textContent();
    expect(await stat('dialed')).toBe('1');
    expect(await stat('connected')).toBe('1');
    expect(await stat('appointments')).toBe('1');
    expect((await stat('contactRate'))?.replace(/\s/g, ' ')).toBe('100 %');

    await session().getByRole('button', { name: 'Arrêter' }).click();
    await expect.poll(() => sessionStatus().textContent()).toBe('Session arrêtée.');

    const calls = await rpcFromPage<{ items: { disposition?: string; notes?: string; dialerSessionId?: string }[] }>(
      page,
      host,
      'calls.list',
      { leadId: ids.elodie },
    );
    expect(calls.items).toHaveLength(1);
    expect(calls.items[0]).toMatchObject({ disposition: 'appointment-set', notes: 'Essai samedi 10 h' });
    expect(calls.items[0]!.dialerSessionId).toBeTruthy();
  });

  it('shows each lead of the list with its state, and why the rules skipped one', async () => {
    await page.getByRole('button', { name: 'Voir les prospects de la liste Rappels e2e' }).click();
    const entries = page.getByRole('table', { name: 'Prospects de la liste, dans leur ordre d’appel' });
    const row = (id: string) => entries.locator(`tr[data-lead-id="${id}"]`);
    await expect.poll(() => row(ids.elodie).getAttribute('data-status')).toBe('done');
    expect(await row(ids.elodie).textContent()).toContain('Rendez-vous pris');
    // Stopping gave the previewed lead back to the list.
    await expect.poll(() => row(ids.chloe).getAttribute('data-status')).toBe('to-call');
    expect(await row(ids.bruno).getAttribute('data-status')).toBe('skipped');
    const why = await row(ids.bruno).locator('.dialer-why').textContent();
    expect(why).toContain("Hors des heures d'appel : il est");
    expect(why).toContain(`(${forbidden.zone})`);
    expect(why).toContain('Prochain créneau légal :');
    expect(await entries.locator(`tr[data-lead-id="${ids.other}"]`).count()).toBe(0);

    const progress = page.getByRole('table', { name: 'Listes de rappels et leur avancement' }).getByRole('row', {
      name: /Rappels e2e/,
    });
    await expect.poll(() => progress.textContent()).toContain('À appeler : 1 · faits : 1 · ignorés : 1');
  });

  it('pauses at once, for the phone and saying why, a preview the phone cannot call, and still says so after a reload', async () => {
    await rpcFromPage(page, host, 'settings.clearSipPassword', {});
    const start = page.getByRole('region', { name: 'Démarrer une session' });
    await start.getByLabel('Liste à appeler').selectOption({ label: 'Rappels e2e' });
    await start.getByRole('button', { name: 'Démarrer la session' }).click();

    const pausedForPhone = 'Session en pause : le téléphone ne peut pas appeler.';
    // The cause is in the settings: the line says so as a sentence and links there.
    const why =
      'Problème : indiquez votre mot de passe SIP dans les réglages, puis reprenez la session. Ouvrir les réglages';
    await expect.poll(() => sessionStatus().textContent(), { timeout: 10_000 }).toBe(pausedForPhone);
    expect(await session().getByRole('alert').textContent()).toBe(why);
    expect(
      await session().getByRole('alert').getByRole('link', { name: 'Ouvrir les réglages' }).getAttribute('href'),
    ).toBe('#/settings');
    // Core keeps it as the phone's pause, so a reload (or another window) tells the same.
    expect(await rpcFromPage(page, host, 'dialer.state', {})).toMatchObject({ state: 'paused', pauseReason: 'phone' });
    await page.reload();
    await expect.poll(() => sessionStatus().textContent(), { timeout: 10_000 }).toBe(pausedForPhone);
    await expect.poll(() => session().getByRole('alert').textContent()).toBe(why);
    // The lead waiting for the resume leads the panel (it sat beside an empty column).
    const waiting = session().getByRole('region', { name: 'Chloé Bernard' });
    const [card, panelBox] = await Promise.all([waiting.boundingBox(), session().boundingBox()]);
    expect(card!.x - panelBox!.x).toBeLessThan(40);

    await session().getByRole('button', { name: 'Arrêter' }).click();
    await expect.poll(() => sessionStatus().textContent()).toBe('Session arrêtée.');
  });
});
