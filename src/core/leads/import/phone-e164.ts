import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * parsePhone's rule (src/shared/phone.ts: same cleaning, same library call, same validity) minus
 * the national and international strings it formats eagerly, which are half its cost: an import
 * reads 100k+ numbers and keeps only E.164. tests/unit/leads/import/phone.test.ts holds the two equal.
 */
const memo = new Map<string, string | null>();

export function phoneToE164(input: string, region: string): string | undefined {
  // Pure, so memoised: exports repeat each number (the "Téléphone" column and its typed column).
  const key = `${region}|${input}`;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  if (memo.size >= 200_000) memo.clear();
  const e164 = parse(input, region);
  memo.set(key, e164 ?? null);
  return e164;
}

function parse(input: string, region: string): string | undefined {
  const cleaned = input.trim().replace(/^00(?=[1-9])/, '+');
  if (cleaned === '' || !/\d/.test(cleaned)) return undefined;
  const parsed = parsePhoneNumberFromString(cleaned, region as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : undefined;
}
