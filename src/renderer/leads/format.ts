import { parsePhone } from '../../shared/phone';

const phoneCache = new Map<string, string>();

/** E.164 as the seller dials it: national format for the home region, international otherwise. */
export function displayPhone(e164: string | undefined, region = 'FR'): string {
  if (!e164) return '';
  const key = `${region}|${e164}`;
  const cached = phoneCache.get(key);
  if (cached !== undefined) return cached;
  const parsed = parsePhone(e164, region);
  const shown = !parsed.ok ? e164 : parsed.country === region ? parsed.national : parsed.international;
  if (phoneCache.size > 5_000) phoneCache.clear();
  phoneCache.set(key, shown);
  return shown;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export const formatCount = (n: number, locale: string): string =>
  formatter(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);

/** 0.45 -> "45 %" (fr) or "45%" (en), rounded down: a bar never reads 100 % before the end. */
export const formatPercent = (share: number, locale: string): string =>
  formatter(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent' })).format(
    Math.floor(share * 100) / 100,
  );

export const formatDateTime = (iso: string | undefined, locale: string): string =>
  iso
    ? formatter(
        `dt|${locale}`,
        () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
      ).format(new Date(iso))
    : '';

export const formatDate = (iso: string | undefined, locale: string): string =>
  iso
    ? formatter(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(iso))
    : '';

/** "one" or "other" for the catalogs' two plural forms (French counts 0 and 1 as singular). */
export const pluralForm = (n: number, locale: string): 'one' | 'other' =>
  pluralRules(locale).select(n) === 'one' ? 'one' : 'other';

// Building an Intl.PluralRules costs about half a millisecond: once per locale, not per render.
const pluralRulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) pluralRulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}
