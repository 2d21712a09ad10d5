import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { checkCall, resolveCalleeZone } from '../../../src/core/calling-rules';
import { allAreaCodes, REGION_ZONES } from '../../../src/core/calling-rules/nanp-zones';
import { isValidZone } from '../../../src/core/calling-rules/zone-time';
import { FR_RULES, US_RULES } from '../../../src/shared/domain/calling-rules';
import type { Address } from '../../../src/shared/domain/lead';
import { ctx } from './helpers';

const PARIS = 'Europe/Paris';

describe('the callee’s zone from the number, then the address, else the dealership', () => {
  it.each<[string, string, Address | undefined, string, string, string[]]>([
    // [case, number, address, zone, source, zones checked]
    ['metropolitan mobile', '+33612345678', undefined, PARIS, 'number', [PARIS]],
    ['metropolitan landline', '+33145678901', undefined, PARIS, 'number', [PARIS]],
    ['Réunion +262', '+262262123456', undefined, 'Indian/Reunion', 'number', ['Indian/Reunion']],
    ['Mayotte +262 639', '+262639011234', undefined, 'Indian/Mayotte', 'number', ['Indian/Mayotte']],
    ['Mayotte +262 269', '+262269601234', undefined, 'Indian/Mayotte', 'number', ['Indian/Mayotte']],
    ['Guadeloupe +590', '+590690001234', undefined, 'America/Guadeloupe', 'number', ['America/Guadeloupe']],
    ['Guyane +594', '+594594123456', undefined, 'America/Cayenne', 'number', ['America/Cayenne']],
    ['Martinique +596', '+596596123456', undefined, 'America/Martinique', 'number', ['America/Martinique']],
    ['Saint-Pierre-et-Miquelon +508', '+508411234', undefined, 'America/Miquelon', 'number', ['America/Miquelon']],
    ['New Caledonia +687', '+687751234', undefined, 'Pacific/Noumea', 'number', ['Pacific/Noumea']],
    ['French Polynesia +689', '+68987123456', undefined, 'Pacific/Tahiti', 'number', ['Pacific/Tahiti']],
    ['Comoros +269 (not Mayotte since 2007)', '+2697731234', undefined, 'Indian/Comoro', 'number', ['Indian/Comoro']],
    [
      'Réunion typed nationally (0262 -> +33262)',
      '+33262123456',
      undefined,
      'Indian/Reunion',
      'number',
      ['Indian/Reunion'],
    ],
    [
      'Guadeloupe mobile typed nationally (0690)',
      '+33690123456',
      undefined,
      'America/Guadeloupe',
      'number',
      ['America/Guadeloupe'],
    ],
    [
      'Guyane mobile typed nationally (0694)',
      '+33694123456',
      undefined,
      'America/Cayenne',
      'number',
      ['America/Cayenne'],
    ],
    [
      'Mayotte mobile typed nationally (0639)',
      '+33639123456',
      undefined,
      'Indian/Mayotte',
      'number',
      ['Indian/Mayotte'],
    ],
    ['Belgium', '+3222222222', undefined, 'Europe/Brussels', 'number', ['Europe/Brussels']],
    ['New York 212', '+12125550123', undefined, 'America/New_York', 'number', ['America/New_York']],
    ['Chicago 312', '+13125550123', undefined, 'America/Chicago', 'number', ['America/Chicago']],
    ['El Paso 915 (Texas, Mountain)', '+19155550123', undefined, 'America/Denver', 'number', ['America/Denver']],
    ['Toronto 416', '+14165550123', undefined, 'America/Toronto', 'number', ['America/Toronto']],
    ['Vancouver 604', '+16045550123', undefined, 'America/Vancouver', 'number', ['America/Vancouver']],
    // Area codes spanning zones: the majority first, each one checked.
    [
      'Florida panhandle 850',
      '+18505550123',
      undefined,
      'America/Chicago',
      'number',
      ['America/Chicago', 'America/New_York'],
    ],
    ['Idaho 208', '+12085550123', undefined, 'America/Boise', 'number', ['America/Boise', 'America/Los_Angeles']],
    // The address settles the split: Tallahassee (ZIP 323) is Eastern, Pensacola (325) Central.
    [
      '850 + Tallahassee ZIP',
      '+18505550123',
      { postalCode: '32301', country: 'US' },
      'America/New_York',
      'number+address',
      ['America/New_York'],
    ],
    [
      '850 + Pensacola ZIP',
      '+18505550123',
      { postalCode: '32501' },
      'America/Chicago',
      'number+address',
      ['America/Chicago'],
    ],
    [
      '208 + Coeur d’Alene ZIP',
      '+12085550123',
      { postalCode: '83814' },
      'America/Los_Angeles',
      'number+address',
      ['America/Los_Angeles'],
    ],
    // A Texas address does not widen a Dallas number.
    [
      'Dallas 214 + state TX',
      '+12145550123',
      { regionCode: 'TX', country: 'US' },
      'America/Chicago',
      'number+address',
      ['America/Chicago'],
    ],
    // A number kept after a move: the call must be legal in both places, the address first.
    [
      'New York number, California address',
      '+12125550123',
      { regionCode: 'CA', country: 'US' },
      'America/Los_Angeles',
      'number+address',
      ['America/Los_Angeles', 'America/New_York'],
    ],
    [
      'French mobile, Martinique address',
      '+33612345678',
      { postalCode: '97200', country: 'FR' },
      'America/Martinique',
      'number+address',
      ['America/Martinique', PARIS],
    ],
    [
      'French mobile, Strasbourg address',
      '+33612345678',
      { postalCode: '67000', country: 'FR' },
      PARIS,
      'number+address',
      [PARIS],
    ],
    // Unknown prefix: the address, then the dealership.
    [
      'unknown prefix, Canadian postal code',
      '+74951234567',
      { postalCode: 'H2X 1Y4', country: 'CA' },
      'America/Toronto',
      'address',
      ['America/Toronto', 'America/Halifax'],
    ],
    [
      'unknown prefix, Belgian address',
      '+74951234567',
      { country: 'BE' },
      'Europe/Brussels',
      'address',
      ['Europe/Brussels'],
    ],
    [
      'unknown prefix, no address',
      '+74951234567',
      undefined,
      'Europe/Zurich',
      'dealership-fallback',
      ['Europe/Zurich'],
    ],
    ['toll-free 800 (no area)', '+18005550123', undefined, 'Europe/Zurich', 'dealership-fallback', ['Europe/Zurich']],
  ])('%s', (_case, number, address, zone, source, checked) => {
    const z = resolveCalleeZone(number, address, 'Europe/Zurich');
    expect(z.zone).toBe(zone);
    expect(z.source).toBe(source);
    expect([...new Set(z.places.map((p) => p.zone))]).toEqual(checked);
  });

  it('the verdict says when the dealership’s zone was used, so the caller can log it', () => {
    const v = checkCall(FR_RULES, ctx('2026-06-10T09:00:00Z', { number: '+74951234567' }));
    expect(v).toMatchObject({ allowed: true, zone: PARIS, zoneSource: 'dealership-fallback' });
  });

  it('a split area code forbids the hour legal in one zone only (21:30 Eastern = 20:30 Central)', () => {
    const national = { numbers: [], asOf: '2026-07-01T00:00:00Z' };
    const v = checkCall(US_RULES, ctx('2026-07-14T01:30:00Z', { number: '+18505550123', consents: [], national }));
    expect(!v.allowed && v.reasons).toEqual([
      expect.objectContaining({ code: 'outside-window', zone: 'America/New_York', localTime: '21:30' }),
    ]);
  });

  it('a bad dealership zone is a clear error', () => {
    expect(() => checkCall(FR_RULES, ctx('2026-06-10T09:00:00Z', { dealershipZone: 'Europe/Pariss' }))).toThrow(
      /dealershipZone 'Europe\/Pariss' is not an IANA time zone/,
    );
  });
});

describe('the tables', () => {
  it('every zone named is a valid IANA zone', () => {
    const zones = new Set([
      ...Object.values(REGION_ZONES).flat(),
      ...[...allAreaCodes().values()].flatMap((i) => i.zones),
    ]);
    for (const z of zones) expect(isValidZone(z), z).toBe(true);
  });

  it('every area code agrees with libphonenumber-js on its country where it knows the code', () => {
    const disagree: string[] = [];
    for (const [code, info] of allAreaCodes()) {
      const country = parsePhoneNumberFromString(`+1${code}2345678`)?.country;
      if (country !== undefined && country !== info.country) disagree.push(`${code}: ${info.country} vs ${country}`);
    }
    expect(disagree).toEqual([]);
    expect(allAreaCodes().size).toBeGreaterThan(400);
  });

  it.each(['+262262123456', '+262639011234', '+590690001234', '+594594123456', '+508411234', '+687751234'])(
    '%s: our country agrees with libphonenumber-js',
    (number) => {
      const ours = resolveCalleeZone(number, undefined, PARIS).places[0]!.country;
      expect(ours).toBe(parsePhoneNumberFromString(number)!.country);
    },
  );
});
