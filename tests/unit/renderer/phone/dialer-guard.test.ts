import { describe, expect, it } from 'vitest';
import { callInTheWay, phoneNotReady } from '../../../../src/renderer/phone/dialer-guard';
import type { CallState } from '../../../../src/renderer/phone/engine/types';

const call = (state: CallState) => ({ state, number: '+33612345678' });

describe('callInTheWay', () => {
  it('lets the dialer call when the phone is free or only shows ended calls', () => {
    expect(callInTheWay([])).toBeUndefined();
    expect(callInTheWay([call('ended'), call('ended')])).toBeUndefined();
  });

  it('stops it while any other call rings, is on the line or on hold', () => {
    for (const state of [
      'dialing',
      'ringing',
      'incoming',
      'connecting',
      'active',
      'holding',
      'held',
      'resuming',
    ] as const)
      expect(callInTheWay([call('ended'), call(state)])).toBe(state);
  });
});

describe('phoneNotReady', () => {
  it('says no account when none is set up, not registered for every other state but registered', () => {
    expect(phoneNotReady({ kind: 'registered' })).toBeUndefined();
    expect(phoneNotReady({ kind: 'unconfigured' })).toBe('noAccount');
    for (const kind of ['connecting', 'reconnecting', 'failed', 'unregistered'] as const)
      expect(phoneNotReady({ kind })).toBe('notRegistered');
  });
});
