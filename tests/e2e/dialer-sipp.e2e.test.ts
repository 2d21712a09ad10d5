// The auto-dialer against real lead phones: the app in Chromium (web host) registered to the rig's
// Kamailio, lead numbers registered to sipp UASs that answer, are busy or never answer, and
// numbers nobody registered (Kamailio: 404). A power session over a callback list, the calling
// rules of the French preset keeping forbidden leads off the wire, and a voicemail drop whose
// audio is counted at the answering peer's media address.
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
  journalRecords,
  listEntries,
  numbersOf,
  placeAt,
  pollUntil,
  seedPastCall,
  startPowerSession,
  workPowerSession,
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
/** A zone where it is now outside the French preset's hours (closest to 03:00). */
const afterHours = placeAt(new Date(), { from: 20 * 60 + 30, to: 9 * 60 + 30, target: 3 * 60 });

const behaviours: readonly LeadBehaviour[] = ['answer', 'busy', 'no-answer', 'unknown'];
const lastNames: Record<LeadBehaviour, string> = {
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
const expected: Record<Exclude<LeadBehaviour, 'answer'>, { sipStatus: number; disposition: string }> = {
  busy: { sipStatus: 486, disposition: 'busy' },
  'no-answer': { sipStatus: 487, disposition: 'no-answer' },
  unknown: { sipStatus: 404, disposition: 'invalid-number' },
};
/** Retry rules of the default disposition set (src/shared/domain/disposition.ts). */
const retryMinutes: Record<string, number> = { busy: 10, 'no-answer': 120 };

const [voicemailNumber, noConsentNumber, fifthAttemptNumber, refusedNumber] = numbersOf(callable, 4, 40);
const [afterHoursNumber] = numbersOf(afterHours, 1, 50);

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

describe('leads the French preset forbids', () => {
  it('dials none of them and shows each one’s reason on the list', async () => {
    await rpcFromPage(page, host, 'settings.update', { rules: 'FR' });
    const [noConsent, fifthAttempt, refused, lateHour] = await createLeads(page, host, [
      { firstName: 'Nina', lastName: 'Sansaccord', number: noConsentNumber! },
      { firstName: 'Paul', lastName: 'Cinquième', number: fifthAttemptNumber!, consent: true },
      { firstName: 'Rémi', lastName: 'Refus', number: refusedNumber!, consent: true },
      { firstName: 'Lou', lastName: 'Tardif', number: afterHoursNumber!, consent: true },
    ]);
    // Four calls in the last 30 days: a fifth would break the 4-per-30-days limit.
    for (const daysAgo of [2, 5, 9, 20])
      await seedPastCall(page, host, {
        leadId: fifthAttempt!,
        number: fifthAttemptNumber!,
        at: new Date(Date.now() - daysAgo * 86_400_000),
        sipStatus: 486,
      });
    // An earlier call where the lead refused further calls (revokes consent, do-not-call list).
    const refusal = await seedPastCall(page, host, {
      leadId: refused!,
      number: refusedNumber!,
      at: new Date(Date.now() - 3 * 86_400_000),
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
    expect((await listEntries(page, host, listId)).map((e) => e.status)).toEqual(Array(4).fill('skipped'));

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
    expect(late).toMatch(
      new RegExp(
        `Hors des heures d'appel : il est \\d\\d:\\d\\d chez l'appelé \\(${afterHours.zone}|Week-end chez l'appelé \\(.+${afterHours.zone}|Jour férié chez l'appelé`,
      ),
    );
    expect(late).toContain('Prochain créneau légal :');
    expect(late).not.toContain('consentement');
  });
});
