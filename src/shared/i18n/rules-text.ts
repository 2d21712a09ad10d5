import type { SkipReason } from '../domain/callback-list';
import type { CallingWindow, CallReason } from '../domain/calling-rules';
import en from './rules.en.json';
import fr from './rules.fr.json';

/**
 * Calling-rule reasons in words. Shared because both the screens (through i18next, under
 * `rules.*`) and core (the note written on a lead's timeline when the dialer skips it) say them.
 */
export const rulesCatalog = { fr, en } as const;

export type RulesLang = 'fr' | 'en';

/** The zone of the computer this code runs on (the seller's, for the screens). */
export const computerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * How times are placed in a zone. `zone`: the zone the times are shown in. `here`: the zone the
 * reader's clock shows; a time in another zone says which it is in. Without `here` (a note kept
 * on a lead, read later on any computer) every time names its zone.
 */
export interface ZonePlacement {
  zone: string;
  here?: string | undefined;
}

/** " (Europe/Paris)" when the reader's clock is in another zone, else nothing. */
export const zoneSuffix = (p: ZonePlacement): string =>
  p.here !== undefined && sameZone(p.zone, p.here) ? '' : ` (${p.zone})`;

function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  // "UTC" and "Etc/UTC" are one zone under two names.
  try {
    return (
      new Intl.DateTimeFormat('en', { timeZone: a }).resolvedOptions().timeZone ===
      new Intl.DateTimeFormat('en', { timeZone: b }).resolvedOptions().timeZone
    );
  } catch {
    return false;
  }
}

/**
 * The zone a skipped lead's times are told in: the callee's, as the rules judged it (the zone of
 * the hours the reasons quote), else `fallback` (the dealership's). The note on the lead's
 * timeline and the list's screen both use it, so they give the same time.
 */
export function skipZone(skip: Pick<SkipReason, 'reasons'>, fallback: string): string {
  for (const r of skip.reasons) {
    const own = r.rule && 'zone' in r.rule ? r.rule.zone : (r as Record<string, unknown>).zone;
    if (typeof own === 'string' && own !== '') return own;
  }
  return fallback;
}

/** "10:00–13:00 et 14:00–20:00": calling windows as a sentence says them. */
export function windowsText(windows: readonly Pick<CallingWindow, 'start' | 'end'>[], lang: RulesLang): string {
  return listText(
    windows.map((w) => `${w.start}–${w.end}`),
    lang,
  );
}

function listText(items: readonly string[], lang: RulesLang): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

const intlLocale = (lang: RulesLang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** An instant in words, in the placement's zone: "27 novembre 2026 à 10:00 (Europe/Paris)". */
export function instantText(iso: string, lang: RulesLang, p: ZonePlacement, dateOnly = false): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const format = new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'long',
    ...(dateOnly ? {} : { timeStyle: 'short' }),
    timeZone: p.zone,
  });
  return `${format.format(time)}${dateOnly ? '' : zoneSuffix(p)}`;
}

/** A calendar day of the callee ("2026-11-28") in words, without moving it through any zone. */
function localDateText(date: string, lang: RulesLang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

const instantKeys = new Set(['revokedAt', 'refusedAt', 'until', 'freesAt']);

/** The catalog key of a reason: a refusal with an end says until when. */
export const reasonKey = (reason: CallReason): string =>
  reason.code === 'refused' && reason.until ? 'refused-until' : reason.code;

/**
 * Core's rendering of a reason (the text kept on the list entry and the lead's timeline): every
 * `{{name}}` replaced by its parameter in words, never as data. Instants are told in
 * `placement.zone` (default: the reason's own zone, else UTC) and name it unless it is `here`.
 */
export function describeReason(reason: CallReason, locale: RulesLang, placement?: Partial<ZonePlacement>): string {
  const template = (rulesCatalog[locale].reasons as Record<string, string>)[reasonKey(reason)] ?? reason.code;
  const params = reason as unknown as Record<string, unknown>;
  const own = 'zone' in reason ? reason.zone : undefined;
  const p: ZonePlacement = { zone: placement?.zone ?? own ?? 'UTC', here: placement?.here };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = params[key];
    if (typeof value === 'string' && instantKeys.has(key)) return instantText(value, locale, p);
    if (typeof value === 'string' && key === 'listAsOf') return instantText(value, locale, p, true);
    if (typeof value === 'string' && key === 'localDate') return localDateText(value, locale);
    return paramText(value, locale);
  });
}

/** Any other parameter in words: windows as hours, bilingual names in the language, lists as lists. */
function paramText(value: unknown, locale: RulesLang): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (value.every(isWindow)) return windowsText(value, locale);
    return listText(
      value.map((v) => paramText(v, locale)),
      locale,
    );
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('fr' in record && 'en' in record) return String(record[locale]);
    if (isWindow(value)) return windowsText([value], locale);
    return listText(
      Object.values(record).map((v) => paramText(v, locale)),
      locale,
    );
  }
  if (typeof value === 'number') return new Intl.NumberFormat(intlLocale(locale)).format(value);
  return String(value);
}

function isWindow(value: unknown): value is CallingWindow {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).start === 'string' &&
    typeof (value as Record<string, unknown>).end === 'string'
  );
}
