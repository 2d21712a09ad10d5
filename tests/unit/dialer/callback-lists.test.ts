import { describe, expect, it } from 'vitest';
import { openCallbackLists } from '../../../src/core/dialer/callback-lists';
import { openStore } from '../../../src/core/store';
import type { CallbackEntry, CallbackList } from '../../../src/shared/domain/callback-list';
import { tempDir } from '../store/helpers';

const at = '2026-03-02T09:00:00.000Z';
const list = (id: string): CallbackList => ({
  id,
  name: `Liste ${id}`,
  source: { kind: 'selection', leadIds: ['lead-1'] },
  scope: 'anyone',
  createdBy: 'Julie',
  createdAt: at,
  updatedAt: at,
});
const entry = (listId: string, leadId: string, extra: Partial<CallbackEntry> = {}): CallbackEntry => ({
  id: `${listId}~${leadId}`,
  listId,
  leadId,
  priority: 0,
  scope: 'anyone',
  status: 'to-call',
  attempts: 0,
  addedAt: at,
  ...extra,
});

describe('callback lists', () => {
  it('show each list’s entries as last written, at once and after a reopen', async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir });
    const lists = await openCallbackLists(store);
    await lists.create(list('a'), [entry('a', 'lead-1'), entry('a', 'lead-2'), entry('a', 'lead-3')]);
    await lists.create(list('b'), [entry('b', 'lead-1')]);

    const claimed = lists.put([entry('a', 'lead-2', { status: 'calling', sessionId: 's1' })]);
    // The picker reads the list right after claiming, before the write is on disk.
    expect(lists.entries('a').map((e) => [e.leadId, e.status])).toEqual([
      ['lead-1', 'to-call'],
      ['lead-2', 'calling'],
      ['lead-3', 'to-call'],
    ]);
    await claimed;
    expect(lists.progress('a')).toEqual({ total: 3, toCall: 2, calling: 1, done: 0, skipped: 0 });
    expect(lists.entries('b').map((e) => e.leadId)).toEqual(['lead-1']);

    await lists.remove(['a~lead-1']);
    expect(lists.entries('a').map((e) => e.leadId)).toEqual(['lead-2', 'lead-3']);
    await lists.delete('b');
    expect(lists.entries('b')).toEqual([]);
    await store.close();

    const again = await openCallbackLists(await openStore({ dataDir }));
    // In the collection's order after a reopen: the picker orders entries itself.
    const reopened = again.entries('a').map((e) => [e.leadId, e.status]);
    expect(reopened.sort()).toEqual([
      ['lead-2', 'calling'],
      ['lead-3', 'to-call'],
    ]);
    expect(again.entries('b')).toEqual([]);
  });

  it('leaves a list as it was when the store refuses a write', async () => {
    const store = await openStore({ dataDir: tempDir() });
    const lists = await openCallbackLists(store);
    await lists.create(list('a'), [entry('a', 'lead-1')]);
    const refused = lists.put([entry('a', 'lead-1', { status: 'done' }), { ...entry('a', 'lead-2'), id: '' }]);
    await expect(refused).rejects.toThrow(/id/);
    expect(lists.entries('a').map((e) => e.status)).toEqual(['to-call']);
    expect(lists.entry('a~lead-1')?.status).toBe('to-call');
    await store.close();
  });
});
