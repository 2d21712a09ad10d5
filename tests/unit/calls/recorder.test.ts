import { describe, expect, it } from 'vitest';
import { CallRecorder } from '../../../src/core/calls/call-recorder';
import { openOpenCalls } from '../../../src/core/calls/open-calls';
import { callRecordId } from '../../../src/core/calls/record-id';
import { idTime, openStore, type Store } from '../../../src/core/store';
import type { CallEvent } from '../../../src/shared/domain/call-event';
import { RECORD_ID_PATTERN } from '../../../src/shared/domain/call-record';
import { tempDir } from '../leads/helpers';

const at = (s: number) => new Date(Date.parse('2026-03-10T09:00:00Z') + s * 1000).toISOString();
const started = (callId: string, extra: Partial<Extract<CallEvent, { type: 'started' }>> = {}): CallEvent => ({
  type: 'started',
  callId,
  at: at(0),
  direction: 'outbound',
  number: '+33612345678',
  leadId: 'lead1',
  ...extra,
});
const ended = (callId: string, sipStatus?: number, s = 40): CallEvent => ({
  type: 'ended',
  callId,
  at: at(s),
  hangupSide: 'remote',
  ...(sipStatus ? { sipStatus } : {}),
});

async function open(dir = tempDir()) {
  const store = await openStore({ dataDir: dir });
  const recorder = new CallRecorder(await openOpenCalls(store), store.journal);
  return { store, recorder, dir };
}
const all = async (store: Store) => {
  const out = [];
  for await (const r of store.journal.scan()) out.push(r);
  return out;
};

describe('call record id', () => {
  it('is a journal id whose time is the call start, the same for the same call', () => {
    const t = Date.parse('2026-03-10T09:00:00Z');
    const id = callRecordId('call-1', t);
    expect(id).toMatch(RECORD_ID_PATTERN);
    expect(idTime(id)).toBe(t);
    expect(callRecordId('call-1', t)).toBe(id);
    expect(callRecordId('call-2', t)).not.toBe(id);
    expect(callRecordId('call-1', t + 1)).not.toBe(id);
    expect(() => callRecordId('x', -1)).toThrow('invalid start time');
  });
});

describe('call recorder', () => {
  it('turns an answered call into one durable record with every time, status, side and quality', async () => {
    const { store, recorder } = await open();
    await recorder.report(started('c1', { dialerSessionId: 'S1' }));
    await recorder.report({ type: 'ringing', callId: 'c1', at: at(2) });
    await recorder.report({ type: 'ringing', callId: 'c1', at: at(3) }); // 183 after 180: the first counts
    await recorder.report({ type: 'answered', callId: 'c1', at: at(9) });
    await recorder.report({ type: 'held', callId: 'c1', at: at(20) });
    const quality = { rttMs: 40, jitterMs: 3, lossPct: 0.5, mos: 4.2 };
    const result = await recorder.report({ ...ended('c1', 200), quality } as CallEvent);
    expect(result.record).toEqual({
      id: callRecordId('c1', Date.parse(at(0))),
      v: 1,
      leadId: 'lead1',
      number: '+33612345678',
      direction: 'outbound',
      startedAt: at(0),
      ringingAt: at(2),
      answeredAt: at(9),
      endedAt: at(40),
      sipStatus: 200,
      hangupSide: 'remote',
      quality,
      dialerSessionId: 'S1',
    });
    expect(await all(store)).toEqual([result.record]);
    await store.close();
  });

  it('sets the disposition SIP proves: busy, invalid number, and no answer after the ring timeout', async () => {
    const { store, recorder } = await open();
    await recorder.report(started('busy'));
    expect((await recorder.report(ended('busy', 486))).record?.disposition).toBe('busy');
    await recorder.report(started('gone'));
    expect((await recorder.report(ended('gone', 404))).record?.disposition).toBe('invalid-number');
    await recorder.report(started('timeout'));
    await recorder.report({ type: 'ringing', callId: 'timeout', at: at(1) });
    await recorder.markRingTimeout('timeout');
    expect((await recorder.report(ended('timeout', 487))).record?.disposition).toBe('no-answer');
    await recorder.report(started('cancel'));
    expect((await recorder.report(ended('cancel', 487))).record).not.toHaveProperty('disposition');
    await store.close();
  });

  it('an event sent again never makes a second record, also after a restart', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.recorder.report(started('c1'));
    await first.recorder.report(started('c1')); // resent
    await first.store.close();
    // Core restarted between `started` and `ended`: the start was kept on disk.
    const second = await open(dir);
    const { recordId, record } = await second.recorder.report(ended('c1', 486));
    expect(record).toBeDefined();
    const again = await second.recorder.report(ended('c1', 486));
    expect(again).toEqual({ recordId });
    expect(await second.recorder.report({ type: 'answered', callId: 'c1', at: at(50) })).toEqual({});
    expect(await all(second.store)).toHaveLength(1);
    // The softphone reuses the id later for a new call: that is a new record.
    await second.recorder.report(started('c1', { at: at(600) }));
    const next = await second.recorder.report(ended('c1', 486, 640));
    expect(next.recordId).not.toBe(recordId);
    expect(await all(second.store)).toHaveLength(2);
    await second.store.close();
  });

  it('refuses events of a call never started, as invalid (the softphone drops them)', async () => {
    const { store, recorder } = await open();
    await expect(recorder.report(ended('ghost'))).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'call ghost was never reported as started',
    });
    await expect(recorder.report({ type: 'answered', callId: 'ghost', at: at(1) })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await store.close();
  });
});
