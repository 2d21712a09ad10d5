import { describe, expect, it } from 'vitest';
import { callClock, formatDuration, registrationTone, talkingCall } from '../../../../src/renderer/phone/call-format';
import type { PhoneCall } from '../../../../src/renderer/phone/engine/types';

const call = (over: Partial<PhoneCall>): PhoneCall => ({
  id: 'c',
  direction: 'outbound',
  number: '+33612345678',
  state: 'active',
  startedAt: 1_000,
  muted: false,
  waiting: false,
  ...over,
});

describe('call display', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [7_000, '0:07'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('formats %i ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('counts talk time from the answer, ringing time before it, and stops at the end', () => {
    expect(callClock(call({ state: 'ringing' }), 6_000)).toBe(5_000);
    expect(callClock(call({ answeredAt: 3_000 }), 6_000)).toBe(3_000);
    expect(callClock(call({ answeredAt: 3_000, endedAt: 4_000, state: 'ended' }), 60_000)).toBe(1_000);
  });

  it('sends keypad digits to the active call, not to a held or ringing one', () => {
    const held = call({ id: 'held', state: 'held' });
    const ringing = call({ id: 'ring', direction: 'inbound', state: 'incoming', waiting: true });
    const active = call({ id: 'talk', state: 'active' });
    expect(talkingCall([held, ringing])).toBeUndefined();
    expect(talkingCall([held, ringing, active])?.id).toBe('talk');
  });

  it('shows reconnecting as busy and a failure as a problem', () => {
    expect(registrationTone({ kind: 'registered', since: 0 })).toBe('ok');
    expect(registrationTone({ kind: 'reconnecting', attempt: 2, retryAt: 0, lastError: 'closed' })).toBe('busy');
    expect(registrationTone({ kind: 'failed', reason: 'unauthorized', code: 403, detail: '' })).toBe('problem');
    expect(registrationTone({ kind: 'unconfigured' })).toBe('off');
  });
});
