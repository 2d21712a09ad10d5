// The Calls page right after the app starts: its first request is the call list, before anything
// else has loaded the leads; the rows must still carry their leads' names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDialerService } from '../../../src/core/dialer/dialer-service';
import { leadAccess, type LeadAccess } from '../../../src/core/dialer/lead-access';
import { LeadService } from '../../../src/core/leads/lead-service';
import { openStore } from '../../../src/core/store';
import type { Lead } from '../../../src/shared/domain/lead';
import { draft } from '../leads/helpers';
import { FakePlacer, ManualTimers } from './fakes';

const START = Date.parse('2026-03-10T09:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The app's core as a fresh start opens it: nothing has asked for the leads yet. */
async function start(dir: string, leads?: (service: LeadService) => LeadAccess) {
  const store = await openStore({ dataDir: dir });
  const clock = { now: START };
  const service = new LeadService({
    collection: store.collection<Lead>('leads'),
    seller: () => 'Julie Vendeuse',
    region: () => 'FR',
    emit: () => undefined,
    now: () => clock.now,
  });
  const svc = await createDialerService({
    store,
    leads: (leads ?? leadAccess)(service),
    permission: () => ({ allowed: true }),
    placer: new FakePlacer(),
    settings: () => ({
      dialer: { previewSeconds: 10, ringTimeoutSeconds: 30, wrapUpSeconds: 0 },
      locale: 'fr',
      defaultRegion: 'FR',
    }),
    seller: () => 'Julie Vendeuse',
    emit: () => undefined,
    now: () => clock.now,
    timers: new ManualTimers(clock),
  });
  const close = async () => {
    await svc.close();
    await service.close();
    await store.close();
  };
  return { service, svc, close };
}

/** A data folder holding two leads and a call to each, as a previous run left it. */
async function folderWithCalls(): Promise<{ dir: string; ids: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-calls-names-'));
  dirs.push(dir);
  const app = await start(dir);
  await app.service.ready();
  const ids: string[] = [];
  for (const [i, [first, tel]] of [
    ['Anne', '0611111111'],
    ['Bruno', '0622222222'],
  ].entries()) {
    const lead = await app.service.create(draft({ first, last: 'Martin', tel: [tel!] }));
    ids.push(lead.id);
    const at = new Date(START + i * 60_000).toISOString();
    const callId = `c${i}`;
    await app.svc.report({
      type: 'started',
      callId,
      at,
      direction: 'outbound',
      number: lead.contact.phones[0]!.e164,
      leadId: lead.id,
    });
    await app.svc.report({ type: 'ended', callId, at, sipStatus: 486, hangupSide: 'remote' });
  }
  await app.close();
  return { dir, ids };
}

describe('calls listed right after start', () => {
  it('carry their leads’ names though nothing else loaded the leads first', async () => {
    const { dir, ids } = await folderWithCalls();
    const app = await start(dir);
    try {
      const page = await app.svc.listCalls({});
      expect(page.items.map((r) => [r.leadId, r.leadName])).toEqual([
        [ids[1], 'Bruno Martin'],
        [ids[0], 'Anne Martin'],
      ]);
    } finally {
      await app.close();
    }
  });

  it('fail with the reason when the leads cannot be loaded, instead of rows without names', async () => {
    const { dir } = await folderWithCalls();
    const broken = (service: LeadService): LeadAccess => ({
      ...leadAccess(service),
      ready: () => Promise.reject(new Error('leads/3.json is damaged')),
    });
    const app = await start(dir, broken);
    try {
      await expect(app.svc.listCalls({})).rejects.toMatchObject({
        code: 'store-failure',
        message: expect.stringMatching(/leads could not be loaded.*leads\/3\.json is damaged/),
      });
    } finally {
      await app.close();
    }
  });
});
