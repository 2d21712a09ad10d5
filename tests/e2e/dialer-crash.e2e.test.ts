// The web host killed (SIGKILL: a crash, a power cut) in the middle of a power session over sipp
// lead phones, with an answered call up, then started again on the same data directory: no
// acknowledged outcome is lost, the call in progress is logged as interrupted and waits for its
// disposition first when the seller resumes, no lead is dialled twice, and the session ends the
// list. DEBUG_DIALER=1 prints the session's status lines.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig/chromium';
import { startRig, type Rig } from '../rig/rig';
import { startLeadPeers, type LeadBehaviour, type LeadPeers } from '../rig/sipp-dialer';
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
  startDialerApp,
  startPowerSession,
  workPowerSession,
  writeProvisioning,
  type CallRowSeen,
} from './support/dialer-session';
import type { WebHostProcess } from './support/web-host-process';

/** US preset, numbers in a zone where it is now 09:00-19:00: every call is legal whenever the test runs. */
const callable = placeAt(new Date(), { from: 9 * 60, to: 19 * 60, target: 14 * 60 });

/** Calling order follows creation. The app is killed while Émile's answered call is up. */
const plan: { firstName: string; behaviour: Exclude<LeadBehaviour, 'unknown' | 'lost-487'>; disposition?: string }[] = [
  { firstName: 'Ada', behaviour: 'answer', disposition: 'Répondu' },
  { firstName: 'Basile', behaviour: 'busy' },
  { firstName: 'Cécile', behaviour: 'no-answer' },
  { firstName: 'Denis', behaviour: 'answer', disposition: 'Rendez-vous pris' },
  { firstName: 'Émile', behaviour: 'answer', disposition: 'Rappel demandé' },
  { firstName: 'Fanny', behaviour: 'busy' },
  { firstName: 'Gilles', behaviour: 'no-answer' },
  { firstName: 'Hugo', behaviour: 'answer', disposition: 'Répondu' },
];
const lastNames = { answer: 'Décroche', busy: 'Occupé', 'no-answer': 'Absent' } as const;
const dispositionIds: Record<string, string> = {
  Répondu: 'answered',
  'Rendez-vous pris': 'appointment-set',
  'Rappel demandé': 'callback-requested',
};
const numbers = numbersOf(callable, plan.length, 60);
const leads = plan.map((p, i) => ({
  ...p,
  number: numbers[i]!,
  lastName: lastNames[p.behaviour],
  name: `${p.firstName} ${lastNames[p.behaviour]}`,
}));
const KILLED_DURING = 'Émile Décroche';
const byName = new Map(leads.map((l) => [l.name, l]));

let rig: Rig;
let browser: Browser;
let peers: LeadPeers;
let provision: string;
let host: WebHostProcess | undefined;
let page: Page | undefined;

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  [rig, browser] = await Promise.all([startRig(), launchChromium({ toneHz: 440 })]);
  peers = await startLeadPeers(rig);
  await peers.register(Object.fromEntries(leads.map((l) => [l.number, l.behaviour])));
  provision = await writeProvisioning(rig, {
    rules: 'US',
    dialer: { previewSeconds: 0, ringTimeoutSeconds: 5, wrapUpSeconds: 0 },
  });
  ({ host, page } = await startDialerApp(browser, { provision }));
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), host?.stop(), peers?.stop()]);
  await rig?.stop();
});

describe('the web host killed in the middle of a power session', () => {
  it('keeps every acknowledged outcome, logs the call in progress as interrupted, resumes without dialling a lead twice', async () => {
    const first = { host: host!, page: page! };
    const ids = await createLeads(first.page, first.host, leads);
    const leadOf = new Map(leads.map((l, i) => [ids[i]!, l]));
    const listId = await createCallbackList(first.page, first.host, 'Relances crash', ids);
    const sessionId = await startPowerSession(first.page, first.host, 'Relances crash');

    // ---- before the crash: four outcomes acknowledged, Émile's call answered and up.
    const before = await workPowerSession(first.page, first.host, sessionId, {
      dispositionFor: (name) => byName.get(name)!.disposition!,
      onConnected: async (name) => (name === KILLED_DURING ? 'stop' : 'hang-up'),
    });
    expect(before.map((w) => w.name)).toEqual(['Ada Décroche', 'Denis Décroche']);
    expect(await dialerView(first.page, first.host)).toMatchObject({ sessionId, state: 'connected' });
    const acknowledged = (await callRows(first.page, first.host, { dialerSessionId: sessionId })).filter(
      (r) => r.disposition !== undefined,
    );
    expect(acknowledged.map((r) => leadOf.get(r.leadId!)!.firstName).sort()).toEqual(
      ['Ada', 'Basile', 'Cécile', 'Denis'].sort(),
    );
    const invitesAtCrash = peers.invites();
    expect(sum(invitesAtCrash), peers.logTail()).toBe(5);

    await first.host.kill('SIGKILL');
    await first.page.close();
    host = undefined;
    page = undefined;

    // ---- the app again, on the same data directory.
    ({ host, page } = await startDialerApp(browser, { provision, dataDir: first.host.dataDir }));
    const again = { host, page };
    const screen = dialerScreen(again.page);
    await again.page.evaluate(() => (window.location.hash = '#/dialer'));
    await expect
      .poll(() => screen.status.textContent(), { timeout: 10_000 })
      .toBe(
        `Session interrompue pendant l'appel avec ${KILLED_DURING} : reprenez pour en donner l'issue, puis la session continue.`,
      );
    expect(await dialerView(again.page, again.host)).toMatchObject({ sessionId, state: 'interrupted' });

    // Nothing acknowledged was lost: each record on disk, each outcome as it was.
    const journal = (await journalRecords(again.host.dataDir)).filter((r) => r.dialerSessionId === sessionId);
    const rowsAfter = new Map(
      (await callRows(again.page, again.host, { dialerSessionId: sessionId })).map((r) => [r.id, r]),
    );
    for (const row of acknowledged) {
      const who = leadOf.get(row.leadId!)!.name;
      expect(
        journal.filter((r) => r.id === row.id),
        who,
      ).toHaveLength(1);
      expect(rowsAfter.get(row.id), who).toMatchObject({
        disposition: row.disposition,
        dispositionBy: row.dispositionBy,
      });
    }
    // The call in progress: on disk with what was known, marked interrupted, no end, no disposition.
    const emileId = ids[leads.findIndex((l) => l.name === KILLED_DURING)]!;
    const interrupted = journal.filter((r) => r.leadId === emileId);
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]).toMatchObject({ interrupted: true, number: byName.get(KILLED_DURING)!.number });
    expect(interrupted[0]!.answeredAt).toBeTruthy();
    expect(interrupted[0]!.endedAt).toBeUndefined();
    expect(interrupted[0]!.disposition).toBeUndefined();
    expect(journal).toHaveLength(5);

    // ---- Reprendre: the interrupted call's wrap-up first, then the rest of the list.
    const firstWrapUp: { name: string; recordId?: string; invites: number }[] = [];
    await screen.session.getByRole('button', { name: 'Reprendre' }).click();
    const after = await workPowerSession(again.page, again.host, sessionId, {
      dispositionFor: (name) => byName.get(name)!.disposition!,
      onWrapUp: async (name) => {
        if (firstWrapUp.length === 0) {
          const view = (await dialerView(again.page, again.host)) as { recordId?: string };
          firstWrapUp.push({
            name,
            ...(view.recordId ? { recordId: view.recordId } : {}),
            invites: sum(peers.invites()),
          });
        }
        return 'save';
      },
    });
    expect(after.map((w) => w.name)).toEqual([KILLED_DURING, 'Hugo Décroche']);
    expect(firstWrapUp).toEqual([{ name: KILLED_DURING, recordId: interrupted[0]!.id, invites: 5 }]);
    expect(await dialerView(again.page, again.host)).toMatchObject({
      sessionId,
      state: 'stopped',
      stopReason: 'list-done',
    });

    // One INVITE per lead across both runs; one record per call; every lead tried once.
    const invites = peers.invites();
    for (const lead of leads) expect(invites.get(lead.number) ?? 0, lead.name).toBe(1);
    expect(sum(invites), peers.logTail()).toBe(leads.length);
    const finalJournal = (await journalRecords(again.host.dataDir)).filter((r) => r.dialerSessionId === sessionId);
    expect(finalJournal).toHaveLength(leads.length);
    expect(new Set(finalJournal.map((r) => r.id)).size).toBe(leads.length);
    expect(finalJournal.map((r) => r.number).sort()).toEqual([...numbers].sort());

    const rows = await callRows(again.page, again.host, { dialerSessionId: sessionId });
    expect(rows).toHaveLength(leads.length);
    const expectedDisposition = (row: CallRowSeen) => {
      const lead = leadOf.get(row.leadId!)!;
      if (lead.disposition) return { disposition: dispositionIds[lead.disposition], dispositionBy: 'seller' };
      return { disposition: lead.behaviour === 'busy' ? 'busy' : 'no-answer', dispositionBy: 'sip' };
    };
    for (const row of rows) expect(row, leadOf.get(row.leadId!)!.name).toMatchObject(expectedDisposition(row));
    const entries = await listEntries(again.page, again.host, listId);
    expect(entries.map((e) => e.attempts)).toEqual(Array(leads.length).fill(1));
    expect(entries.filter((e) => e.status === 'skipped')).toEqual([]);
  }, 180_000);
});
