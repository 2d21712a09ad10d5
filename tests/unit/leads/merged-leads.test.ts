import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCallLog } from '../../../src/core/calls/call-log';
import { callRecordId } from '../../../src/core/calls/record-id';
import { recentAttempts } from '../../../src/core/calls/recent-attempts';
import { LeadService } from '../../../src/core/leads/lead-service';
import { MERGED_LEADS_DOCUMENT, openMergedLeads } from '../../../src/core/leads/merged-leads';
import { openOutcomeLog } from '../../../src/core/outcomes/outcome-log';
import { openStore, type Store } from '../../../src/core/store';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import { leadDisplayName, type Lead } from '../../../src/shared/domain/lead';
import { draft, tempDir } from './helpers';

const call = (n: number, leadId: string, iso: string): CallRecord => ({
  id: callRecordId(`c${n}`, Date.parse(iso)),
  v: 1,
  leadId,
  number: '+33687846531',
  direction: 'outbound',
  startedAt: iso,
  answeredAt: new Date(Date.parse(iso) + 10_000).toISOString(),
  endedAt: new Date(Date.parse(iso) + 340_000).toISOString(),
  hangupSide: 'remote',
  sipStatus: 200,
});

const clock = { now: Date.parse('2026-11-20T08:00:00Z') };

/** Core as app-core wires it, over a real data folder: the lead service, the merge record and the call log. */
async function core(dir: string, projections: ReturnType<typeof recentAttempts>[] = []) {
  const store = await openStore({ dataDir: dir, projections });
  const collection = store.collection<Lead>('leads');
  const merges = openMergedLeads(store);
  const service = new LeadService({
    collection,
    seller: () => 'Vendeur',
    region: () => 'FR',
    emit: () => undefined,
    now: () => clock.now,
    merges,
  });
  await service.ready();
  const leads = await collection;
  const log = createCallLog({
    journal: store.journal,
    outcomes: openOutcomeLog(store),
    leadName: (id) => {
      const lead = leads.get(id) as Lead | undefined;
      return lead ? leadDisplayName(lead.contact) : undefined;
    },
    merges: await merges,
  });
  return { store, service, log, merges: await merges };
}

async function closing<T>(store: Store, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    await store.close();
  }
}

describe('the merge record (lead-merges.json)', () => {
  it('resolves chains of merges, lists every id merged into a lead, and reads back from disk', async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    await closing(store, async () => {
      const merges = await openMergedLeads(store);
      expect(await openMergedLeads(store)).toBe(merges);
      let changes = 0;
      merges.onChange(() => changes++);
      await merges.record('A', 'B', '2026-11-01T10:00:00.000Z');
      await merges.record('B', 'C', '2026-11-02T10:00:00.000Z');
      expect(changes).toBe(2);
      expect(['A', 'B', 'C', 'D'].map((id) => merges.resolve(id))).toEqual(['C', 'C', 'C', 'D']);
      expect(merges.idsOf('C')).toEqual(['C', 'B', 'A']);
      expect(merges.idsOf('D')).toEqual(['D']);
    });
    const file = JSON.parse(readFileSync(path.join(dir, `${MERGED_LEADS_DOCUMENT}.json`), 'utf8'));
    expect(file).toEqual({
      schemaVersion: 1,
      merges: [
        { from: 'A', into: 'B', at: '2026-11-01T10:00:00.000Z' },
        { from: 'B', into: 'C', at: '2026-11-02T10:00:00.000Z' },
      ],
    });
    const again = await openStore({ dataDir: dir });
    await closing(again, async () => {
      expect((await openMergedLeads(again)).resolve('A')).toBe('C');
    });
  });

  it('drops a record saying the kept lead went elsewhere, and stops at a loop in a hand-edited file', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, `${MERGED_LEADS_DOCUMENT}.json`),
      JSON.stringify({
        schemaVersion: 1,
        merges: [
          { from: 'X', into: 'Y', at: 'a' },
          { from: 'Y', into: 'X', at: 'b' },
        ],
      }),
    );
    const store = await openStore({ dataDir: dir });
    await closing(store, async () => {
      const merges = await openMergedLeads(store);
      expect(['X', 'Y'].map((id) => merges.resolve(id))).toEqual(['Y', 'X']);
      expect(merges.idsOf('X')).toEqual(['X', 'Y']);
      // A left over from a merge that did not finish, then B merged into A: A is alive.
      await merges.record('A', 'B', 'c');
      await merges.record('B', 'A', 'd');
      expect(merges.resolve('A')).toBe('A');
      expect(merges.resolve('B')).toBe('A');
    });
  });
});

describe('calls follow a merge (walk5 #2)', () => {
  it('lists the calls of the lead merged away under the kept lead, by its id or the old one, after a restart too', async () => {
    const dir = tempDir();
    const first = await core(dir);
    const { keepId, otherId, ids } = await closing(first.store, async () => {
      const older = await first.service.create(
        draft({
          first: 'Cédric',
          last: 'Barbé',
          tel: ['06 87 84 65 31'],
          stage: 'appointment',
          owner: 'Julien Moreau',
        }),
      );
      clock.now += 7 * 86_400_000; // the duplicate is typed a week later
      const dup = await first.service.create(draft({ first: 'Cedric', last: 'Barbe', tel: ['06 04 01 24 25'] }));
      const calls = [call(1, older.id, '2026-11-20T09:00:00.000Z'), call(2, dup.id, '2026-11-27T03:35:00.000Z')];
      await first.store.journal.appendMany(calls);
      expect((await first.log.list({ leadId: dup.id, offset: 0, limit: 10 })).total).toBe(1);

      const merged = await first.service.merge(dup.id, older.id);
      expect(merged).toMatchObject({ stage: 'appointment', owner: 'Julien Moreau', createdAt: older.createdAt });
      expect(dup.owner).toBe('Vendeur');

      const page = await first.log.list({ leadId: dup.id, offset: 0, limit: 10 });
      expect(page.items.map((r) => [r.id, r.leadId, r.leadName])).toEqual([
        [calls[1]!.id, dup.id, 'Cédric Barbé'],
        [calls[0]!.id, dup.id, 'Cédric Barbé'],
      ]);
      // A link made before the merge (Appels filtered on the old lead) finds the same calls.
      expect((await first.log.list({ leadId: older.id, offset: 0, limit: 10 })).total).toBe(2);
      // The Appels row names the kept lead and links to it.
      expect(await first.log.find(calls[0]!.id)).toMatchObject({ leadId: dup.id, leadName: 'Cédric Barbé' });
      return { keepId: dup.id, otherId: older.id, ids: calls.map((c) => c.id) };
    });

    const second = await core(dir);
    await closing(second.store, async () => {
      await expect(second.service.get(otherId)).rejects.toMatchObject({ code: 'not-found' });
      const page = await second.log.list({ leadId: keepId, offset: 0, limit: 10 });
      expect(page.items.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(second.merges.resolve(otherId)).toBe(keepId);
    });
  });

  it('tells the shells once the record is on disk', async () => {
    const { store, service, merges } = await core(tempDir());
    await closing(store, async () => {
      const a = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 78'] }));
      const b = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 79'] }));
      const seen: string[] = [];
      merges.onChange(() => seen.push(merges.resolve(b.id)));
      await service.merge(a.id, b.id);
      expect(seen).toEqual([a.id]);
    });
  });

  it('forgets the record of a merge that did not finish (the other lead is still there)', async () => {
    const dir = tempDir();
    const first = await core(dir);
    const { a, b } = await closing(first.store, async () => {
      const a = await first.service.create(draft({ first: 'Anne', tel: ['06 12 34 56 78'] }));
      const b = await first.service.create(draft({ first: 'Anne', tel: ['06 12 34 56 79'] }));
      await first.store.journal.appendMany([call(1, b.id, '2026-11-20T09:00:00.000Z')]);
      // The crash: the record is written, the other lead not yet deleted.
      await first.merges.record(b.id, a.id, '2026-11-27T03:40:00.000Z');
      return { a, b };
    });
    const second = await core(dir);
    await closing(second.store, async () => {
      expect(second.merges.resolve(b.id)).toBe(b.id);
      expect((await second.log.list({ leadId: b.id, offset: 0, limit: 10 })).total).toBe(1);
      expect((await second.log.list({ leadId: a.id, offset: 0, limit: 10 })).total).toBe(0);
    });
  });

  it('refuses a merge when the record cannot be opened, leaving both leads', async () => {
    const store = await openStore({ dataDir: tempDir() });
    await closing(store, async () => {
      const service = new LeadService({
        collection: store.collection<Lead>('leads'),
        seller: () => 'Vendeur',
        region: () => 'FR',
        emit: () => undefined,
        merges: Promise.reject(new Error('EACCES')),
      });
      const a = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 78'] }));
      const b = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 79'] }));
      await expect(service.merge(a.id, b.id)).rejects.toMatchObject({ code: 'store-failure' });
      expect((await service.get(b.id)).id).toBe(b.id);
    });
  });

  it('counts the attempts of both leads for the calling rules', async () => {
    const attempts = recentAttempts();
    const { store, service, merges } = await core(tempDir(), [attempts]);
    await closing(store, async () => {
      const a = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 78'] }));
      const b = await service.create(draft({ first: 'Anne', tel: ['06 12 34 56 79'] }));
      await store.journal.appendMany([
        call(1, b.id, '2026-11-20T09:00:00.000Z'),
        call(2, a.id, '2026-11-21T09:00:00.000Z'),
        call(3, b.id, '2026-11-22T09:00:00.000Z'),
      ]);
      await service.merge(a.id, b.id);
      expect(attempts.of(merges.idsOf(a.id)).map((d) => d.toISOString())).toEqual([
        '2026-11-20T09:00:00.000Z',
        '2026-11-21T09:00:00.000Z',
        '2026-11-22T09:00:00.000Z',
      ]);
    });
  });
});
