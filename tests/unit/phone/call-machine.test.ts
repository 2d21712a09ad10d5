import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  isConnected,
  isLive,
  isOnHoldLocally,
  transition,
  type CallMachineEvent,
} from '../../../src/renderer/phone/engine/call-machine';
import type { CallState } from '../../../src/renderer/phone/engine/types';

const STATES: CallState[] = [
  'dialing',
  'ringing',
  'incoming',
  'connecting',
  'active',
  'holding',
  'held',
  'resuming',
  'ended',
];
const EVENTS: CallMachineEvent[] = [
  'progress',
  'answer',
  'established',
  'hold',
  'hold-ok',
  'hold-failed',
  'resume',
  'resume-ok',
  'resume-failed',
  'end',
];

function run(from: CallState, ...events: CallMachineEvent[]): CallState {
  let s = from;
  for (const e of events) {
    const r = transition(s, e);
    if (!r.ok) throw new Error(r.error);
    s = r.state;
  }
  return s;
}

describe('call state machine', () => {
  it('walks an outbound call: dialing, ringing, active, ended', () => {
    expect(run('dialing', 'progress', 'progress', 'established', 'end')).toBe('ended');
    expect(run('dialing', 'established')).toBe('active');
  });

  it('walks an inbound call: incoming, connecting (answered), active', () => {
    expect(run('incoming', 'answer', 'established')).toBe('active');
    expect(run('incoming', 'end')).toBe('ended');
  });

  it('is held only after the hold is confirmed, and a refused hold returns to active', () => {
    expect(run('active', 'hold')).toBe('holding');
    expect(run('active', 'hold', 'hold-ok')).toBe('held');
    expect(run('active', 'hold', 'hold-failed')).toBe('active');
    expect(run('held', 'resume', 'resume-ok')).toBe('active');
    expect(run('held', 'resume', 'resume-failed')).toBe('held');
  });

  it('rejects invalid transitions explicitly, in words', () => {
    expect(transition('incoming', 'hold')).toEqual({ ok: false, error: 'cannot hold a call that is incoming' });
    expect(transition('holding', 'hold')).toEqual({ ok: false, error: 'cannot hold a call that is holding' });
    expect(transition('active', 'answer')).toEqual({ ok: false, error: 'cannot answer a call that is active' });
    expect(transition('ended', 'end')).toEqual({ ok: false, error: 'cannot end a call that is ended' });
    expect(transition('held', 'hold-ok').ok).toBe(false);
    expect(transition('dialing', 'answer').ok).toBe(false);
  });

  it('lets every live state end, and nothing leave ended', () => {
    for (const s of STATES) {
      const r = transition(s, 'end');
      if (s === 'ended') expect(r.ok).toBe(false);
      else expect(r).toEqual({ ok: true, state: 'ended' });
    }
    expect(allowedEvents('ended')).toEqual([]);
  });

  it('has an answer for every (state, event) pair and lists what is allowed', () => {
    for (const s of STATES) {
      for (const e of EVENTS) {
        const r = transition(s, e);
        expect(r.ok).toBe(allowedEvents(s).includes(e));
      }
    }
  });

  it('classifies states for the engine', () => {
    expect(STATES.filter(isLive)).not.toContain('ended');
    expect(STATES.filter(isConnected)).toEqual(['active', 'holding', 'held', 'resuming']);
    expect(STATES.filter(isOnHoldLocally)).toEqual(['holding', 'held', 'resuming']);
  });
});
