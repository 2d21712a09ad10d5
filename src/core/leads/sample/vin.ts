/**
 * VIN check digit (position 9). ISO 3779 defines the 17-character VIN but leaves the check
 * digit optional; North America (49 CFR 565) and China require it, so it is the one rule
 * every VIN-aware tool agrees on. European VINs may legitimately fail it: use this to
 * generate or sanity-check, not to reject imported data.
 */

/** Letters I, O and Q are never used (confusable with 1 and 0). */
export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

// Transliteration indexed by char code; -1 marks a character that cannot appear in a VIN.
const VALUES = new Int8Array(128).fill(-1);
for (let d = 0; d <= 9; d++) VALUES[48 + d] = d;
const LETTER_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
for (const [letter, value] of Object.entries(LETTER_VALUES)) VALUES[letter.charCodeAt(0)] = value;

/**
 * The check digit ('0'–'9' or 'X') a 17-character VIN should carry in position 9; the
 * current position-9 character is ignored. Throws on a wrong length or a forbidden character.
 */
export function vinCheckDigit(vin: string): string {
  if (vin.length !== 17) throw new RangeError(`a VIN has 17 characters, got ${vin.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = vin.charCodeAt(i);
    const value = code < 128 ? (VALUES[code] as number) : -1;
    if (value < 0) throw new RangeError(`invalid VIN character '${vin[i]}' at position ${i + 1}`);
    sum += value * (WEIGHTS[i] as number);
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

/** Returns the VIN with its position-9 check digit set. */
export function withVinCheckDigit(vin: string): string {
  return vin.slice(0, 8) + vinCheckDigit(vin) + vin.slice(9);
}

/** 17 upper-case characters from the VIN alphabet with a correct check digit. */
export function isValidVin(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  return vin[8] === vinCheckDigit(vin);
}
