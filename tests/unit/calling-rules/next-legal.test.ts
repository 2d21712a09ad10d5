import { describe, expect, it } from 'vitest';
import { checkCall, nextLegalTime } from '../../../src/core/calling-rules';
import { FR_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import { consent, ctx, openRules } from './helpers';

describe('the next legal time (FR preset, Paris)', () => {
  it.each([
    // [now (UTC), next legal (UTC), why]
    ['2026-06-10T09:00:00Z', '2026-06-10T09:00:00Z', 'allowed now'],
    ['2026-06-10T06:00:00Z', '2026-06-10T08:00:00Z', '08:00 local -> 10:00 the same day'],
    ['2026-06-10T11:30:00Z', '2026-06-10T12:00:00Z', 'the lunch break -> 14:00'],
    ['2026-06-10T18:00:00Z', '2026-06-11T08:00:00Z', '20:00 -> tomorrow 10:00'],
    ['2026-06-12T18:30:00Z', '2026-06-15T08:00:00Z', 'Friday evening -> Monday 10:00'],
    ['2026-06-13T09:00:00Z', '2026-06-15T08:00:00Z', 'Saturday -> Monday'],
    ['2026-05-13T19:00:00Z', '2026-05-15T08:00:00Z', 'Wednesday evening before Ascension -> Friday'],
    ['2026-05-22T18:30:00Z', '2026-05-26T08:00:00Z', 'Friday before Whit Monday -> Tuesday'],
    ['2026-12-24T19:00:00Z', '2026-12-28T09:00:00Z', 'Christmas Eve evening -> Monday 28 (winter time)'],
    ['2026-03-27T19:30:00Z', '2026-03-30T08:00:00Z', 'Friday before the spring change -> Monday 10:00 CEST'],
    ['2026-10-23T18:30:00Z', '2026-10-26T09:00:00Z', 'Friday before the autumn change -> Monday 10:00 CET'],
  ])('%s -> %s (%s)', (now, expected) => {
    const next = nextLegalTime(FR_RULES, ctx(now));
    expect(next.status === 'now' || next.status === 'at' ? next.at.toISOString() : next).toBe(
      new Date(expected).toISOString(),
    );
    const v = checkCall(FR_RULES, ctx(now));
    if (!v.allowed) expect(v.nextLegalAt?.toISOString()).toBe(new Date(expected).toISOString());
  });

  it('the time found is itself allowed, and one second before it is not', () => {
    for (const now of ['2026-06-12T18:30:00Z', '2026-05-13T19:00:00Z', '2026-12-24T19:00:00Z']) {
      const at = (nextLegalTime(FR_RULES, ctx(now)) as { at: Date }).at;
      expect(checkCall(FR_RULES, ctx(at.toISOString())).allowed).toBe(true);
      expect(checkCall(FR_RULES, ctx(new Date(at.getTime() - 1000).toISOString())).allowed).toBe(false);
    }
  });

  it('a callee in two zones: the first instant legal in both', () => {
    // French mobile with a Martinique address: 10:00-13:00/14:00-20:00 in Paris and in Martinique (6 h behind).
    const o = { address: { postalCode: '97200', country: 'FR' as const } };
    const next = nextLegalTime(FR_RULES, ctx('2026-06-10T06:00:00Z', o));
    // 14:00 Martinique = 18:00Z = 20:00 Paris (closed); 10:00 Martinique = 14:00Z = 16:00 Paris: both open.
    expect(next).toEqual({ status: 'at', at: new Date('2026-06-10T14:00:00Z') });
  });
});

describe('a bounded search', () => {
  const closed: RuleSet = openRules({
    windows: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  });

  it('a set with no window at all answers "beyond the horizon", it never loops', () => {
    const next = nextLegalTime(closed, ctx('2026-06-10T09:00:00Z'));
    expect(next).toEqual({
      status: 'beyond-horizon',
      horizonDays: 60,
      searchedUntil: new Date('2026-08-09T09:00:00Z'),
    });
    const v = checkCall(closed, ctx('2026-06-10T09:00:00Z'));
    expect(!v.allowed && v.nextLegalAt).toBeUndefined();
  });

  it('a window that only opens after the horizon is not found', () => {
    const rules = openRules({
      nextLegalHorizonDays: 5,
      holidays: {
        country: 'FR',
        regionFromCallee: false,
        types: ['public'],
        extraDates: ['10', '11', '12', '13', '14', '15', '16'].map((d) => ({ date: `2026-06-${d}`, name: 'Fermé' })),
        ignoredDates: [],
      },
    });
    expect(nextLegalTime(rules, ctx('2026-06-10T09:00:00Z')).status).toBe('beyond-horizon');
    expect(nextLegalTime({ ...rules, nextLegalHorizonDays: 10 }, ctx('2026-06-10T09:00:00Z'))).toEqual({
      status: 'at',
      at: new Date('2026-06-16T22:00:00Z'), // 17 June 00:00 in Paris
    });
  });

  it('an attempt limit that frees after the horizon is beyond it', () => {
    const rules = openRules({ attemptLimits: [{ maxAttempts: 1, windowDays: 90 }] });
    expect(nextLegalTime(rules, ctx('2026-06-10T09:00:00Z', { attempts: ['2026-06-09T09:00:00Z'] })).status).toBe(
      'beyond-horizon',
    );
  });

  it('no consent: waiting lifts nothing', () => {
    expect(nextLegalTime(FR_RULES, ctx('2026-06-13T09:00:00Z', { consents: [] }))).toEqual({
      status: 'not-by-waiting',
    });
  });

  it('allowed now: status now', () => {
    expect(nextLegalTime(FR_RULES, ctx('2026-06-10T09:00:00Z', { consents: [consent()] }))).toEqual({
      status: 'now',
      at: new Date('2026-06-10T09:00:00Z'),
    });
  });
});
