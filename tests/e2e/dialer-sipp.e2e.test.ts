// The auto-dialer against real lead phones: the app in Chromium (web host) registered to the rig's
// Kamailio, lead numbers registered to sipp UASs that answer, are busy or never answer, and
// numbers nobody registered (Kamailio: 404). A power session over a callback list, the calling
// rules of the French preset keeping forbidden leads off the wire (also at chosen instants: the
// web host's clock set by libfaketime), and a voicemail drop whose audio is counted at the
// answering peer's media address.
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/renderer/phone/call-format';
import { parsePhone } from '../../src/shared/phone';
import { launchChromium, makeToneWav } from '../rig/chromium';
import { startRig, type Rig } from '../rig/rig';
import { startLeadPeers, tonePackets, type LeadBehaviour, type LeadPeers } from '../rig/sipp-dialer';
import {
  callRows,
  createCallbackList,
  createLeads,
  dialerScreen,
  dialerView,
  fakeClockEnv,
  journalRecords,
  listEntries,
  numbersOf,
  placeAt,
  places,
  pollUntil,
  seedPastCall,
  startDialerApp,
  startPowerSession,
  workPowerSession,
  writeProvisioning,
} from './support/dialer-session';
import { rpcFromPage } from './support/leads-page';
import { phonePanel, startPhoneApp } from './support/phone-app';
import type { WebHostProcess } from './support/web-host-process';

/** The app's microphone (Chromium's fake capture) and the voicemail message: tones told apart at the peer. */
const MIC_HZ = 440;
const MESSAGE_HZ = 1320;
const MESSAGE_SECONDS = 3;

/**
 * The power session runs under the US preset: 08:00-21:00 at the callee's, any day, no consent
 * needed, and the national do-not-call list checked for US numbers only. Its numbers are taken in
 * a zone where it is now between 09:00 and 19:00 (closest to 14:00), so every call is legal
 * whatever hour and day the test runs; none is a US number.
 */
const callable = placeAt(new Date(), { from: 9 * 60, to: 19 * 60, target: 14 * 60 });

/** The lead phones of the session (a lost 487 is the engine test's case). */
type SessionBehaviour = Exclude<LeadBehaviour, 'lost-487'>;
const behaviours: readonly SessionBehaviour[] = ['answer', 'busy', 'no-answer', 'unknown'];
const lastNames: Record<SessionBehaviour, string> = {
  answer: 'Décroche',
  busy: 'Occupé',
  'no-answer': 'Absent',
  unknown: 'Inconnu',
};
const firstNames = ['Anne', 'Bruno', 'Chloé'];
/** 12 leads, the four behaviours in turn (calling order follows creation), three of each. */
const sessionNumbers = numbersOf(callable, 12, 10);
const sessionLeads = sessionNumbers.map((number, i) => {
  const behaviour = behaviours[i % 4]!;
  const firstName = firstNames[Math.floor(i / 4)]!;
  return { number, behaviour, firstName, lastName: lastNames[behaviour], name: `${firstName} ${lastNames[behaviour]}` };
});
/** The seller's disposition of each answered lead, by name. */
const sellerDisposition: Record<string, { label: string; id: string }> = {
  'Anne Décroche': { label: 'Répondu', id: 'answered' },
  'Bruno Décroche': { label: 'Rendez-vous pris', id: 'appointment-set' },
  'Chloé Décroche': { label: 'Rappel demandé', id: 'callback-requested' },
};
const expected: Record<Exclude<SessionBehaviour, 'answer'>, { sipStatus: number; disposition: string }> = {
  busy: { sipStatus: 486, disposition: 'busy' },
  'no-answer': { sipStatus: 487, disposition: 'no-answer' },
  unknown: { sipStatus: 404, disposition: 'invalid-number' },
};
/** Retry rules of the default disposition set (src/shared/domain/disposition.ts). */
const retryMinutes: Record<string, number> = { busy: 10, 'no-answer': 120 };

// Each group of numbers has its own range: `callable` is Paris at some hours of the day, and the
// voicemail number must not then be one of the forbidden Paris numbers below (40-42).
const [voicemailNumber] = numbersOf(callable, 1, 60);

/**
 * The French preset's cases run on web hosts whose clock (core's, by libfaketime) is set to a
 * chosen instant, so the hour and the day at the callee's are known whenever the test runs.
 * 2026-11-24 is a Tuesday, 2026-11-28 a Saturday (no holiday near either).
 */
const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' });
/** Inside the French hours in Paris; 01:00 the next day in Nouméa (UTC+11). */
const frenchWeekday = paris('2026-11-24T15:00');
const parisPlace = places.find((p) => p.zone === 'Europe/Paris')!;
const noumea = places.find((p) => p.zone === 'Pacific/Noumea')!;
const [noConsentNumber, fifthAttemptNumber, refusedNumber] = numbersOf(parisPlace, 3, 40);
const [afterHoursNumber] = numbersOf(noumea, 1, 50);

/**
 * Instants (Paris) at which the French preset forbids a call to a French mobile whose owner
 * consented: the reason and the next legal slot are known exactly.
 */
const frenchHours = [
  {
    what: 'on a Saturday afternoon',
    at: '2026-11-28T14:00',
    number: '+33612345601',
    code: 'weekend',
    nextLegal: '2026-11-30T10:00',
    text: /Week-end chez l'appelé \(.*Europe\/Paris\)\./,
  },
  {
    what: 'at 13:30 on a weekday',
    at: '2026-11-24T13:30',
    number: '+33612345602',
    code: 'outside-window',
    nextLegal: '2026-11-24T14:00',
    text: /Hors des heures d'appel : il est 13:3\d chez l'appelé \(Europe\/Paris\)/,
  },
  {
    what: 'at 21:00 on a weekday',
    at: '2026-11-24T21:00',
    number: '+33612345603',
    code: 'outside-window',
    nextLegal: '2026-11-25T10:00',
    text: /Hors des heures d'appel : il est 21:0\d chez l'appelé \(Europe\/Paris\)/,
  },
] as const;

let rig: Rig;
let browser: Browser;
let host: WebHostProcess;
let page: Page;
let peers: LeadPeers;

const screen = () => dialerScreen(page);
const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const view = () => dialerView(page, host);

beforeAll(async () => {
  [rig, browser] = await Promise.all([startRig(), launchChromium({ toneHz: MIC_HZ })]);
  peers = await startLeadPeers(rig);
  ({ host, page } = await startPhoneApp(rig, browser, {
    provisioning: {
      rules: 'US',
      // The smallest ring timeout the settings allow, and no pause between calls.
      dialer: { previewSeconds: 0, ringTimeoutSeconds: 5, wrapUpSeconds: 0 },
    },
  }));
  await peers.register({
    ...Object.fromEntries(sessionLeads.map((l) => [l.number, l.behaviour])),
    [voicemailNumber!]: 'answer',
    [noConsentNumber!]: 'answer',
    [fifthAttemptNumber!]: 'answer',
    [refusedNumber!]: 'answer',
    [afterHoursNumber!]: 'answer',
    ...Object.fromEntries(frenchHours.map((c) => [c.number, 'answer' as const])),
  });
  await pollUntil(
    async () => (await phonePanel(page).status.getAttribute('data-registration')) === 'registered',
    'the app registered at Kamailio',
  );
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), host?.stop(), peers?.stop()]);
  await rig?.stop();
});

describe('power session over sipp lead phones', () => {
  it('dials each lead once, sets busy / no answer / invalid number from SIP, waits for the seller on answered calls', async () => {
    const ids = await createLeads(page, host, sessionLeads);
    const leadOf = new Map(sessionLeads.map((l, i) => [ids[i]!, l]));
    const listId = await createCallbackList(page, host, 'Relances sipp', ids);
    const sessionId = await startPowerSession(page, host, 'Relances sipp');

    // While an answered call waits for its disposition, the next lead is chosen but not dialled.
    const waits: { name: string; invitesBefore: number; invitesAfter: number; state: string; next?: string }[] = [];
    const worked = await workPowerSession(page, host, sessionId, {
      dispositionFor: (name) => sellerDisposition[name]!.label,
      onWrapUp: async (name) => {
        const invitesBefore = sum(peers.invites());
        let now = await view();
        await pollUntil(async () => {
          now = await view();
          // The list's last call has no next lead.
          return now.next !== undefined || (await callRows(page, host, { dialerSessionId: sessionId })).length === 12;
        }, `the lead after ${name}`);
        waits.push({
          name,
          invitesBefore,
          invitesAfter: sum(peers.invites()),
          state: `${now.state}/${now.disposition}`,
          ...(now.next ? { next: now.next.name } : {}),
        });
        return 'save';
      },
    });
    expect(worked.map((w) => w.name).sort()).toEqual(Object.keys(sellerDisposition).sort());
    expect(waits).toHaveLength(3);
    for (const wait of waits) {
      expect(wait.state, wait.name).toBe('wrap-up/needed');
      expect(wait.invitesAfter, `no INVITE left while ${wait.name}'s call waited`).toBe(wait.invitesBefore);
    }
    expect(waits.filter((w) => w.next !== undefined).length).toBeGreaterThanOrEqual(2);

    expect(await view()).toMatchObject({ sessionId, state: 'stopped', stopReason: 'list-done' });
    const rows = await callRows(page, host, { dialerSessionId: sessionId });
    const checkedAt = Date.now();

    // Every call with the right outcome: automatic from SIP where it is certain, else the seller's.
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.number).sort()).toEqual([...sessionNumbers].sort());
    for (const row of rows) {
      const lead = leadOf.get(row.leadId!)!;
      expect(row.number, lead.name).toBe(lead.number);
      if (lead.behaviour === 'answer') {
        expect(row, lead.name).toMatchObject({
          sipStatus: 200,
          disposition: sellerDisposition[lead.name]!.id,
          dispositionBy: 'seller',
          hangupSide: 'local',
        });
        expect(row.answeredAt, lead.name).toBeTruthy();
      } else {
        expect(row, lead.name).toMatchObject({ ...expected[lead.behaviour], dispositionBy: 'sip' });
        expect(row.answeredAt, lead.name).toBeUndefined();
      }
    }

    // Retries as the disposition set says: busy in 10 min, no answer in 2 h (counted from the
    // saved outcome, after the call's end); invalid numbers and conversations are done, but a
    // callback the seller set replaces the retry rule.
    const entries = await listEntries(page, host, listId);
    expect(entries).toHaveLength(12);
    const rowOf = new Map(rows.map((r) => [r.leadId!, r]));
    for (const entry of entries) {
      const lead = leadOf.get(entry.leadId)!;
      const row = rowOf.get(entry.leadId)!;
      expect(entry.attempts, lead.name).toBe(1);
      expect(entry.lastOutcome, lead.name).toBe(row.disposition);
      const minutes = retryMinutes[row.disposition!];
      if (minutes !== undefined) {
        expect(entry.status, lead.name).toBe('to-call');
        const retryFrom = Date.parse(entry.nextEligibleAt!) - minutes * 60_000;
        expect(retryFrom, lead.name).toBeGreaterThanOrEqual(Date.parse(row.endedAt!) - 1_000);
        expect(retryFrom, lead.name).toBeLessThanOrEqual(checkedAt);
      } else if (row.disposition === 'callback-requested') {
        const full = await rpcFromPage<{ callbacks: { dueAt: string; status: string }[] }>(page, host, 'leads.get', {
          id: entry.leadId,
        });
        const pending = full.callbacks.filter((c) => c.status === 'pending');
        expect(pending).toHaveLength(1);
        expect(entry.status).toBe('to-call');
        expect(Date.parse(entry.nextEligibleAt!)).toBe(Date.parse(pending[0]!.dueAt));
        expect(Date.parse(entry.nextEligibleAt!)).toBeGreaterThan(checkedAt);
      } else {
        expect(entry.status, lead.name).toBe('done');
        expect(entry.nextEligibleAt, lead.name).toBeUndefined();
      }
    }

    // The session's counters on screen are the call log's.
    const answered = rows.filter((r) => r.answeredAt);
    const talkMs = answered.reduce((t, r) => t + Date.parse(r.endedAt!) - Date.parse(r.answeredAt!), 0);
    expect(await screen().stat('dialed')).toBe(String(rows.length));
    expect(await screen().stat('connected')).toBe(String(answered.length));
    expect(await screen().stat('appointments')).toBe(
      String(rows.filter((r) => r.disposition === 'appointment-set').length),
    );
    expect((await screen().stat('contactRate'))?.replace(/\s/g, ' ')).toBe(
      `${Math.round((100 * answered.length) / rows.length)} %`,
    );
    expect(await screen().stat('talkTime')).toBe(formatDuration(talkMs));
    expect(answered).toHaveLength(3);

    // One journal record per call, one call per number; sipp saw one INVITE per number it serves.
    const journal = (await journalRecords(host.dataDir)).filter((r) => r.dialerSessionId === sessionId);
    expect(journal).toHaveLength(12);
    expect(new Set(journal.map((r) => r.id)).size).toBe(12);
    expect(journal.map((r) => r.number).sort()).toEqual([...sessionNumbers].sort());
    const invites = peers.invites();
    for (const lead of sessionLeads)
      expect(invites.get(lead.number) ?? 0, `${lead.name} (${lead.behaviour})`).toBe(
        lead.behaviour === 'unknown' ? 0 : 1,
      );
    expect(sum(invites), peers.logTail()).toBe(9);
  }, 150_000);
});

describe('voicemail drop into a dialer call', () => {
  it('plays the imported message to the peer for its length, hangs up and logs "voicemail left"', async () => {
    await page.evaluate(() => (window.location.hash = '#/settings'));
    const section = page.getByRole('region', { name: 'Messages de répondeur' });
    await section.getByLabel('Nom du message').fill('Relance 3 s');
    await section
      .locator('input[data-voicemail-file]')
      .setInputFiles(makeToneWav(MESSAGE_HZ, { seconds: MESSAGE_SECONDS }));
    await expect.poll(() => section.locator('.voicemail-draft').count(), { timeout: 10_000 }).toBe(1);
    await section.getByRole('button', { name: 'Enregistrer le message' }).click();
    await expect.poll(() => section.locator('.voicemail-item').count(), { timeout: 10_000 }).toBe(1);

    // The US preset allows a recorded message only with the callee's consent.
    const [leadId] = await createLeads(page, host, [
      { firstName: 'Véra', lastName: 'Répondeur', number: voicemailNumber!, consent: true },
    ]);
    await createCallbackList(page, host, 'Répondeurs', [leadId!]);
    peers.rtp.clear();
    const sessionId = await startPowerSession(page, host, 'Répondeurs');

    let micPackets = 0;
    await workPowerSession(page, host, sessionId, {
      dispositionFor: () => {
        throw new Error('the voicemail drop saves the disposition itself');
      },
      onConnected: async () => {
        const drop = phonePanel(page).callCard.getByRole('button', { name: 'Déposer le message' });
        await expect.poll(() => drop.isEnabled(), { timeout: 10_000 }).toBe(true);
        // The answering peer hears the seller's microphone first: the media path and the tone count work.
        await expect
          .poll(() => tonePackets(peers.rtp.packets(), MIC_HZ).length, { timeout: 10_000 })
          .toBeGreaterThan(25);
        micPackets = tonePackets(peers.rtp.packets(), MIC_HZ).length;
        expect(tonePackets(peers.rtp.packets(), MESSAGE_HZ)).toHaveLength(0);
        await drop.click();
        return 'leave';
      },
      // The call may show its wrap-up for a moment before the drop's outcome is saved.
      onWrapUp: async () => 'leave',
    });
    expect(micPackets).toBeGreaterThan(25);

    // The message's audio reached the peer for about its length (20 ms of PCMU = 160 bytes).
    const message = tonePackets(peers.rtp.packets(), MESSAGE_HZ);
    const seconds = message.reduce((t, p) => t + p.payload.length, 0) / 8000;
    expect(seconds).toBeGreaterThan(MESSAGE_SECONDS * 0.85);
    expect(seconds).toBeLessThan(MESSAGE_SECONDS * 1.15);
    expect(peers.invitesTo(voicemailNumber!)).toBe(1);

    const rows = await callRows(page, host, { leadId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ disposition: 'voicemail-left', sipStatus: 200, hangupSide: 'local' });
    expect(rows[0]!.dialerSessionId).toBe(sessionId);

    await page.evaluate(() => (window.location.hash = '#/calls'));
    const row = page.locator('#calls-table tbody tr.calls-row').first();
    await expect.poll(() => row.getAttribute('data-disposition'), { timeout: 10_000 }).toBe('voicemail-left');
    expect(await row.textContent()).toContain('Message laissé');
  });
});

/** The app under the French preset, core's clock starting at `at`, registered as alice. */
async function frenchApp(at: DateTime): Promise<{ host: WebHostProcess; page: Page }> {
  const provision = await writeProvisioning(rig, {
    rules: 'FR',
    dialer: { previewSeconds: 0, ringTimeoutSeconds: 5, wrapUpSeconds: 0 },
  });
  // Chromium keeps the real clock: no call is made, and core alone decides and dates.
  return startDialerApp(browser, { provision, env: fakeClockEnv(at.toJSDate()) });
}

describe('leads the French preset forbids', () => {
  it('dials none of them and shows each one’s reason on the list', async () => {
    const app = await frenchApp(frenchWeekday);
    const { host, page } = app;
    const screen = () => dialerScreen(page);
    const now = frenchWeekday.toMillis();
    try {
      const [noConsent, fifthAttempt, refused, lateHour] = await createLeads(page, host, [
        { firstName: 'Nina', lastName: 'Sansaccord', number: noConsentNumber! },
        {
          firstName: 'Paul',
          lastName: 'Cinquième',
          number: fifthAttemptNumber!,
          consent: true,
          consentBefore: frenchWeekday.toJSDate(),
        },
        {
          firstName: 'Rémi',
          lastName: 'Refus',
          number: refusedNumber!,
          consent: true,
          consentBefore: frenchWeekday.toJSDate(),
        },
        {
          firstName: 'Lou',
          lastName: 'Tardif',
          number: afterHoursNumber!,
          consent: true,
          consentBefore: frenchWeekday.toJSDate(),
        },
      ]);
      // Four calls in the last 30 days: a fifth would break the 4-per-30-days limit.
      for (const daysAgo of [2, 5, 9, 20])
        await seedPastCall(page, host, {
          leadId: fifthAttempt!,
          number: fifthAttemptNumber!,
          at: new Date(now - daysAgo * 86_400_000),
          sipStatus: 486,
        });
      // An earlier call where the lead refused further calls (revokes consent, do-not-call list).
      const refusal = await seedPastCall(page, host, {
        leadId: refused!,
        number: refusedNumber!,
        at: new Date(now - 3 * 86_400_000),
      });
      await rpcFromPage(page, host, 'calls.setOutcome', { recordId: refusal, disposition: 'refused' });
      const dnc = await rpcFromPage<{ number: string }[]>(page, host, 'doNotCall.list', {});
      expect(dnc.map((d) => d.number)).toContain(refusedNumber);

      const before = peers.invites();
      const listId = await createCallbackList(page, host, 'Interdits FR', [
        noConsent!,
        fifthAttempt!,
        refused!,
        lateHour!,
      ]);
      const sessionId = await startPowerSession(page, host, 'Interdits FR');
      await workPowerSession(page, host, sessionId, {
        dispositionFor: (name) => {
          throw new Error(`${name} was called`);
        },
        timeoutMs: 30_000,
      });

      // Nothing reached the wire: no INVITE at the lead phones, no call record for the session.
      expect(await callRows(page, host, { dialerSessionId: sessionId })).toEqual([]);
      for (const number of [noConsentNumber, fifthAttemptNumber, refusedNumber, afterHoursNumber])
        expect(peers.invitesTo(number!), number).toBe(0);
      expect(sum(peers.invites())).toBe(sum(before));
      const entries = await listEntries(page, host, listId);
      expect(entries.map((e) => e.status)).toEqual(Array(4).fill('skipped'));
      // Each lead for its own reason alone: at 15:00 on a Tuesday in Paris, the hour is no reason there.
      const codes = new Map(entries.map((e) => [e.leadId, e.skip?.reasons.map((r) => r.code)]));
      expect(codes.get(noConsent!)).toEqual(['no-consent']);
      expect(codes.get(lateHour!)).toEqual(['outside-window']);
      expect(codes.get(fifthAttempt!)).toHaveLength(1);
      expect(codes.get(refused!)).toHaveLength(1);

      // Each lead shows its reason, in French, on the list's screen.
      await page.getByRole('button', { name: 'Voir les prospects de la liste Interdits FR' }).click();
      const why = (id: string) =>
        screen().entries.locator(`tr[data-lead-id="${id}"]`).locator('.dialer-why').textContent();
      const shown = (n: string) => {
        const p = parsePhone(n);
        return p.ok && p.country === 'FR' ? p.national : p.ok ? p.international : n;
      };
      await expect
        .poll(() => why(noConsent!), { timeout: 10_000 })
        .toContain(`Pas de consentement enregistré pour le ${shown(noConsentNumber!)}.`);
      expect(await why(noConsent!)).toContain("Attendre n'y changera rien.");
      expect(await why(fifthAttempt!)).toMatch(
        /4 appels ou tentatives en 30 jours \(maximum 4\) : possible à partir du .+\./,
      );
      expect(await why(refused!)).toContain("Numéro sur la liste d'opposition de la concession.");
      expect(await why(refused!)).toContain("Attendre n'y changera rien.");
      const late = (await why(lateHour!)) ?? '';
      expect(late).toMatch(/Hors des heures d'appel : il est 01:0\d chez l'appelé \(Pacific\/Noumea\)/);
      expect(late).toContain('Prochain créneau légal :');
      expect(late).not.toContain('consentement');
    } finally {
      await page.close();
      await host.stop();
    }
  });
});

describe('French calling hours at a chosen instant (core’s clock set by libfaketime)', () => {
  it.each(frenchHours)('dials no one $what and shows why on the list', async (c) => {
    const at = paris(c.at);
    expect(at.isValid).toBe(true);
    const app = await frenchApp(at);
    try {
      const [leadId] = await createLeads(app.page, app.host, [
        { firstName: 'Inès', lastName: 'Horaire', number: c.number, consent: true, consentBefore: at.toJSDate() },
      ]);
      const listName = `Heures FR ${c.at}`;
      const listId = await createCallbackList(app.page, app.host, listName, [leadId!]);
      const sessionId = await startPowerSession(app.page, app.host, listName);
      await workPowerSession(app.page, app.host, sessionId, {
        dispositionFor: (name) => {
          throw new Error(`${name} was called`);
        },
        timeoutMs: 30_000,
      });

      expect(await callRows(app.page, app.host, { dialerSessionId: sessionId })).toEqual([]);
      expect(peers.invitesTo(c.number), peers.logTail()).toBe(0);
      const [entry] = await listEntries(app.page, app.host, listId);
      expect(entry).toMatchObject({ leadId, status: 'skipped', attempts: 0 });
      // The reason is the hour or the day alone (the consent is there), dated from core's clock.
      expect(entry!.skip?.reasons.map((r) => r.code)).toEqual([c.code]);
      expect(Date.parse(entry!.skip!.nextLegalAt!)).toBe(paris(c.nextLegal).toMillis());

      await app.page.getByRole('button', { name: `Voir les prospects de la liste ${listName}` }).click();
      const why = dialerScreen(app.page).entries.locator(`tr[data-lead-id="${leadId}"]`).locator('.dialer-why');
      await expect.poll(() => why.textContent(), { timeout: 10_000 }).toMatch(c.text);
      expect(await why.textContent()).toContain('Prochain créneau légal :');
      expect(await why.textContent()).not.toContain('consentement');
    } finally {
      await app.page.close();
      await app.host.stop();
    }
  });
});
