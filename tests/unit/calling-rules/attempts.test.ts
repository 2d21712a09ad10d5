import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../src/core/calling-rules';
import { FR_RULES } from '../../../src/shared/domain/calling-rules';
import { codes, ctx, openRules } from './helpers';

// Times in UTC; Paris is UTC+2 in June, so 09:00Z is 11:00 local on weekdays.
const june = (day: number, time = '09:00:00') => `2026-06-${String(day).padStart(2, '0')}T${time}.000Z`;

describe('at most N attempts per rolling window of calendar days, per consumer', () => {
  const rules = openRules({ attemptLimits: [{ maxAttempts: 4, windowDays: 30 }] });

  it.each([
    { attempts: [], allowed: true },
    { attempts: [june(1), june(2), june(3)], allowed: true }, // the 4th call
    { attempts: [june(1), june(2), june(3), june(4)], allowed: false }, // the 5th
    { attempts: ['2026-05-01T09:00:00Z', june(2), june(3), june(4)], allowed: true }, // one is 30+ days old
    { attempts: ['2026-05-11T09:00:00Z', june(2), june(3), june(4)], allowed: true }, // exactly 30 days old: out
    { attempts: ['2026-05-11T09:00:01Z', june(2), june(3), june(4)], allowed: false },
  ])('$attempts.length attempts -> allowed $allowed (on 10 June)', ({ attempts, allowed }) => {
    expect(checkCall(rules, ctx(june(10), { attempts })).allowed).toBe(allowed);
  });

  it('says how many, the limit, the window and when it frees (oldest attempt + 30 calendar days)', () => {
    const v = checkCall(rules, ctx(june(10), { attempts: [june(4), june(1), june(3), june(2), june(5)] }));
    // Five in the window: two must leave before a call is allowed, the 2nd oldest (2 June) frees it.
    expect(!v.allowed && v.reasons).toEqual([
      { code: 'attempt-limit', count: 5, maxAttempts: 4, windowDays: 30, freesAt: '2026-07-02T09:00:00.000Z' },
    ]);
    expect(v.allowed || v.nextLegalAt?.toISOString()).toBe('2026-07-02T09:00:00.000Z');
  });

  it('the window edge: blocked 1 ms before the oldest attempt turns 30 days old, free at that instant', () => {
    const attempts = [june(1), june(2), june(3), june(4)];
    expect(checkCall(rules, ctx('2026-07-01T08:59:59.999Z', { attempts })).allowed).toBe(false);
    expect(checkCall(rules, ctx('2026-07-01T09:00:00.000Z', { attempts })).allowed).toBe(true);
  });

  it('calendar days in the callee’s zone: across the spring change the window is 29 days 23 hours', () => {
    const attempts = ['2026-03-10T09:00:00Z', '2026-03-11T09:00:00Z', '2026-03-12T09:00:00Z', '2026-03-13T09:00:00Z'];
    // 10 March 10:00 CET + 30 days = 9 April 10:00 CEST = 08:00Z.
    expect(checkCall(rules, ctx('2026-04-09T07:59:59Z', { attempts })).allowed).toBe(false);
    expect(checkCall(rules, ctx('2026-04-09T08:00:00Z', { attempts })).allowed).toBe(true);
  });

  it('an attempt dated after now (clock skew) still counts', () => {
    expect(codes(checkCall(rules, ctx(june(10), { attempts: [june(1), june(2), june(3), june(11)] })))).toEqual([
      'attempt-limit',
    ]);
  });

  it('several limits apply together (2 a day and 4 in 30 days)', () => {
    const both = openRules({
      attemptLimits: [
        { maxAttempts: 2, windowDays: 1 },
        { maxAttempts: 4, windowDays: 30 },
      ],
    });
    const v = checkCall(both, ctx(june(10, '15:00:00'), { attempts: [june(10, '08:00:00'), june(10, '12:00:00')] }));
    expect(!v.allowed && v.reasons[0]).toMatchObject({
      code: 'attempt-limit',
      windowDays: 1,
      freesAt: june(11, '08:00:00'),
    });
  });

  it('FR preset: the 5th attempt in 30 days waits for the window, then for a legal hour', () => {
    // Freed on Saturday 4 July 10:00 local -> next legal Monday 6 July 10:00 (08:00Z).
    const attempts = ['2026-06-04T08:00:00Z', '2026-06-05T08:00:00Z', '2026-06-08T08:00:00Z', '2026-06-09T08:00:00Z'];
    const v = checkCall(FR_RULES, ctx(june(10), { attempts }));
    expect(codes(v)).toEqual(['attempt-limit']);
    expect(!v.allowed && v.nextLegalAt?.toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });
});
