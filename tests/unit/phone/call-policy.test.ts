import { describe, expect, it } from 'vitest';
import {
  callsToHold,
  canPlaceCall,
  decideIncoming,
  isMissed,
  isWaiting,
  ringtoneFor,
} from '../../../src/renderer/phone/engine/call-policy';

describe('incoming call policy', () => {
  it('rings when free, rings softly while another call holds a line, busy beyond the lines', () => {
    expect(decideIncoming(0, 2)).toEqual({ action: 'ring' });
    expect(decideIncoming(1, 2)).toEqual({ action: 'waiting' });
    expect(decideIncoming(2, 2)).toEqual({ action: 'busy' });
    expect(decideIncoming(0, 1)).toEqual({ action: 'ring' });
    expect(decideIncoming(1, 1)).toEqual({ action: 'busy' });
  });

  it('gives one call-waiting prompt for a flood of 20 INVITEs and 486 for the rest', () => {
    let live = 1;
    const decisions = Array.from({ length: 20 }, () => {
      const d = decideIncoming(live, 2);
      if (d.action !== 'busy') live++;
      return d.action;
    });
    expect(decisions.filter((d) => d === 'waiting')).toHaveLength(1);
    expect(decisions.filter((d) => d === 'busy')).toHaveLength(19);
  });

  it('refuses a bad line count', () => {
    expect(() => decideIncoming(0, 0)).toThrow(/maxLines must be at least 1/);
  });

  it('refuses an outbound call when every line is taken', () => {
    expect(canPlaceCall(1, 2)).toEqual({ ok: true });
    expect(canPlaceCall(2, 2)).toEqual({ ok: false, error: 'all 2 lines are in use: end or transfer a call first' });
    expect(canPlaceCall(1, 1)).toEqual({ ok: false, error: 'all 1 line is in use: end or transfer a call first' });
  });
});

describe('call waiting', () => {
  const calls = [
    { id: 'a', state: 'active' as const },
    { id: 'b', state: 'incoming' as const },
    { id: 'c', state: 'held' as const },
  ];

  it('holds only the calls that are talking', () => {
    expect(callsToHold(calls, 'b')).toEqual(['a']);
    expect(callsToHold(calls, 'a')).toEqual([]);
  });

  it('makes a ringing call wait while another call is up, and ring normally once alone', () => {
    expect(isWaiting({ id: 'b' }, calls)).toBe(true);
    expect(
      isWaiting({ id: 'b' }, [
        { id: 'b', state: 'incoming' },
        { id: 'x', state: 'ended' },
      ]),
    ).toBe(false);
    expect(
      isWaiting({ id: 'b' }, [
        { id: 'b', state: 'incoming' },
        { id: 'y', state: 'incoming' },
      ]),
    ).toBe(false);
  });

  it('plays a full ring, the soft tone, or nothing', () => {
    expect(ringtoneFor([])).toBe('off');
    expect(ringtoneFor([{ state: 'active', waiting: false }])).toBe('off');
    expect(ringtoneFor([{ state: 'incoming', waiting: true }])).toBe('soft');
    expect(
      ringtoneFor([
        { state: 'incoming', waiting: true },
        { state: 'incoming', waiting: false },
      ]),
    ).toBe('ring');
  });
});

describe('missed calls', () => {
  const base = { direction: 'inbound' as const, state: 'ended' as const, answered: false, declinedBySeller: false };
  it('counts unanswered inbound calls, not answered, declined or outbound ones', () => {
    expect(isMissed(base)).toBe(true);
    expect(isMissed({ ...base, answered: true })).toBe(false);
    expect(isMissed({ ...base, declinedBySeller: true })).toBe(false);
    expect(isMissed({ ...base, direction: 'outbound' })).toBe(false);
    expect(isMissed({ ...base, state: 'incoming' })).toBe(false);
  });
});
