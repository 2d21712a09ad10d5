import { describe, expect, it } from 'vitest';
import { openDispositionBook } from '../../../src/core/outcomes/disposition-book';
import { openDoNotCallList } from '../../../src/core/outcomes/do-not-call';
import { openOutcomeLog } from '../../../src/core/outcomes/outcome-log';
import { newRecordId, openStore } from '../../../src/core/store';
import { defaultDispositions, type Disposition } from '../../../src/shared/domain/disposition';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '../leads/helpers';

describe('disposition set', () => {
  it('starts with the built-ins and keeps a manager’s change across restarts', async () => {
    const dir = tempDir();
    let store = await openStore({ dataDir: dir });
    const book = await openDispositionBook(store);
    expect(book.list().map((d) => d.id)).toEqual(defaultDispositions.map((d) => d.id));
    expect(book.require('busy').retry).toEqual({ afterMinutes: 10, maxAttempts: 3 });
    const changed = book
      .list()
      .map((d) => (d.id === 'no-answer' ? { ...d, retry: { afterMinutes: 60, maxAttempts: 5 } } : d));
    changed.push({ ...changed[0]!, id: 'trade-in-quote', labels: { fr: 'Reprise chiffrée', en: 'Trade-in quoted' } });
    await book.update(changed);
    await store.close();
    store = await openStore({ dataDir: dir });
    const again = await openDispositionBook(store);
    expect(again.require('no-answer').retry).toEqual({ afterMinutes: 60, maxAttempts: 5 });
    expect(again.get('trade-in-quote')?.labels.fr).toBe('Reprise chiffrée');
    await store.close();
  });

  it('refuses a set without the SIP dispositions, with duplicate ids or labels, or with bad fields, and names the field', async () => {
    const store = await openStore({ dataDir: tempDir() });
    const book = await openDispositionBook(store);
    await expect(book.update(book.list().filter((d) => d.id !== 'busy'))).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('"busy" is set from SIP and cannot be removed'),
    });
    await expect(book.update([...book.list(), book.list()[0]!])).rejects.toMatchObject({
      message: expect.stringContaining('duplicate disposition "answered"'),
      field: `set.${defaultDispositions.length}.id`,
    });
    const bad = book.list().map((d) => (d.id === 'busy' ? { ...d, retry: { afterMinutes: 0, maxAttempts: 3 } } : d));
    await expect(book.update(bad)).rejects.toMatchObject({ field: 'set.4.retry.afterMinutes' });
    // A second "Occupé" (case and accents aside) could not be told from the first on screen.
    const twice = [
      ...book.list(),
      { ...book.require('busy'), id: 'occupe', labels: { fr: ' OCCUPE ', en: 'Line busy' } },
    ];
    await expect(book.update(twice)).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('another disposition has this label'),
      field: `set.${defaultDispositions.length}.labels.fr`,
    });
    expect(() => book.require('nope')).toThrow('unknown disposition "nope"');
    expect(book.list()).toEqual(defaultDispositions); // nothing written
    await store.close();
  });

  it('refuses a do-not-call disposition with a retry rule, naming the disposition and the field', async () => {
    const store = await openStore({ dataDir: tempDir() });
    const told: string[][] = [];
    const book = await openDispositionBook(store, { onChange: (set) => told.push(set.map((d) => d.id)) });
    const index = defaultDispositions.findIndex((d) => d.id === 'refused');
    const retried = book
      .list()
      .map((d) => (d.id === 'refused' ? { ...d, retry: { afterMinutes: 60, maxAttempts: 2 } } : d));
    await expect(book.update(retried)).rejects.toMatchObject({
      code: 'invalid-request',
      message: `set.${index}.retry: disposition "refused" has doNotCall on, so it cannot have a retry rule: do-not-call means the number is never called again`,
      field: `set.${index}.retry`,
    });
    expect(book.list()).toEqual(defaultDispositions); // nothing written
    expect(told).toEqual([]); // nor told
    // Either rule alone is fine.
    await book.update(retried.map((d) => (d.id === 'refused' ? { ...d, doNotCall: false } : d)));
    expect(book.require('refused')).toMatchObject({ doNotCall: false, retry: { afterMinutes: 60, maxAttempts: 2 } });
    await store.close();
  });

  it('still loads a set saved before that check with a do-not-call disposition that retries', async () => {
    const dir = tempDir();
    const old = defaultDispositions.map((d) =>
      d.id === 'refused' ? { ...d, retry: { afterMinutes: 1440, maxAttempts: 2 } } : d,
    );
    await writeFile(path.join(dir, 'dispositions.json'), JSON.stringify({ schemaVersion: 1, set: old }));
    const store = await openStore({ dataDir: dir });
    const book = await openDispositionBook(store);
    expect(book.list()).toEqual(old);
    expect(store.problems).toEqual([]);
    expect(existsSync(path.join(dir, 'quarantine'))).toBe(false);
    await store.close();
  });

  it('tells the new set once it is on disk', async () => {
    const dir = tempDir();
    const store = await openStore({ dataDir: dir });
    const told: Disposition[][] = [];
    const onDisk: boolean[] = [];
    const book = await openDispositionBook(store, {
      onChange: (set) => {
        told.push(set);
        onDisk.push(readFileSync(path.join(dir, 'dispositions.json'), 'utf8').includes('Reprise chiffrée'));
      },
    });
    const next = [
      ...book.list(),
      { ...defaultDispositions[0]!, id: 'trade-in', labels: { fr: 'Reprise chiffrée', en: 'Trade-in quoted' } },
    ];
    const saved = await book.update(next);
    expect(told).toEqual([saved]);
    expect(onDisk).toEqual([true]);
    // Each listener gets its own copy: changing it changes nothing in the book.
    told[0]!.pop();
    expect(book.get('trade-in')).toBeDefined();
    await store.close();
  });
});

describe('internal do-not-call list', () => {
  it('answers at once, keeps numbers across restarts, and lists each number once', async () => {
    const dir = tempDir();
    let store = await openStore({ dataDir: dir });
    const list = await openDoNotCallList(store);
    const at = new Date('2026-03-10T09:00:00Z');
    const adding = list.add({ number: '+33612345678', reason: 'refused', leadId: 'L1', by: 'Julie' }, at);
    expect(list.has('+33612345678')).toBe(true); // before the write ends
    await adding;
    await list.add({ number: '+33612345678', reason: 'manual', by: 'Marc' }, at);
    expect(list.list()).toEqual([
      { number: '+33612345678', reason: 'refused', leadId: 'L1', by: 'Julie', addedAt: '2026-03-10T09:00:00.000Z' },
    ]);
    await expect(list.add({ number: '0612', reason: 'manual', by: 'x' }, at)).rejects.toThrow(/E\.164/);
    await store.close();
    store = await openStore({ dataDir: dir });
    const again = await openDoNotCallList(store);
    expect(again.has('+33612345678')).toBe(true);
    expect(await again.remove('+33612345678')).toBe(true);
    expect(await again.remove('+33612345678')).toBe(false);
    expect(again.has('+33612345678')).toBe(false);
    await store.close();
  });
});

describe('outcome log', () => {
  it('keeps the seller’s outcome per record, one document per month, and the last one wins', async () => {
    const dir = tempDir();
    let store = await openStore({ dataDir: dir });
    const log = openOutcomeLog(store);
    const march = newRecordId(Date.parse('2026-03-10T09:00:00Z'));
    const april = newRecordId(Date.parse('2026-04-02T09:00:00Z'));
    await log.set(march, { disposition: 'answered', at: '2026-03-10T09:05:00.000Z', by: 'Julie' });
    await log.set(march, {
      disposition: 'appointment-set',
      notes: 'RDV samedi',
      at: '2026-03-10T09:06:00.000Z',
      by: 'Julie',
    });
    await log.set(april, { disposition: 'busy', at: '2026-04-02T09:05:00.000Z', by: 'Julie' });
    expect(existsSync(path.join(dir, 'call-outcomes-2026-03.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'call-outcomes-2026-04.json'))).toBe(true);
    await store.close();
    store = await openStore({ dataDir: dir });
    const again = openOutcomeLog(store);
    expect(await again.get(march)).toEqual({
      disposition: 'appointment-set',
      notes: 'RDV samedi',
      at: '2026-03-10T09:06:00.000Z',
      by: 'Julie',
    });
    expect(await again.get(newRecordId(Date.parse('2026-05-01T00:00:00Z')))).toBeUndefined();
    await expect(again.get('not-an-id')).rejects.toThrow('not a call record id');
    await expect(again.set(april, { disposition: 'Bad Id', at: 'x', by: 'y' })).rejects.toThrow();
    await store.close();
  });
});
