import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * parsePhone's rule (src/shared/phone.ts: same cleaning, same library call, same validity) minus
 * the national and international strings it formats eagerly, which are half its cost: an import
 * reads 100k+ numbers and keeps only E.164. tests/unit/leads/import/phone.test.ts holds the two equal.
 */
// Per region, keyed by the input itself: a `${region}|${input}` key cost a string per lookup.
const memos = new Map<string, Map<string, string | null>>();

export function phoneToE164(input: string, region: string): string | undefined {
  // Pure, so memoised: exports repeat each number (the "Téléphone" column and its typed column).
  let memo = memos.get(region);
  if (!memo) memos.set(region, (memo = new Map()));
  const known = memo.get(input);
  if (known !== undefined) return known ?? undefined;
  if (memo.size >= 200_000) memo.clear();
  const e164 = parse(input, region);
  memo.set(input, e164 ?? null);
  return e164;
}

const FR_INTERNATIONAL = /^\+33 ?[1-9](?: ?\d\d){4}$/;
/** `06 12 34 56 78`, `06.12.34.56.78`, `0612345678`: how French files write French numbers. */
const FR_NATIONAL = /^0[1-9](?:[ .]?\d\d){4}$/;

function parse(input: string, region: string): string | undefined {
  const cleaned = input.trim().replace(/^00(?=[1-9])/, '+');
  if (cleaned === '' || !/\d/.test(cleaned)) return undefined;
  // `+33 6 12 34 56 78` (exports in international form, many feeds): nothing for parse to extract or
  // strip (no extension, no leading 0), so the number is '+33' and the 9 digits whatever the
  // region; only validity is asked of the library. A third of parse's cost.
  // The same from France, `06 12 34 56 78`: parse strips the trunk 0 and reads the rest as French.
  const french = FR_INTERNATIONAL.test(cleaned)
    ? cleaned.slice(3).replace(/ /g, '')
    : region === 'FR' && FR_NATIONAL.test(cleaned)
      ? cleaned.slice(1).replace(/[ .]/g, '')
      : undefined;
  if (french !== undefined) return (frValid ??= validNationalNumber('FR'))(french) ? '+33' + french : undefined;
  const parsed = parsePhoneNumberFromString(cleaned, region as CountryCode);
  return parsed && parsed.isValid() ? parsed.number : undefined;
}

let frValid: ((national: string) => boolean) | undefined;
let frMobile: ((national: string) => boolean) | undefined;
/** Non-French numbers: rare in these files, so the library's own getType, once per number. */
const mobileMemo = new Map<string, boolean>();

/**
 * Whether libphonenumber's getType calls this valid E.164 number `MOBILE` (a `FIXED_LINE_OR_MOBILE`
 * number, as in the US, says nothing either way). French numbers use compiled patterns: the
 * library builds its RegExps on every call, and an import asks this of every plain number.
 * tests/unit/leads/import/phone.test.ts holds the two equal on every French prefix.
 */
export function isMobileNumber(e164: string): boolean {
  if (e164.startsWith('+33') && e164.length === 12) return (frMobile ??= mobileNationalNumber('FR'))(e164.slice(3));
  let mobile = mobileMemo.get(e164);
  if (mobile === undefined) {
    mobile = parsePhoneNumberFromString(e164)?.getType() === 'MOBILE';
    if (mobileMemo.size >= 20_000) mobileMemo.clear();
    mobileMemo.set(e164, mobile);
  }
  return mobile;
}

/** Number types in the order libphonenumber's getNumberType tries them. */
const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/**
 * `new PhoneNumber('+<code>' + national).isValid()` for one country, with the country's patterns
 * compiled once: the library builds a RegExp per pattern per call (~10 a number, ~60% of an
 * import's phone cost). The same rule as its isValidNumber: the national number matches the
 * country's general pattern and the pattern (and possible lengths) of some number type.
 * tests/unit/leads/import/phone.test.ts holds the two equal on every prefix.
 */
export function validNationalNumber(country: string): (national: string) => boolean {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country as CountryCode);
  // The numbering plan's runtime methods (untyped in the library's .d.ts) that its isValidNumber reads.
  const plan = metadata.numberingPlan as unknown as NumberingPlanRules;
  const general = new RegExp(`^(?:${plan.nationalNumberPattern()})$`);
  if (!plan.hasTypes()) return (n) => general.test(n);
  const types: { pattern: RegExp; lengths: number[] | undefined }[] = [];
  for (const name of TYPES) {
    const type = plan.type(name);
    const pattern = type?.pattern();
    if (type && pattern) types.push({ pattern: new RegExp(`^(?:${pattern})$`), lengths: type.possibleLengths() });
  }
  return (n) => general.test(n) && types.some((t) => (!t.lengths || t.lengths.includes(n.length)) && t.pattern.test(n));
}

/**
 * getType(...) === 'MOBILE' for one country's valid national numbers, patterns compiled once: the
 * library's rule is that a number of the fixed-line pattern is never `MOBILE` (both at once is
 * `FIXED_LINE_OR_MOBILE`), and otherwise the mobile pattern, first of the other types, decides.
 */
export function mobileNationalNumber(country: string): (national: string) => boolean {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country as CountryCode);
  const plan = metadata.numberingPlan as unknown as NumberingPlanRules;
  const typeTest = (name: (typeof TYPES)[number]): ((n: string) => boolean) => {
    const type = plan.type(name);
    const pattern = type?.pattern();
    if (!type || !pattern) return () => false;
    const re = new RegExp(`^(?:${pattern})$`);
    const lengths = type.possibleLengths();
    return (n) => (!lengths || lengths.includes(n.length)) && re.test(n);
  };
  const fixedLine = typeTest('FIXED_LINE');
  const mobile = typeTest('MOBILE');
  return (n) => !fixedLine(n) && mobile(n);
}

interface NumberingPlanRules {
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(name: (typeof TYPES)[number]): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
