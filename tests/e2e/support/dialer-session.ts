// The dialer as its end-to-end tests drive it: lead numbers in a zone the calling rules allow (or
// forbid) right now, leads and callback lists made through the contract, a power session started
// and worked from the Dialer screen, and the call journal read from the data directory.
// The app can be started on a given data directory (a restart after a crash) and with core's
// clock set by libfaketime (calling-hours cases at a chosen instant).
// DEBUG_DIALER=1 prints each session status line the worker sees.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Rig, RigUserName } from '../../rig/rig';
export { localMinutes, numbersOf, placeAt, places, type Place } from './callee-places';
import { openApp, rpcFromPage } from './leads-page';
import { phonePanel } from './phone-app';
import { startWebHostProcess, type WebHostProcess } from './web-host-process';

// ---- numbers and zones: support/callee-places.ts

// ---- leads, lists and calls through the contract

export interface LeadSeed {
  firstName: string;
  lastName: string;
  number: string;
  stage?: 'new' | 'contacted' | 'appointment';
  /** A consent for the number, given a day before `consentBefore` (default: now, this process's clock). */
  consent?: boolean;
  consentBefore?: Date;
}

export async function createLeads(page: Page, host: WebHostProcess, seeds: readonly LeadSeed[]): Promise<string[]> {
  const ids: string[] = [];
  for (const seed of seeds) {
    const { id } = await rpcFromPage<{ id: string }>(page, host, 'leads.create', {
      draft: {
        contact: {
          kind: 'individual',
          firstName: seed.firstName,
          lastName: seed.lastName,
          phones: [{ e164: seed.number, raw: seed.number, type: 'mobile', preferred: true }],
        },
        vehicles: [],
        stage: seed.stage ?? 'contacted',
        tags: [],
        consents: [],
      },
    });
    if (seed.consent)
      await rpcFromPage(page, host, 'leads.addConsent', {
        id,
        consent: {
          number: seed.number,
          givenAt: new Date((seed.consentBefore?.getTime() ?? Date.now()) - 86_400_000).toISOString(),
          channel: 'web-form',
          wording: 'J’accepte d’être recontacté par la concession.',
        },
      });
    ids.push(id);
  }
  return ids;
}

export async function createCallbackList(
  page: Page,
  host: WebHostProcess,
  name: string,
  leadIds: readonly string[],
): Promise<string> {
  const list = await rpcFromPage<{ id: string }>(page, host, 'callbackLists.create', {
    name,
    source: { kind: 'selection', leadIds },
    scope: 'anyone',
  });
  return list.id;
}

export interface EntryRow {
  leadId: string;
  status: 'to-call' | 'calling' | 'done' | 'skipped';
  attempts: number;
  nextEligibleAt?: string;
  lastOutcome?: string;
  lastCallAt?: string;
  skip?: { kind: string; reasons: { code: string }[]; nextLegalAt?: string };
}

export async function listEntries(page: Page, host: WebHostProcess, listId: string): Promise<EntryRow[]> {
  const got = await rpcFromPage<{ items: EntryRow[] }>(page, host, 'callbackLists.get', { id: listId, limit: 500 });
  return got.items;
}

export interface CallRowSeen {
  id: string;
  leadId?: string;
  number: string;
  direction: 'outbound' | 'inbound';
  startedAt: string;
  answeredAt?: string;
  endedAt?: string;
  sipStatus?: number;
  hangupSide?: string;
  disposition?: string;
  dispositionBy?: 'sip' | 'seller';
  dispositionAt?: string;
  dialerSessionId?: string;
}

export async function callRows(
  page: Page,
  host: WebHostProcess,
  query: Record<string, unknown> = {},
): Promise<CallRowSeen[]> {
  const got = await rpcFromPage<{ items: CallRowSeen[] }>(page, host, 'calls.list', { limit: 1000, ...query });
  return got.items;
}

/**
 * A finished outbound call as the softphone reports it (`calls.report`), at a past time: a prior
 * attempt on a lead's history. Returns the record id.
 */
export async function seedPastCall(
  page: Page,
  host: WebHostProcess,
  call: { leadId: string; number: string; at: Date; sipStatus?: number },
): Promise<string> {
  const callId = `seed-${call.leadId}-${call.at.getTime()}`;
  const iso = (ms: number) => new Date(call.at.getTime() + ms).toISOString();
  await rpcFromPage(page, host, 'calls.report', {
    type: 'started',
    callId,
    at: iso(0),
    direction: 'outbound',
    number: call.number,
    leadId: call.leadId,
  });
  await rpcFromPage(page, host, 'calls.report', { type: 'ringing', callId, at: iso(1_000) });
  const status = call.sipStatus ?? 200;
  if (status === 200) await rpcFromPage(page, host, 'calls.report', { type: 'answered', callId, at: iso(5_000) });
  const ended = await rpcFromPage<{ recordId?: string }>(page, host, 'calls.report', {
    type: 'ended',
    callId,
    at: iso(65_000),
    sipStatus: status,
    hangupSide: 'local',
  });
  if (!ended.recordId) throw new Error(`the seeded call ${callId} was not recorded`);
  return ended.recordId;
}

// ---- the call journal on disk

/** Every record line of the data directory's call journal (calls-YYYY-MM.jsonl), parsed. */
export async function journalRecords(dataDir: string): Promise<Record<string, unknown>[]> {
  const dir = join(dataDir, 'journal');
  const names = (await readdir(dir)).filter((n) => /^calls-\d{4}-\d{2}\.jsonl$/.test(n)).sort();
  const out: Record<string, unknown>[] = [];
  for (const name of names)
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n'))
      if (line.trim() !== '') out.push(JSON.parse(line) as Record<string, unknown>);
  return out;
}

// ---- the Dialer screen

export function dialerScreen(page: Page) {
  const session = page.getByRole('region', { name: "Session d'appels" });
  return {
    session,
    status: session.getByRole('status'),
    wrapUp: page.getByRole('form', { name: "Issue de l'appel" }),
    stat: (name: string) => session.locator(`[data-stat="${name}"] dd`).textContent(),
    lists: page.getByRole('table', { name: 'Listes de rappels et leur avancement' }),
    entries: page.getByRole('table', { name: 'Prospects de la liste, dans leur ordre d’appel' }),
  };
}

/** The end of a list, with or without the leads that come back later (retries, calling hours). */
export const LIST_DONE = /^Session terminée : (plus )?personne à appeler maintenant/;

export interface DialerViewSeen {
  state: string;
  sessionId?: string;
  listId?: string;
  disposition?: string;
  next?: { name: string };
  stopReason?: string;
}

export const dialerView = (page: Page, host: WebHostProcess) =>
  rpcFromPage<DialerViewSeen>(page, host, 'dialer.state', {});

/**
 * Opens the Dialer screen and starts a power session on the list `listName` from its controls.
 * Resolves with the new session's id once core runs it.
 */
export async function startPowerSession(page: Page, host: WebHostProcess, listName: string): Promise<string> {
  const previous = (await dialerView(page, host)).sessionId;
  await page.evaluate(() => (window.location.hash = '#/dialer'));
  const start = page.getByRole('region', { name: 'Démarrer une session' });
  const select = start.getByLabel('Liste à appeler');
  // The list was made through the contract: the screen learns of it from `callbackLists.changed`.
  await pollUntil(
    async () => (await select.locator('option').allTextContents()).includes(listName),
    `list "${listName}" offered`,
  );
  await select.selectOption({ label: listName });
  await start.getByRole('radio', { name: /Automatique/ }).check();
  await start.getByRole('button', { name: 'Démarrer la session' }).click();
  let sessionId: string | undefined;
  await pollUntil(async () => {
    sessionId = (await dialerView(page, host)).sessionId;
    return sessionId !== undefined && sessionId !== previous;
  }, `a session on "${listName}"`);
  return sessionId!;
}

export interface WorkedCall {
  name: string;
  /** The seller's disposition label; undefined when the app saved one by itself (voicemail drop). */
  disposition?: string;
}

export interface WorkOptions {
  /** The wrap-up label the seller picks for an answered lead (by name). */
  dispositionFor: (name: string) => string;
  /**
   * Before the seller hangs up an answered call (e.g. a voicemail drop instead); 'stop' returns
   * at once with the call still up (the test takes over, e.g. kills the app).
   */
  onConnected?: (name: string) => Promise<'hang-up' | 'leave' | 'stop'>;
  /**
   * When a call waits for its disposition, before the seller saves it: the test checks what it
   * likes while the session waits; 'leave' when the app saves the outcome itself.
   */
  onWrapUp?: (name: string) => Promise<'save' | 'leave'>;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Works the running power session `sessionId` as a seller does, until the list is done: hangs up each answered
 * call from the phone panel and saves the disposition `dispositionFor(name)` in the wrap-up form.
 * Automatic outcomes (busy, no answer, invalid number) need nothing from the seller.
 */
export async function workPowerSession(
  page: Page,
  host: WebHostProcess,
  sessionId: string,
  options: WorkOptions,
): Promise<WorkedCall[]> {
  const screen = dialerScreen(page);
  const panel = phonePanel(page).panel;
  const worked: WorkedCall[] = [];
  const handled = new Set<string>();
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let lastStatus = '';
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the session did not finish: "${await screen.status.textContent()}"`);
    const status = (await screen.status.textContent()) ?? '';
    if (process.env.DEBUG_DIALER && status !== lastStatus) console.log(new Date().toISOString(), status);
    lastStatus = status;
    if (LIST_DONE.test(status)) {
      // The status line may still show the previous session's end: ask core whose it is.
      const view = await dialerView(page, host);
      if (view.sessionId === sessionId && view.state === 'stopped' && view.stopReason === 'list-done') return worked;
    }
    const connected = /^En ligne avec (.+)\.$/.exec(status);
    const wrapUp = /^Appel terminé avec (.+) : choisissez l'issue\.$/.exec(status);
    if (connected && !handled.has(`c:${connected[1]}`)) {
      handled.add(`c:${connected[1]}`);
      const what = options.onConnected ? await options.onConnected(connected[1]!) : 'hang-up';
      if (what === 'stop') return worked;
      if (what === 'hang-up') await panel.getByRole('button', { name: 'Raccrocher' }).click();
    } else if (wrapUp && !handled.has(`w:${wrapUp[1]}`)) {
      handled.add(`w:${wrapUp[1]}`);
      const name = wrapUp[1]!;
      if ((options.onWrapUp ? await options.onWrapUp(name) : 'save') === 'leave') {
        worked.push({ name });
        continue;
      }
      const disposition = options.dispositionFor(name);
      await screen.wrapUp.getByRole('radio', { name: disposition }).check();
      await screen.wrapUp.getByRole('button', { name: "Enregistrer l'issue" }).click();
      worked.push({ name, disposition });
    } else {
      await sleep(100);
    }
  }
}

// ---- the app on a data directory of the test's choosing

/** A provisioning file with the rig user's SIP account, as `startPhoneApp` writes it, plus `extra`. */
export async function writeProvisioning(
  rig: Rig,
  extra: Record<string, unknown>,
  user: RigUserName = 'alice',
): Promise<string> {
  const account = rig.users[user];
  const dir = await mkdtemp(join(tmpdir(), 'relance-dialer-app-'));
  const file = join(dir, 'provisioning.json');
  await writeFile(
    file,
    JSON.stringify({
      sip: { server: rig.wsUrl, uri: account.uri, password: account.password, displayName: account.user },
      ice: { servers: [], gatheringTimeoutMs: 300 },
      ...extra,
    }),
  );
  return file;
}

/**
 * Starts the web host (on `dataDir` when given: the same app after a restart), opens the app and
 * waits until its phone is registered at Kamailio.
 */
export async function startDialerApp(
  browser: Browser,
  options: { provision: string; dataDir?: string; env?: NodeJS.ProcessEnv },
): Promise<{ host: WebHostProcess; page: Page }> {
  const host = await startWebHostProcess({
    provision: options.provision,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  try {
    const { page } = await openApp(browser, host);
    await pollUntil(
      async () => (await phonePanel(page).status.getAttribute('data-registration')) === 'registered',
      'the app registered at Kamailio',
    );
    return { host, page };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/**
 * Environment for a process whose clock (Date, not the monotonic clock) starts at `at` and runs
 * from there: libfaketime, preloaded. TZ=UTC so the start time it parses is the UTC one given.
 */
export function fakeClockEnv(at: Date): NodeJS.ProcessEnv {
  if (!existsSync(LIBFAKETIME)) throw new Error(`libfaketime is missing (${LIBFAKETIME}): apt-get install faketime`);
  const utc = at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
  return {
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME: `@${utc}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    TZ: 'UTC',
  };
}
