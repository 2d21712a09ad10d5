// Walk5 #2 through core as the shells open it: after « Fusionner avec… », the calls of the lead
// merged away are the kept lead's (its timeline, the Appels rows' names and links), and the
// pages are told to read them again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/app-core';
import { callRecordId } from '../../../src/core/calls/record-id';
import { dispatch } from '../../../src/core/rpc/dispatch';
import type { CallRecord } from '../../../src/shared/domain/call-record';
import type { CallsPage } from '../../../src/shared/domain/dialer';
import type { Lead } from '../../../src/shared/domain/lead';
import { openTestCore } from '../support/test-core';
import { draft } from './helpers';

let open: Core | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('a merge in core', () => {
  it('moves the calls of the lead merged away onto the kept lead, and says so', async () => {
    const { core } = await openTestCore('relance-merge-calls-');
    open = core;
    const older = (await ok(
      dispatch(core.handlers, 'leads.create', {
        draft: draft({ first: 'Cédric', last: 'Barbé', tel: ['06 87 84 65 31'], stage: 'appointment' }),
      }),
    )) as Lead;
    const dup = (await ok(
      dispatch(core.handlers, 'leads.create', {
        draft: draft({ first: 'Cedric', last: 'Barbe', tel: ['06 04 01 24 25'] }),
      }),
    )) as Lead;
    const startedAt = '2026-11-20T09:00:00.000Z';
    const call: CallRecord = {
      id: callRecordId('walk5-2', Date.parse(startedAt)),
      v: 1,
      leadId: older.id,
      number: '+33687846531',
      direction: 'outbound',
      startedAt,
      answeredAt: '2026-11-20T09:00:10.000Z',
      endedAt: '2026-11-20T09:05:40.000Z',
      hangupSide: 'remote',
      sipStatus: 200,
    };
    await core.store.journal.appendMany([call]);
    const events: string[] = [];
    core.subscribe((event) => events.push(event));

    await ok(dispatch(core.handlers, 'leads.merge', { keepId: dup.id, otherId: older.id }));

    expect(events).toContain('calls.changed');
    const timeline = (await ok(
      dispatch(core.handlers, 'calls.list', { leadId: dup.id, offset: 0, limit: 100 }),
    )) as CallsPage;
    expect(timeline.items.map((r) => r.id)).toEqual([call.id]);
    const appels = (await ok(dispatch(core.handlers, 'calls.list', { offset: 0, limit: 100 }))) as CallsPage;
    expect(appels.items).toMatchObject([{ id: call.id, leadId: dup.id, leadName: 'Cédric Barbé' }]);
  });
});
