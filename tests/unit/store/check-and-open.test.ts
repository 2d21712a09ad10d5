import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStore, idMonth, idTime, newRecordId, openStore } from '../../../src/core/store';
import { clock, makeCall, snapshotTree, tempDir } from './helpers';

async function populatedStore(dir: string) {
  const c = clock(Date.UTC(2025, 2, 10, 9));
  const store = await openStore({ dataDir: dir, now: c.now });
  const settings = await store.document('settings', { schemaVersion: 1, migrations: [], defaults: { theme: 'light' } });
  await settings.update((d) => void (d.theme = 'dark'));
  c.advance(6 * 60_000);
  await settings.update((d) => void (d.theme = 'blue'));
  const leads = await store.collection<{ id: string; name: string }>('leads', { shards: 4 });
  await leads.putMany([
    { id: 'l1', name: 'Léa' },
    { id: 'l2', name: 'Hugo' },
  ]);
  await store.journal.appendMany([
    makeCall({ leadId: 'l1' }, c.now()),
    makeCall({ leadId: 'l1' }, c.now()),
    makeCall({ leadId: 'l2' }, c.now()),
  ]);
  await store.close();
  return c;
}

describe('openStore', () => {
  it('wires journal, projection, documents and collections on one data dir', async () => {
    const dir = tempDir();
    const c = await populatedStore(dir);
    const store = await openStore({ dataDir: dir, now: c.now });
    expect(store.problems).toEqual([]);
    expect(store.journal.count).toBe(3);
    expect(store.callsByLead.get('l1')?.count).toBe(2);
    const settings = await store.document('settings', {
      schemaVersion: 1,
      migrations: [],
      defaults: { theme: 'light' },
    });
    expect(settings.data.theme).toBe('blue');
    expect(await store.document('settings', { schemaVersion: 1, migrations: [], defaults: { theme: 'x' } })).toBe(
      settings,
    );
    const leads = await store.collection<{ id: string; name: string }>('leads');
    expect(leads.get('l1')?.name).toBe('Léa');
    await store.close();
  });

  it('reports problems to listeners and in store.problems', async () => {
    const dir = tempDir();
    await populatedStore(dir);
    writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion":1,"theme":"da');
    const store = await openStore({ dataDir: dir });
    const seen: string[] = [];
    store.onProblem((p) => seen.push(p.kind));
    await store.document('settings', { schemaVersion: 1, migrations: [], defaults: { theme: 'light' } });
    expect(store.problems.map((p) => p.kind)).toEqual(['truncated']);
    expect(seen).toEqual(['truncated']);
    await store.close();
  });
});

describe('checkStore', () => {
  it('says ok for a sound store and changes nothing', async () => {
    const dir = tempDir();
    await populatedStore(dir);
    const before = snapshotTree(dir);
    const report = await checkStore(dir);
    expect(report.ok).toBe(true);
    expect(report.files.every((f) => f.status === 'ok')).toBe(true);
    expect(report.files.map((f) => path.relative(dir, f.file))).toContain('settings.json');
    expect(report.journal.records).toBe(3);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('finds every kind of damage without repairing, moving or restoring anything', async () => {
    const dir = tempDir();
    await populatedStore(dir);
    writeFileSync(path.join(dir, 'settings.json'), Buffer.alloc(20));
    writeFileSync(path.join(dir, 'leads', '02.json'), '');
    const segment = path.join(dir, 'journal', 'calls-2025-03.jsonl');
    const lines = readFileSync(segment, 'utf8').split('\n');
    writeFileSync(segment, [lines[0], 'not json', ...lines.slice(1)].join('\n'));
    appendFileSync(segment, '{"id":"01J'); // torn tail
    const before = snapshotTree(dir);
    const report = await checkStore(dir);
    expect(snapshotTree(dir)).toEqual(before);
    expect(report.ok).toBe(false);
    const byName = Object.fromEntries(report.files.map((f) => [path.relative(dir, f.file), f]));
    expect(byName['settings.json']).toMatchObject({ status: 'damaged' });
    expect(byName['settings.json']!.detail).toMatch(/nul-filled.*backup .* will be restored/);
    expect(byName[path.join('leads', '02.json')]).toMatchObject({ status: 'damaged' });
    expect(byName[path.join('leads', '02.json')]!.detail).toMatch(/^empty/);
    const seg = report.journal.segments[0]!;
    expect(seg.badLines.map((b) => b.line)).toEqual([2]);
    expect(seg.tornTail?.bytes).toBe(10);
    expect(seg.records).toBe(3);
  });

  it('does not fail on a torn journal tail alone (never acknowledged, cut at next open)', async () => {
    const dir = tempDir();
    await populatedStore(dir);
    appendFileSync(path.join(dir, 'journal', 'calls-2025-03.jsonl'), '{"id":');
    const report = await checkStore(dir);
    expect(report.ok).toBe(true);
    expect(report.journal.segments[0]!.tornTail).not.toBeNull();
  });
});

describe('record ids', () => {
  it('are 26 Crockford base32 chars encoding the time, sorted by creation', () => {
    const t = Date.UTC(2025, 4, 31, 23, 59, 59, 999);
    const ids = Array.from({ length: 1000 }, () => newRecordId(t));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(idTime(id)).toBe(t);
    }
    expect([...ids].sort()).toEqual(ids); // monotonic within one ms
    expect(new Set(ids).size).toBe(1000);
    expect(idMonth(ids[0]!)).toBe('2025-05');
    expect(newRecordId(t + 1) > ids.at(-1)!).toBe(true);
    expect(idTime('not-an-id')).toBeNaN();
    expect(newRecordId(new Date(0)).slice(0, 10)).toBe('0000000000');
  });
});
