import { describe, expect, it } from 'vitest';
import { markVoicemailLeftVia } from '../../../src/core/voicemail';
import type { DialerView } from '../../../src/shared/domain/dialer';
import type { OutcomeInput } from '../../../src/shared/domain/disposition';
import { AppFailure } from '../../../src/shared/result';

const stats = { dialed: 1, connected: 1, contactRate: 1, appointments: 0, talkSeconds: 10, callsPerHour: 1 };

function fakeDialer(view: Partial<DialerView>, setOutcome: (recordId: string) => void = () => undefined) {
  const saved: OutcomeInput[] = [];
  const set: { recordId: string; disposition: string; unlessSellerChose?: boolean | undefined }[] = [];
  return {
    saved,
    set,
    dialer: {
      view: (): DialerView => ({ state: 'idle', stats, ...view }),
      saveOutcome: async (input: OutcomeInput) => {
        saved.push(input);
        return { state: 'wrap-up', stats } as DialerView;
      },
      setCallOutcome: async (input: OutcomeInput & { recordId: string; unlessSellerChose?: boolean }) => {
        setOutcome(input.recordId);
        set.push({
          recordId: input.recordId,
          disposition: input.disposition,
          unlessSellerChose: input.unlessSellerChose,
        });
        return {} as never;
      },
    },
  };
}

describe('"voicemail left" through the dialer', () => {
  it('is the wrap-up’s disposition when the session waits on that call', async () => {
    const f = fakeDialer({ state: 'wrap-up', sessionId: 'S1', recordId: 'R1', callId: 'c1' });
    expect(await markVoicemailLeftVia(f.dialer)({ recordId: 'R1', callId: 'c1', dialerSessionId: 'S1' })).toBe(
      'logged',
    );
    expect(f.saved).toEqual([{ disposition: 'voicemail-left' }]);
    expect(f.set).toEqual([]);
  });

  it('waits while the session is still on the call (its wrap-up comes after the record)', async () => {
    const f = fakeDialer({ state: 'connected', sessionId: 'S1', callId: 'c1' });
    expect(await markVoicemailLeftVia(f.dialer)({ recordId: 'R1', callId: 'c1', dialerSessionId: 'S1' })).toBe(
      'not-yet',
    );
    expect([f.saved, f.set]).toEqual([[], []]);
  });

  it('also waits when the call is recorded but the session has not reached its wrap-up yet', async () => {
    // The record is written before the dialer hears the call ended; a recorded call's lookup has no session id.
    const f = fakeDialer({ state: 'connected', sessionId: 'S1', callId: 'c1' });
    expect(await markVoicemailLeftVia(f.dialer)({ recordId: 'R1', callId: 'c1' })).toBe('not-yet');
    expect([f.saved, f.set]).toEqual([[], []]);
  });

  it('sets a saved call’s outcome otherwise, and waits while the record is not in the journal', async () => {
    const f = fakeDialer({ state: 'idle' });
    expect(await markVoicemailLeftVia(f.dialer)({ recordId: 'R2', callId: 'c2' })).toBe('logged');
    expect(f.set).toEqual([{ recordId: 'R2', disposition: 'voicemail-left', unlessSellerChose: true }]);

    const missing = fakeDialer({ state: 'idle' }, () => {
      throw new AppFailure('not-found', 'no call record R3', 'recordId');
    });
    expect(await markVoicemailLeftVia(missing.dialer)({ recordId: 'R3', callId: 'c3' })).toBe('not-yet');

    const refused = fakeDialer({ state: 'idle' }, () => {
      throw new AppFailure('invalid-request', 'unknown disposition "voicemail-left"');
    });
    await expect(markVoicemailLeftVia(refused.dialer)({ recordId: 'R4', callId: 'c4' })).rejects.toThrow(
      'unknown disposition',
    );
  });
});
