import { describe, expect, it } from 'vitest';
import { PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isMobileNumber, phoneToE164, validNationalNumber } from '../../../../src/core/leads/import/phone-e164';
import { mulberry32 } from '../../../../src/core/leads/sample/prng';
import { parsePhone } from '../../../../src/shared/phone';

describe('phoneToE164', () => {
  it("follows parsePhone's rule exactly (valid, invalid, foreign, odd input)", () => {
    const inputs = [
      '06 12 34 56 78',
      '+33 6 12 34 56 78',
      '0033612345678',
      '01.42.68.53.00',
      '(0)6-12-34-56-78',
      '12 34',
      '',
      'pas de numéro',
      '07 11 22 33 44',
      '+32 470 12 34 56',
      '0470 12 34 56',
      '+1 415 555 2671',
      '06 12 34 56 78 poste 12',
      '+44 20 7946 0958',
      '0800 123 456',
      '09 72 10 10 10',
      '+33 (0)6 12 34 56 78',
      '00 33 6 12 34 56 78',
      '06.12.34.56.78',
      '0612345678',
      '01 42 68 53 00',
      '08 99 12 34 56',
      '06 12 34 56 7', // one digit short
      '00 12 34 56 78', // no French number starts 00
      '01 00 00 00 00',
      '0.6 12 34 56 78',
    ];
    for (const region of ['FR', 'BE']) {
      for (const input of inputs) {
        const p = parsePhone(input, region);
        expect(phoneToE164(input, region), `${region} ${input}`).toBe(p.ok ? p.e164 : undefined);
      }
    }
  });

  it('reads French national numbers as parsePhone does, from France and from elsewhere (every prefix)', () => {
    const r = mulberry32(11);
    const disagreements: string[] = [];
    for (let prefix = 10; prefix < 100; prefix++) {
      for (let k = 0; k < 40; k++) {
        const digits = `0${prefix}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
        const input =
          k % 3 === 0
            ? digits
            : k % 3 === 1
              ? digits.replace(/(\d\d)(?=\d)/g, '$1 ')
              : digits.replace(/(\d\d)(?=\d)/g, '$1.');
        for (const region of ['FR', 'BE']) {
          const p = parsePhone(input, region);
          if (phoneToE164(input, region) !== (p.ok ? p.e164 : undefined)) disagreements.push(`${region} ${input}`);
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});

describe('validNationalNumber', () => {
  it('says what libphonenumber says of every French prefix (300 numbers of each first three digits)', () => {
    const valid = validNationalNumber('FR');
    const r = mulberry32(5);
    const disagreements: string[] = [];
    let validCount = 0;
    for (let prefix = 100; prefix < 1000; prefix++) {
      for (let k = 0; k < 300; k++) {
        // Mostly 9 digits, sometimes 8 or 10: the lengths rules must agree too.
        const length = k % 10 === 0 ? 5 : k % 10 === 1 ? 7 : 6;
        const national = `${prefix}${String(Math.floor(r() * 10 ** length)).padStart(length, '0')}`;
        const expected = new PhoneNumber(`+33${national}`).isValid();
        if (expected) validCount++;
        if (valid(national) !== expected) disagreements.push(national);
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(validCount).toBeGreaterThan(30_000);
  });
});

describe('isMobileNumber', () => {
  it("says what libphonenumber's getType says of every valid French number (100 of each first three digits)", () => {
    const r = mulberry32(7);
    const disagreements: string[] = [];
    let mobiles = 0;
    for (let prefix = 100; prefix < 1000; prefix++) {
      for (let k = 0; k < 100; k++) {
        const e164 = `+33${prefix}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
        const parsed = parsePhoneNumberFromString(e164)!;
        if (!parsed.isValid()) continue;
        const expected = parsed.getType() === 'MOBILE';
        if (expected) mobiles++;
        if (isMobileNumber(e164) !== expected) disagreements.push(e164);
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(mobiles).toBeGreaterThan(10_000);
  });

  it('asks the library for other countries: a mobile, a fixed line, and a plan that cannot tell', () => {
    expect(isMobileNumber('+32470123456')).toBe(true);
    expect(isMobileNumber('+3222345678')).toBe(false);
    expect(isMobileNumber('+447400123456')).toBe(true);
    expect(isMobileNumber('+14155552671')).toBe(false); // FIXED_LINE_OR_MOBILE
  });
});
