import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneParse =
  | { ok: true; e164: string; national: string; international: string; country: string | undefined }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'invalid' };

/**
 * One rule for every phone number in the app (lead phones, the dial field, caller ID):
 * `06 12 34 56 78`, `+33 6 12 34 56 78` and `0033612345678` are the same number.
 * `region` reads national numbers (settings.defaultRegion, FR by default).
 */
export function parsePhone(input: string, region: string = 'FR'): PhoneParse {
  const cleaned = input.trim().replace(/^00(?=[1-9])/, '+');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (!/\d/.test(cleaned)) return { ok: false, reason: 'not-a-number' };
  const parsed = parsePhoneNumberFromString(cleaned, region as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    e164: parsed.number,
    national: parsed.formatNational(),
    international: parsed.formatInternational(),
    country: parsed.country,
  };
}

/** Digits only, for partial-number search ("0612", "612345"): the national and E.164 digit strings. */
export function phoneSearchDigits(e164: string, region: string = 'FR'): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const international = e164.replace(/\D/g, '');
  if (!parsed) return [international];
  const national = parsed.formatNational().replace(/\D/g, '');
  return region === parsed.country ? [national, international] : [international, national];
}
