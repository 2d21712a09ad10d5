import {
  CallReasonSchema,
  timeReasonCodes,
  type CallReason,
  type CallReasonCode,
  type ZoneSource,
} from '../../shared/domain/calling-rules';
import type { SkipReason } from '../../shared/domain/callback-list';
import { computerZone, reasonKey, skipZone, windowsText, zoneSuffix } from '../../shared/i18n/rules-text';
import { displayPhone } from '../leads/format';
import { catalogLanguage, type Translate } from './translate';

/**
 * Why the dialer passed over a lead, in the seller's words. Core writes each reason as a code,
 * the rule's own reason with its parameters (`rule`: number, zone, local time, windows…) and a
 * text in the app's language at that moment. The screen prefers its own catalog
 * (`rules.reasons.*`, filled with `rule`) so the words follow the UI language, then core's text,
 * then a short sentence without parameters (`dialer.reasons.*`).
 */

/** A skip as stored on the list entry; `zoneSource` says where the callee's zone came from when core gives it. */
export type SkipLike = SkipReason & { zoneSource?: ZoneSource };
type ReasonLike = SkipReason['reasons'][number] & Record<string, unknown>;

export interface ReasonContext {
  t: Translate;
  /** UI locale: dates and numbers. */
  locale: string;
  /** settings.defaultRegion: how numbers are shown. */
  region: string;
  zoneSource?: ZoneSource | undefined;
  /**
   * The zone times are told in when the skip names no callee zone: the dealership's
   * (settings.dealershipZone). Default: the computer's.
   */
  zone?: string | undefined;
  /** The computer's zone; a time in another zone names it. Default: read from the browser. */
  here?: string | undefined;
}

export interface SkipText {
  reasons: string[];
  /** When the call would be legal, or that waiting will not help. */
  nextLegal?: string;
}

const ruleCodes = new Set<string>(CallReasonSchema.options.map((option) => option.shape.code.value));
/** number-choice.ts says so for a number on the dealership's own list. */
const INTERNAL_DNC = 'internal-do-not-call';

const whenFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * "jeu. 26 nov., 10:00" in `zone` (default: the computer's), followed by " (Europe/Paris)" when
 * that is not the computer's zone (`here`): the seller must know which clock a time is on.
 */
export function formatWhen(iso: string, locale: string, zone?: string, here: string = computerZone()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const key = `${locale}|${zone ?? ''}`;
  let f = whenFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      ...(zone ? { timeZone: zone } : {}),
    });
    whenFormats.set(key, f);
  }
  return `${f.format(time)}${zone ? zoneSuffix({ zone, here }) : ''}`;
}

/** A calendar day of the callee ("2026-11-28") as words, without moving it through any zone. */
function formatLocalDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** The reason's parameters as the catalog's `{{placeholders}}` want them. */
export function reasonParams(reason: CallReason, ctx: ReasonContext): Record<string, string> {
  const lang = catalogLanguage(ctx.locale);
  const zone = ctx.zone ?? ('zone' in reason ? reason.zone : undefined);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(reason)) {
    if (key === 'code') continue;
    switch (key) {
      case 'number':
        out[key] = displayPhone(String(value), ctx.region);
        break;
      case 'revokedAt':
      case 'refusedAt':
      case 'until':
      case 'listAsOf':
      case 'freesAt':
        out[key] = formatWhen(String(value), ctx.locale, zone, ctx.here);
        break;
      case 'localDate':
        out[key] = formatLocalDate(String(value), ctx.locale);
        break;
      case 'zone':
        out[key] = ctx.zoneSource ? `${String(value)}, ${ctx.t(`rules.zoneSource.${ctx.zoneSource}`)}` : String(value);
        break;
      case 'windows':
        out[key] = windowsText(value as { start: string; end: string }[], lang);
        break;
      case 'name':
        out[key] = (value as Record<'fr' | 'en', string>)[lang];
        break;
      default:
        out[key] = typeof value === 'number' ? new Intl.NumberFormat(ctx.locale).format(value) : String(value);
    }
  }
  return out;
}

/** One reason in words (see the module comment for the order of preference). */
export function reasonText(reason: ReasonLike, ctx: ReasonContext): string {
  if (reason.code === INTERNAL_DNC) return ctx.t('rules.reasons.on-internal-dnc');
  const { text, rule, ...rest } = reason;
  // Older entries carried the rule's parameters beside the code rather than in `rule`.
  const parsed = CallReasonSchema.safeParse(rule ?? rest);
  if (parsed.success) {
    const r = parsed.data;
    return ctx.t(`rules.reasons.${reasonKey(r)}`, reasonParams(r, ctx));
  }
  if (text) return text;
  if (ruleCodes.has(reason.code)) return ctx.t(`dialer.reasons.${reason.code}`);
  return ctx.t('dialer.skip.unknownReason', { code: reason.code });
}

/**
 * A skipped entry's reasons and next legal time, ready to show. Its times are on the callee's
 * clock (the zone the reasons quote hours in, else the dealership's), as the note core wrote on
 * the lead's timeline (skip-note.ts), and name that zone when it is not the computer's.
 */
export function describeSkip(skip: SkipLike, ctx: Omit<ReasonContext, 'zoneSource'>): SkipText {
  const here = ctx.here ?? computerZone();
  const zone = skipZone(skip, ctx.zone ?? here);
  const c: ReasonContext = { ...ctx, zoneSource: skip.zoneSource, zone, here };
  const listed = skip.reasons.map((r) => reasonText(r as ReasonLike, c));
  let reasons: string[];
  switch (skip.kind) {
    case 'seller':
      reasons = [ctx.t('dialer.skip.seller')];
      break;
    case 'no-number':
      reasons = [ctx.t('dialer.skip.noNumber')];
      break;
    case 'lead-missing':
      reasons = [ctx.t('dialer.skip.leadMissing')];
      break;
    case 'interrupted':
      reasons = [ctx.t('dialer.skip.interrupted')];
      break;
    case 'do-not-call':
      reasons = listed.length > 0 ? listed : [ctx.t('dialer.skip.doNotCall')];
      break;
    case 'forbidden':
      reasons = listed.length > 0 ? listed : [ctx.t('dialer.skip.unknownReason', { code: skip.kind })];
      break;
  }
  const out: SkipText = { reasons: [...new Set(reasons)] };
  if (skip.nextLegalAt)
    out.nextLegal = ctx.t('rules.nextLegal.at', { at: formatWhen(skip.nextLegalAt, ctx.locale, zone, here) });
  // Skipped until the lead or the do-not-call list changes: a refresh or the next session start checks it again.
  else if (skip.kind === 'do-not-call' || skip.kind === 'no-number') out.nextLegal = ctx.t('dialer.skip.notByWaiting');
  else if (skip.kind === 'forbidden')
    out.nextLegal = skip.reasons.some((r) => timeReasonCodes.has(r.code as CallReasonCode))
      ? ctx.t('dialer.skip.noLegalTimeSoon')
      : ctx.t('dialer.skip.notByWaiting');
  return out;
}
