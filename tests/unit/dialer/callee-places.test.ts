import { describe, expect, it } from 'vitest';
import { placesFromNumber } from '../../../src/core/calling-rules/callee-zone';
import { numbersOf, placeAt, places } from '../../e2e/support/callee-places';

// The dialer's end-to-end tests pick their callee zones by the hour they run at: a place whose
// numbers are not valid only fails the hours it is picked (Tahiti's did, from 21:15 to 01:00 UTC).
describe("the dialer end-to-end tests' callee places", () => {
  it.each(places.map((p) => [p.zone, p] as const))('%s: 90 valid numbers, read as that zone', (zone, place) => {
    const numbers = numbersOf(place, 90, 10);
    expect(numbers).toHaveLength(90);
    for (const n of numbers)
      expect(
        placesFromNumber(n)?.map((p) => p.zone),
        n,
      ).toEqual([zone]);
  });

  it('has a callable and a forbidden place at every quarter hour of the day', () => {
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const at = new Date(Date.UTC(2026, 0, 15, 0, minute));
      expect(() => placeAt(at, { from: 9 * 60, to: 19 * 60, target: 14 * 60 })).not.toThrow();
      expect(() => placeAt(at, { from: 22 * 60 + 1, to: 7 * 60 - 1, target: 3 * 60 })).not.toThrow();
    }
  });
});
