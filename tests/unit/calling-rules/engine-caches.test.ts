import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCall, isCallableNow, resolveCalleeZone } from '../../../src/core/calling-rules';
import { isE164, placesFromAddress, placesFromNumber } from '../../../src/core/calling-rules/callee-zone';
import {
  civilOfEpochDay,
  isoDateOfEpochDay,
  isoOfInstant,
  localTime,
  parseInstant,
} from '../../../src/core/calling-rules/zone-time';
import { FR_RULES, US_RULES } from '../../../src/shared/domain/calling-rules';
import { codes, ctx, openRules } from './helpers';

// The engine remembers callees by value, time answers per callee and instant, zone offsets per
// day, and the last rule set and dealership zone. Each test asks questions that share some of those
// keys and differ in another, in an order where a stale answer would show.

const GOOD_FRIDAY_11 = '2026-04-03T09:00:00.000Z'; // Alsace-Moselle only
const WEDNESDAY_11 = '2026-06-10T09:00:00.000Z';
const SATURDAY_11 = '2026-06-13T09:00:00.000Z';
const NY = '+12125550123';

describe('callee zones are remembered by value, never across different inputs', () => {
  it('the same number with different addresses, back and forth', () => {
    const strasbourg = { postalCode: '67000', country: 'FR' };
    const paris = { postalCode: '75001', country: 'FR' };
    for (let round = 0; round < 2; round++) {
      expect(codes(checkCall(FR_RULES, ctx(GOOD_FRIDAY_11, { address: strasbourg })))).toEqual(['holiday']);
      expect(checkCall(FR_RULES, ctx(GOOD_FRIDAY_11, { address: paris })).allowed).toBe(true);
      expect(isCallableNow(FR_RULES, ctx(GOOD_FRIDAY_11, { address: { ...strasbourg } }))).toBe(false);
      expect(isCallableNow(FR_RULES, ctx(GOOD_FRIDAY_11))).toBe(true);
    }
  });

  it('the same New York number with no address, then a California address, then none again', () => {
    const alone = resolveCalleeZone(NY, undefined, 'Europe/Paris');
    const moved = resolveCalleeZone(NY, { postalCode: '94105', country: 'US' }, 'Europe/Paris');
    expect(alone.zones).toEqual(['America/New_York']);
    expect(moved.zones).toEqual(['America/Los_Angeles', 'America/New_York']);
    expect(resolveCalleeZone(NY, undefined, 'Europe/Paris')).toBe(alone);
    // 08:30 in New York, 05:30 in California: only the number alone allows it.
    const at = '2026-06-10T12:30:00.000Z';
    const national = { numbers: [], asOf: '2026-06-01T00:00:00.000Z' };
    const consents = [
      { id: 'c', number: NY, givenAt: '2025-01-01T00:00:00.000Z', channel: 'web-form' as const, wording: 'oui' },
    ];
    const lead = (address?: { postalCode: string; country: string }) =>
      ctx(at, { number: NY, consents, national, ...(address ? { address } : {}) });
    expect(checkCall(US_RULES, lead()).allowed).toBe(true);
    expect(codes(checkCall(US_RULES, lead({ postalCode: '94105', country: 'US' })))).toEqual(['outside-window']);
    expect(isCallableNow(US_RULES, lead())).toBe(true);
  });

  it('an address without a country is read by the number’s country, so the pair is the key', () => {
    const address = { postalCode: '10001' };
    expect(resolveCalleeZone('+33612345678', address, 'UTC').places[0]).toMatchObject({ country: 'FR' });
    expect(resolveCalleeZone(NY, address, 'UTC').places[0]).toMatchObject({ country: 'US', subdivision: 'NY' });
    expect(resolveCalleeZone('+33612345678', address, 'UTC').places[0]).toMatchObject({ country: 'FR' });
  });

  it('equal address values give the same places; different regions do not', () => {
    const a = placesFromAddress({ postalCode: ' 67000', country: 'FR' }, undefined);
    expect(placesFromAddress({ postalCode: ' 67000', country: 'FR' }, undefined)).toBe(a);
    expect(placesFromAddress({ country: 'US', regionCode: 'CA' }, undefined)).toEqual([
      { zone: 'America/Los_Angeles', country: 'US', subdivision: 'CA' },
    ]);
    expect(placesFromAddress({ country: 'US', regionCode: 'NY' }, undefined)).toEqual([
      { zone: 'America/New_York', country: 'US', subdivision: 'NY' },
    ]);
  });

  it('an unknown callee falls back to each context’s own dealership zone', () => {
    const number = '+99912345678';
    expect(resolveCalleeZone(number, undefined, 'Europe/Paris').zone).toBe('Europe/Paris');
    expect(resolveCalleeZone(number, undefined, 'America/Chicago').zone).toBe('America/Chicago');
  });

  it('stays right after more distinct addresses than the memo keeps', () => {
    const strasbourg = { postalCode: '67000', country: 'FR' };
    const before = resolveCalleeZone('+33612345678', strasbourg, 'UTC');
    for (let i = 0; i < 100_050; i++) placesFromAddress({ postalCode: `X${i}`, country: 'US' }, undefined);
    const after = resolveCalleeZone('+33612345678', strasbourg, 'UTC');
    expect(after).toEqual(before);
    expect(codes(checkCall(FR_RULES, ctx(GOOD_FRIDAY_11, { address: strasbourg })))).toEqual(['holiday']);
  });

  it('reads number prefixes longest first, and E.164 the way the pattern does', () => {
    expect(placesFromNumber('+33596123456')?.[0]?.country).toBe('MQ');
    expect(placesFromNumber('+33612345678')?.[0]?.country).toBe('FR');
    expect(placesFromNumber('+2627093123456')?.[0]?.country).toBe('YT');
    expect(placesFromNumber('+1999555012')).toBeUndefined();
    expect(placesFromNumber('+1a12555012')).toBeUndefined();
    expect(placesFromNumber('+7912345678')).toBeUndefined();
    const pattern = /^\+[1-9]\d{6,14}$/;
    for (const n of [
      '+1234567',
      '+123456',
      '+123456789012345',
      '+1234567890123456',
      '+0123456789',
      '33612345678',
      '+3361234567a',
      '',
      '+',
    ])
      expect(isE164(n), n).toBe(pattern.test(n));
  });
});

describe('time answers are per callee and instant', () => {
  it('the same callee on a weekday, a Saturday, then the weekday again', () => {
    for (const [at, allowed] of [
      [WEDNESDAY_11, true],
      [SATURDAY_11, false],
      [WEDNESDAY_11, true],
      ['2026-06-10T10:59:59.999Z', true], // 12:59:59.999
      ['2026-06-10T11:00:00.000Z', false], // 13:00, lunch
      ['2026-06-10T10:59:59.999Z', true],
    ] as const) {
      expect(isCallableNow(FR_RULES, ctx(at)), at).toBe(allowed);
      expect(checkCall(FR_RULES, ctx(at)).allowed, at).toBe(allowed);
    }
  });

  it('each verdict owns its reasons: changing one changes no later verdict', () => {
    const first = checkCall(FR_RULES, ctx(SATURDAY_11));
    if (first.allowed) throw new Error('Saturday must be closed');
    const again = checkCall(FR_RULES, ctx(SATURDAY_11));
    if (again.allowed) throw new Error('Saturday must be closed');
    expect(again.reasons).toEqual(first.reasons);
    expect(again.reasons[0]).not.toBe(first.reasons[0]);
    const lunch = checkCall(FR_RULES, ctx('2026-06-10T11:30:00.000Z'));
    if (lunch.allowed || lunch.reasons[0]?.code !== 'outside-window') throw new Error('13:30 must be outside');
    lunch.reasons[0].windows.push({ start: '13:00', end: '14:00' });
    lunch.reasons[0].windows[0]!.start = '00:00';
    const later = checkCall(FR_RULES, ctx('2026-06-10T11:30:00.000Z'));
    expect(later.allowed ? [] : later.reasons[0]).toMatchObject({
      windows: [
        { start: '10:00', end: '13:00' },
        { start: '14:00', end: '20:00' },
      ],
    });
    expect(FR_RULES.windows.wed[0]!.start).toBe('10:00');
  });

  it('the next legal time of one lead is not another’s with the same callee and instant', () => {
    const night = '2026-06-13T21:00:00.000Z'; // Saturday 23:00
    const plain = checkCall(FR_RULES, ctx(night));
    // Four attempts in 30 days: the oldest turns 30 days old on Monday 15 June, 12:00Z (14:00 Paris).
    const busy = checkCall(
      FR_RULES,
      ctx(night, {
        attempts: ['2026-05-16T12:00:00Z', '2026-06-01T09:00:00Z', '2026-06-02T09:00:00Z', '2026-06-03T09:00:00Z'],
      }),
    );
    const plainAgain = checkCall(FR_RULES, ctx(night));
    expect(plain.allowed || plain.nextLegalAt?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
    expect(busy.allowed || busy.nextLegalAt?.toISOString()).toBe('2026-06-15T12:00:00.000Z');
    expect(plainAgain.allowed || plainAgain.nextLegalAt?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
  });
});

describe('the last rule set and dealership zone asked are not taken for others', () => {
  it('alternating rule sets', () => {
    const open = openRules();
    for (let i = 0; i < 2; i++) {
      expect(isCallableNow(open, ctx(SATURDAY_11))).toBe(true);
      expect(isCallableNow(FR_RULES, ctx(SATURDAY_11))).toBe(false);
    }
  });

  it('an invalid dealership zone right after a valid one', () => {
    expect(isCallableNow(FR_RULES, ctx(WEDNESDAY_11))).toBe(true);
    expect(() => isCallableNow(FR_RULES, ctx(WEDNESDAY_11, { dealershipZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => checkCall(FR_RULES, ctx(WEDNESDAY_11, { dealershipZone: 'Mars/Olympus' }))).toThrow(/IANA/);
  });
});

describe('zone offsets remembered per day agree with luxon across the clock changes', () => {
  const zones = ['America/New_York', 'Europe/Paris', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kolkata'];
  const days = ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05'];

  it.each(days)('every 7 minutes around %s, zones interleaved', (day) => {
    const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
    for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000) {
      for (const zone of zones) {
        const dt = DateTime.fromMillis(ms, { zone });
        const lt = localTime(zone, ms);
        expect(lt.secondOfDay, `${zone} ${new Date(ms).toISOString()}`).toBe(
          dt.hour * 3600 + dt.minute * 60 + dt.second,
        );
        expect(isoDateOfEpochDay(lt.epochDay)).toBe(dt.toISODate());
        expect(lt.weekday).toBe(dt.weekday - 1);
      }
    }
  });

  it('a New York number the morning the clocks go forward (US rules, 08:00 local)', () => {
    const national = { numbers: [], asOf: '2026-03-01T00:00:00.000Z' };
    const consents = [
      { id: 'c', number: NY, givenAt: '2025-01-01T00:00:00.000Z', channel: 'web-form' as const, wording: 'oui' },
    ];
    const at = (iso: string) => ctx(iso, { number: NY, consents, national });
    // 12:30Z is 07:30 EST on Saturday and 08:30 EDT on Sunday.
    expect(isCallableNow(US_RULES, at('2026-03-07T12:30:00.000Z'))).toBe(false);
    expect(isCallableNow(US_RULES, at('2026-03-08T12:30:00.000Z'))).toBe(true);
    expect(isCallableNow(US_RULES, at('2026-03-07T12:30:00.000Z'))).toBe(false);
    expect(checkCall(US_RULES, at('2026-03-07T12:30:00.000Z')).allowed).toBe(false);
  });
});

describe('instants read and written without a Date', () => {
  it.each([
    '2026-06-10T09:00:00.000Z',
    '2024-02-29T23:59:59.999Z',
    '2026-01-31T00:00:00.000Z',
    '2026-04-30T12:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '1969-12-31T23:59:59.999Z',
    // Forms Date.parse is left to read (or to reject).
    '2026-06-10T09:00:00Z',
    '2026-06-10T09:00:00.5Z',
    '2026-02-29T09:00:00.000Z',
    '2026-04-31T09:00:00.000Z',
    '2026-13-01T09:00:00.000Z',
    '2026-06-10T24:00:00.000Z',
    '2026-06-10T09:00:60.000Z',
    '2026-06-1xT09:00:00.000Z',
    '2026-06-10 09:00:00.000Z',
    '+012026-06-10T09:00:00Z',
    '',
  ])('parseInstant(%j) is Date.parse’s answer', (s) => {
    expect(parseInstant(s)).toEqual(Date.parse(s));
  });

  it.each([0, -1, 1, 1_781_082_000_123, 951_782_400_000, -62_167_219_200_000, 253_402_300_799_999])(
    'isoOfInstant(%i) is toISOString’s answer',
    (ms) => {
      expect(isoOfInstant(ms)).toBe(new Date(ms).toISOString());
    },
  );

  it('outside years 0000-9999 and for invalid instants it is toISOString’s too', () => {
    expect(isoOfInstant(253_402_300_800_000)).toBe(new Date(253_402_300_800_000).toISOString());
    expect(isoOfInstant(-62_167_219_200_001)).toBe(new Date(-62_167_219_200_001).toISOString());
    expect(() => isoOfInstant(NaN)).toThrow(RangeError);
  });

  it('civil dates of day counts match the Date object over 1600-2400', () => {
    for (let day = -135_140; day < 157_000; day += 13) {
      const d = new Date(day * 86_400_000);
      expect(civilOfEpochDay(day)).toEqual({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
      });
    }
  });
});
