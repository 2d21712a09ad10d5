import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../src/core/calling-rules';
import { FR_RULES, US_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import { codes, ctx, openRules } from './helpers';

const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toUTC().toISO()!;
const paris = (iso: string) => local(iso, 'Europe/Paris');
const NY = '+12125550123';
const usCtx = (now: string) =>
  ctx(now, { number: NY, consents: [], national: { numbers: [], asOf: '2026-07-01T00:00:00Z' } });

describe('FR preset: Monday to Friday, 10:00-13:00 and 14:00-20:00 in the callee’s zone', () => {
  // Wednesday 10 June 2026 (summer time) and Wednesday 9 December 2026 (winter time).
  it.each([
    ['09:59:59', false],
    ['10:00:00', true],
    ['12:59:59', true],
    ['13:00:00', false],
    ['13:30:00', false],
    ['13:59:59', false],
    ['14:00:00', true],
    ['19:59:59', true],
    ['20:00:00', false],
    ['21:00:00', false],
    ['00:00:00', false],
  ] as const)('%s local -> allowed %s (summer and winter)', (time, allowed) => {
    for (const date of ['2026-06-10', '2026-12-09']) {
      const v = checkCall(FR_RULES, ctx(paris(`${date}T${time}`)));
      expect(v.allowed).toBe(allowed);
      if (!allowed) expect(codes(v)).toEqual(['outside-window']);
    }
  });

  it('outside-window carries the local time seen and the day’s windows', () => {
    const v = checkCall(FR_RULES, ctx(paris('2026-06-10T13:30')));
    expect(!v.allowed && v.reasons[0]).toEqual({
      code: 'outside-window',
      zone: 'Europe/Paris',
      localTime: '13:30',
      weekday: 'wed',
      windows: [
        { start: '10:00', end: '13:00' },
        { start: '14:00', end: '20:00' },
      ],
    });
  });

  it.each([
    ['2026-06-13T11:00', 'sat'],
    ['2026-06-14T11:00', 'sun'],
  ])('%s is a weekend day', (time, weekday) => {
    const v = checkCall(FR_RULES, ctx(paris(time)));
    expect(!v.allowed && v.reasons).toEqual([
      { code: 'weekend', zone: 'Europe/Paris', localDate: time.slice(0, 10), weekday },
    ]);
  });

  it('the callee’s zone, not the dealership’s: 11:00 in Paris is 05:00 in Martinique', () => {
    const v = checkCall(FR_RULES, ctx(paris('2026-06-10T11:00'), { number: '+596696123456' }));
    expect(v.zone).toBe('America/Martinique');
    expect(!v.allowed && v.reasons[0]).toMatchObject({ code: 'outside-window', localTime: '05:00' });
    // 16:00 Paris = 10:00 Martinique (summer: 6 h apart).
    expect(checkCall(FR_RULES, ctx(paris('2026-06-10T16:00'), { number: '+596696123456' })).allowed).toBe(true);
  });
});

describe('US preset: 8:00-21:00 at the callee’s location, every day', () => {
  it.each([
    ['America/New_York', NY],
    ['America/Chicago', '+13125550123'],
    ['America/Denver', '+13035550123'],
    ['America/Phoenix', '+16025550123'],
    ['America/Los_Angeles', '+14155550123'],
    ['America/Anchorage', '+19075550123'],
    ['Pacific/Honolulu', '+18085550123'],
  ])('%s (%s): 07:59 no, 08:00 yes, 20:59 yes, 21:00 no, Sunday too', (zone, number) => {
    const c = (time: string) =>
      checkCall(US_RULES, {
        ...usCtx(local(`2026-07-12T${time}`, zone)),
        number,
      });
    expect(c('07:59').allowed).toBe(false);
    expect(c('08:00').allowed).toBe(true);
    expect(c('20:59').allowed).toBe(true);
    expect(codes(c('21:00'))).toEqual(['outside-window']);
    expect(c('08:00').zone).toBe(zone);
  });

  it('needs no consent for a live call', () => {
    expect(checkCall(US_RULES, usCtx(local('2026-07-13T12:00', 'America/New_York'))).allowed).toBe(true);
  });
});

describe('custom windows', () => {
  const rules: RuleSet = {
    ...openRules(),
    windows: {
      mon: [{ start: '09:00', end: '12:00' }],
      tue: [{ start: '09:00', end: '12:00' }],
      wed: [],
      thu: [{ start: '09:00', end: '12:00' }],
      fri: [{ start: '09:00', end: '12:00' }],
      sat: [{ start: '10:00', end: '12:00' }],
      sun: [],
    },
  };
  it('a weekday with no window is a closed day, not a weekend', () => {
    const v = checkCall(rules, ctx(paris('2026-06-10T10:00')));
    expect(!v.allowed && v.reasons[0]).toMatchObject({ code: 'day-closed', weekday: 'wed' });
  });
  it('a Saturday with a window is open', () => {
    expect(checkCall(rules, ctx(paris('2026-06-13T10:30'))).allowed).toBe(true);
  });
  it('an all-day window ends at 24:00 (23:59:59 allowed)', () => {
    expect(checkCall(openRules(), ctx(paris('2026-06-10T23:59:59'))).allowed).toBe(true);
  });
});
