import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../src/core/calling-rules';
import { calendarYear } from '../../../src/core/calling-rules/holidays';
import { epochDayOfIsoDate, isoDateOfEpochDay } from '../../../src/core/calling-rules/zone-time';
import { FR_RULES } from '../../../src/shared/domain/calling-rules';
import { codes, ctx, openRules } from './helpers';

/** 11:00 local on that date, as an ISO instant. */
const at11 = (date: string, zone = 'Europe/Paris') => DateTime.fromISO(`${date}T11:00`, { zone }).toUTC().toISO()!;

// Published dates (Légifrance, service-public.fr): Easter Monday, Ascension Thursday, Whit Monday.
const movable = [
  {
    year: 2025,
    goodFriday: '2025-04-18',
    easterMonday: '2025-04-21',
    ascension: '2025-05-29',
    whitMonday: '2025-06-09',
  },
  {
    year: 2026,
    goodFriday: '2026-04-03',
    easterMonday: '2026-04-06',
    ascension: '2026-05-14',
    whitMonday: '2026-05-25',
  },
  {
    year: 2027,
    goodFriday: '2027-03-26',
    easterMonday: '2027-03-29',
    ascension: '2027-05-06',
    whitMonday: '2027-05-17',
  },
  {
    year: 2028,
    goodFriday: '2028-04-14',
    easterMonday: '2028-04-17',
    ascension: '2028-05-25',
    whitMonday: '2028-06-05',
  },
  {
    year: 2029,
    goodFriday: '2029-03-30',
    easterMonday: '2029-04-02',
    ascension: '2029-05-10',
    whitMonday: '2029-05-21',
  },
  {
    year: 2030,
    goodFriday: '2030-04-19',
    easterMonday: '2030-04-22',
    ascension: '2030-05-30',
    whitMonday: '2030-06-10',
  },
];
const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];

describe('French public holidays (date-holidays, movable feasts included)', () => {
  it.each(movable)('$year: exactly the 11 national holidays', ({ year, easterMonday, ascension, whitMonday }) => {
    const days = [...calendarYear('FR', undefined, ['public'], year).keys()].map(isoDateOfEpochDay).sort();
    const expected = [...fixed.map((d) => `${year}-${d}`), easterMonday, ascension, whitMonday].sort();
    expect(days).toEqual(expected);
  });

  it.each(movable.flatMap((m) => [m.easterMonday, m.ascension, m.whitMonday]))(
    'the FR preset refuses a call at 11:00 on %s (a weekday holiday) and names it',
    (date) => {
      const v = checkCall(FR_RULES, ctx(at11(date)));
      expect(codes(v)).toEqual(['holiday']);
      const reason = !v.allowed && v.reasons[0];
      expect(reason).toMatchObject({ code: 'holiday', zone: 'Europe/Paris', localDate: date });
      expect(reason && reason.code === 'holiday' && reason.name.fr).toMatch(/Pâques|Ascension|Pentecôte/);
    },
  );

  it.each(movable)(
    '$year: the Friday after Ascension is a working day (a "pont" is not a holiday)',
    ({ ascension }) => {
      const friday = DateTime.fromISO(ascension).plus({ days: 1 }).toISODate()!;
      expect(checkCall(FR_RULES, ctx(at11(friday))).allowed).toBe(true);
    },
  );

  it('a fixed holiday on a weekday (Armistice, Wednesday 11 November 2026) is refused; the 10th is not', () => {
    expect(codes(checkCall(FR_RULES, ctx(at11('2026-11-11'))))).toEqual(['holiday']);
    expect(checkCall(FR_RULES, ctx(at11('2026-11-10'))).allowed).toBe(true);
  });

  it('a holiday on a Sunday gives both reasons (Toussaint 2026)', () => {
    expect(codes(checkCall(FR_RULES, ctx(at11('2026-11-01'))))).toEqual(['weekend', 'holiday']);
  });
});

describe('regional holidays from the callee’s place', () => {
  const alsaceMoselle = ['57000', '67000', '68100'];
  it.each(movable.flatMap((m) => alsaceMoselle.map((postalCode) => ({ date: m.goodFriday, postalCode }))))(
    'Good Friday $date is a holiday in Alsace-Moselle ($postalCode), not in Paris',
    ({ date, postalCode }) => {
      const v = checkCall(FR_RULES, ctx(at11(date), { address: { postalCode, country: 'FR' } }));
      expect(codes(v)).toEqual(['holiday']);
      expect(checkCall(FR_RULES, ctx(at11(date), { address: { postalCode: '75011', country: 'FR' } })).allowed).toBe(
        true,
      );
      expect(checkCall(FR_RULES, ctx(at11(date))).allowed).toBe(true);
    },
  );

  it.each(['2025-12-26', '2029-12-26', '2030-12-26'])('26 December (%s, a weekday) in Moselle only', (date) => {
    expect(codes(checkCall(FR_RULES, ctx(at11(date), { address: { postalCode: '57070' } })))).toEqual(['holiday']);
    expect(checkCall(FR_RULES, ctx(at11(date), { address: { postalCode: '54000' } })).allowed).toBe(true);
  });

  // Abolition of slavery, per department; the number alone tells the department.
  it.each([
    { dept: 'Guadeloupe', number: '+590690001234', zone: 'America/Guadeloupe', date: '2026-05-27' },
    { dept: 'Martinique', number: '+596696123456', zone: 'America/Martinique', date: '2026-05-22' },
    { dept: 'Guyane', number: '+594694123456', zone: 'America/Cayenne', date: '2026-06-10' },
    { dept: 'La Réunion', number: '+262692123456', zone: 'Indian/Reunion', date: '2027-12-20' },
    { dept: 'Mayotte', number: '+262639011234', zone: 'Indian/Mayotte', date: '2026-04-27' },
    {
      dept: 'Martinique (0696 typed in France)',
      number: '+33696123456',
      zone: 'America/Martinique',
      date: '2026-05-22',
    },
  ])('$dept: $date is a holiday there, at 11:00 local', ({ number, zone, date }) => {
    const v = checkCall(FR_RULES, ctx(at11(date, zone), { number }));
    expect(codes(v)).toEqual(['holiday']);
    expect(v.zone).toBe(zone);
    // The same local hour in metropolitan France is a working day.
    expect(checkCall(FR_RULES, ctx(at11(date))).allowed).toBe(true);
  });

  it('without regionFromCallee the national calendar alone applies', () => {
    const rules = { ...FR_RULES, holidays: { ...FR_RULES.holidays!, regionFromCallee: false } };
    expect(checkCall(rules, ctx(at11('2026-04-03'), { address: { postalCode: '67000' } })).allowed).toBe(true);
  });
});

describe("a rule set's own days", () => {
  it('extraDates close a day (the dealership’s closing day); ignoredDates reopen one', () => {
    const rules = openRules({
      holidays: {
        country: 'FR',
        regionFromCallee: false,
        types: ['public'],
        extraDates: [{ date: '2026-06-12', name: 'Inventaire' }],
        ignoredDates: ['2026-05-25'],
      },
    });
    const closed = checkCall(rules, ctx(at11('2026-06-12')));
    expect(!closed.allowed && closed.reasons[0]).toMatchObject({ code: 'holiday', name: { fr: 'Inventaire' } });
    expect(checkCall(rules, ctx(at11('2026-05-25'))).allowed).toBe(true); // Whit Monday ignored
    expect(codes(checkCall(rules, ctx(at11('2026-05-14'))))).toEqual(['holiday']); // Ascension still closed
  });

  it('epoch days round-trip ISO dates', () => {
    expect(isoDateOfEpochDay(epochDayOfIsoDate('2028-02-29'))).toBe('2028-02-29');
  });
});
