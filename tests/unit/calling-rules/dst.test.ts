import { describe, expect, it } from 'vitest';
import { checkCall, nextLegalTime } from '../../../src/core/calling-rules';
import { addCalendarDays, localTime, wallToInstant } from '../../../src/core/calling-rules/zone-time';
import { FR_RULES, US_RULES, type RuleSet } from '../../../src/shared/domain/calling-rules';
import { ctx, openRules } from './helpers';

// 2026 changes: Paris 29 March 02:00 CET -> 03:00 CEST, 25 October 03:00 CEST -> 02:00 CET;
// New York 8 March 02:00 EST -> 03:00 EDT, 1 November 02:00 EDT -> 01:00 EST.
const NY = '+12125550123';
const us = (now: string) =>
  checkCall(
    US_RULES,
    // A registry copy taken the day before.
    ctx(now, {
      number: NY,
      consents: [],
      national: { numbers: [], asOf: new Date(Date.parse(now) - 86_400_000).toISOString() },
    }),
  );

describe('offsets around the changes (FR and US presets)', () => {
  it.each([
    // Paris: 10:00 local is 09:00Z on Friday 27 March (CET) and 08:00Z on Monday 30 March (CEST).
    ['2026-03-27T08:59:59Z', false],
    ['2026-03-27T09:00:00Z', true],
    ['2026-03-30T07:59:59Z', false],
    ['2026-03-30T08:00:00Z', true],
    ['2026-03-30T17:59:59Z', true],
    ['2026-03-30T18:00:00Z', false],
    // Back to CET: Friday 23 October 10:00 = 08:00Z, Monday 26 October 10:00 = 09:00Z.
    ['2026-10-23T08:00:00Z', true],
    ['2026-10-26T08:30:00Z', false],
    ['2026-10-26T09:00:00Z', true],
    ['2026-10-26T18:59:59Z', true],
    ['2026-10-26T19:00:00Z', false],
  ])('Paris %s -> %s', (now, allowed) => {
    expect(checkCall(FR_RULES, ctx(now)).allowed).toBe(allowed);
  });

  it.each([
    ['2026-03-07T12:59:00Z', false], // 07:59 EST
    ['2026-03-07T13:00:00Z', true], // 08:00 EST
    ['2026-03-08T11:59:00Z', false], // 07:59 EDT, the day the clocks jump
    ['2026-03-08T12:00:00Z', true], // 08:00 EDT
    ['2026-03-09T00:59:00Z', true], // 20:59 EDT
    ['2026-03-09T01:00:00Z', false], // 21:00 EDT
    ['2026-10-31T12:00:00Z', true], // 08:00 EDT
    ['2026-11-01T12:59:00Z', false], // 07:59 EST, the day the clocks go back
    ['2026-11-01T13:00:00Z', true], // 08:00 EST
    ['2026-11-02T01:59:00Z', true], // 20:59 EST
    ['2026-11-02T02:00:00Z', false], // 21:00 EST
  ])('New York %s -> %s', (now, allowed) => {
    expect(us(now).allowed).toBe(allowed);
  });
});

describe('the spring-forward gap and the autumn repeated hour (custom windows inside them)', () => {
  const sundayOnly = (start: string, end: string): RuleSet =>
    openRules({
      windows: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ start, end }] },
    });

  it('Paris: a 02:00-02:30 window on 29 March never happens; the next is 5 April 02:00', () => {
    const rules = sundayOnly('02:00', '02:30');
    expect(checkCall(rules, ctx('2026-03-29T00:59:59Z')).allowed).toBe(false); // 01:59:59 CET
    expect(checkCall(rules, ctx('2026-03-29T01:00:00Z')).allowed).toBe(false); // 03:00 CEST
    expect(nextLegalTime(rules, ctx('2026-03-29T00:00:00Z'))).toEqual({
      status: 'at',
      at: new Date('2026-04-05T00:00:00Z'), // 02:00 CEST
    });
  });

  it('Paris: a 02:30-04:00 window opens the moment the clocks jump (03:00 CEST = 01:00Z)', () => {
    const rules = sundayOnly('02:30', '04:00');
    expect(nextLegalTime(rules, ctx('2026-03-28T23:00:00Z'))).toEqual({
      status: 'at',
      at: new Date('2026-03-29T01:00:00Z'),
    });
    expect(checkCall(rules, ctx('2026-03-29T01:59:59Z')).allowed).toBe(true); // 03:59:59 CEST
    expect(checkCall(rules, ctx('2026-03-29T02:00:00Z')).allowed).toBe(false); // 04:00 CEST
  });

  it('Paris: a 02:00-03:00 window on 25 October lasts two hours (02:xx happens twice)', () => {
    const rules = sundayOnly('02:00', '03:00');
    expect(checkCall(rules, ctx('2026-10-24T23:59:59Z')).allowed).toBe(false); // 01:59:59 CEST
    expect(checkCall(rules, ctx('2026-10-25T00:00:00Z')).allowed).toBe(true); // 02:00 CEST
    expect(checkCall(rules, ctx('2026-10-25T00:59:59Z')).allowed).toBe(true); // 02:59:59 CEST
    expect(checkCall(rules, ctx('2026-10-25T01:00:00Z')).allowed).toBe(true); // 02:00 CET
    expect(checkCall(rules, ctx('2026-10-25T01:59:59Z')).allowed).toBe(true); // 02:59:59 CET
    expect(checkCall(rules, ctx('2026-10-25T02:00:00Z')).allowed).toBe(false); // 03:00 CET
    // The next legal time is the first 02:00, not the second.
    expect(nextLegalTime(rules, ctx('2026-10-24T22:00:00Z'))).toEqual({
      status: 'at',
      at: new Date('2026-10-25T00:00:00Z'),
    });
  });

  it('New York: a 01:00-02:00 window on 1 November lasts two hours; 02:00-03:00 on 8 March never happens', () => {
    const nyCtx = (now: string) => ctx(now, { number: NY });
    const autumn = sundayOnly('01:00', '02:00');
    expect(checkCall(autumn, nyCtx('2026-11-01T05:00:00Z')).allowed).toBe(true); // 01:00 EDT
    expect(checkCall(autumn, nyCtx('2026-11-01T06:30:00Z')).allowed).toBe(true); // 01:30 EST
    expect(checkCall(autumn, nyCtx('2026-11-01T07:00:00Z')).allowed).toBe(false); // 02:00 EST
    const spring = sundayOnly('02:00', '03:00');
    expect(checkCall(spring, nyCtx('2026-03-08T06:59:59Z')).allowed).toBe(false); // 01:59:59 EST
    expect(checkCall(spring, nyCtx('2026-03-08T07:00:00Z')).allowed).toBe(false); // 03:00 EDT
    expect(nextLegalTime(spring, nyCtx('2026-03-08T05:00:00Z'))).toEqual({
      status: 'at',
      at: new Date('2026-03-15T06:00:00Z'), // 02:00 EDT a week later
    });
  });
});

describe('zone arithmetic', () => {
  it.each([
    // [zone, wall time read as UTC, expected instant]
    ['Europe/Paris', '2026-03-29T02:30:00Z', '2026-03-29T01:00:00.000Z'], // gap: the jump
    ['Europe/Paris', '2026-10-25T02:30:00Z', '2026-10-25T00:30:00.000Z'], // repeated: the first
    ['Europe/Paris', '2026-07-01T10:00:00Z', '2026-07-01T08:00:00.000Z'],
    ['America/New_York', '2026-03-08T02:15:00Z', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01T01:30:00Z', '2026-11-01T05:30:00.000Z'],
    ['Asia/Kathmandu', '2026-07-01T10:00:00Z', '2026-07-01T04:15:00.000Z'], // +05:45
    ['Australia/Lord_Howe', '2026-10-04T02:15:00Z', '2026-10-03T15:30:00.000Z'], // 30-minute jump at 02:00
  ])('%s wall %s -> %s', (zone, wall, expected) => {
    expect(new Date(wallToInstant(zone, Date.parse(wall))).toISOString()).toBe(expected);
  });

  it('30 calendar days across the spring change is 29 days 23 hours in Paris', () => {
    const from = Date.parse('2026-03-10T09:00:00Z'); // 10:00 CET
    expect(new Date(addCalendarDays('Europe/Paris', from, 30)).toISOString()).toBe('2026-04-09T08:00:00.000Z');
  });

  it('local time reads weekday and seconds of the day', () => {
    const lt = localTime('America/New_York', Date.parse('2026-11-01T06:30:15Z'));
    expect([lt.weekday, lt.secondOfDay]).toEqual([6, 3600 + 30 * 60 + 15]);
  });
});
