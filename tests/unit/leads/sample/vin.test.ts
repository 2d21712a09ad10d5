import { describe, expect, it } from 'vitest';
import { isValidVin, vinCheckDigit, withVinCheckDigit } from '../../../../src/core/leads/sample/vin';

describe('VIN check digit', () => {
  it('accepts known valid VINs', () => {
    for (const vin of ['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352']) {
      expect(isValidVin(vin), vin).toBe(true);
      expect(vinCheckDigit(vin)).toBe(vin[8]);
    }
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
  });

  it('rejects a wrong check digit, forbidden letters, wrong length or lower case', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('11111111211111111')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427880')).toBe(false);
    expect(isValidVin('IM8GDM9AXKP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKO042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKQ042788')).toBe(false);
    expect(isValidVin('1m8gdm9axkp042788')).toBe(false);
  });

  it('throws on input it cannot weigh', () => {
    expect(() => vinCheckDigit('SHORT')).toThrow(RangeError);
    expect(() => vinCheckDigit('1M8GDM9AXKP04278O')).toThrow(/position 17/);
  });

  it('withVinCheckDigit fixes position 9', () => {
    expect(withVinCheckDigit('1M8GDM9A0KP042788')).toBe('1M8GDM9AXKP042788');
    expect(isValidVin(withVinCheckDigit('VF1RJA00065432198'))).toBe(true);
  });
});
