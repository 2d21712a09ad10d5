import { DateTime } from 'luxon';
import type { SkipReason } from '../../shared/domain/callback-list';
import type { CallReason } from '../../shared/domain/calling-rules';
import { describeReason, skipZone, zoneSuffix, type ZonePlacement } from '../../shared/i18n/rules-text';
import { parsePhone } from '../../shared/phone';

const words = {
  fr: {
    lead: 'Appel non passé par la session d’appels',
    next: 'prochain créneau permis',
    'do-not-call': 'numéro sur la liste interne d’opposition',
    'no-number': 'aucun numéro appelable',
    interrupted:
      'l’application s’est arrêtée pendant la numérotation ; vérifier le journal des appels avant de rappeler',
    colon: ' : ',
    semicolon: ' ; ',
    date: "cccc d LLLL yyyy 'à' HH:mm",
  },
  en: {
    lead: 'Call not made by the dialer session',
    next: 'next legal time',
    'do-not-call': 'number on the internal do-not-call list',
    'no-number': 'no number that can be called',
    interrupted: 'the app stopped while dialling; check the call log before calling again',
    colon: ': ',
    semicolon: '; ',
    date: "cccc d LLLL yyyy 'at' HH:mm",
  },
} as const;

/**
 * Is this timeline note one the dialer wrote for a skip (or a call it could not settle), in
 * either language? The words it starts with mark it: such notes are the app's, not a person's,
 * so the leads export leaves them out of its Notes column.
 */
export function isSkipNote(text: string): boolean {
  return Object.values(words).some((w) => text.startsWith(`${w.lead}${w.colon}`) || text === `${w.lead}.`);
}

/** A reason's own sentence ends with a period; joined into one sentence it must not. */
const clause = (text: string) => text.trim().replace(/[.;:\s]+$/u, '');

/**
 * A number as the seller sees it on the lead and in the lists: national for the dealership's
 * region ("07 86 35 82 81"), international otherwise; as stored when it cannot be read.
 */
export function notePhone(e164: string, region: string): string {
  const parsed = parsePhone(e164, region);
  if (!parsed.ok) return e164;
  return parsed.country === region ? parsed.national : parsed.international;
}

const withShownNumber = (rule: CallReason, region: string): CallReason =>
  'number' in rule ? { ...rule, number: notePhone(rule.number, region) } : rule;

/**
 * The timeline note of a lead the dialer skipped: why, and when the call would be legal. Times
 * are the callee's (the zone the rules judged, else `zone`, the dealership's) and always name
 * their zone: the note outlives the computer it was written on. `region`: settings.defaultRegion.
 */
export function skipNote(skip: SkipReason, locale: 'fr' | 'en', zone: string, region: string): string {
  const w = words[locale];
  const placement: ZonePlacement = { zone: skipZone(skip, zone) };
  const why =
    skip.kind === 'do-not-call' || skip.kind === 'no-number' || skip.kind === 'interrupted'
      ? [w[skip.kind]]
      : skip.reasons.map((r) =>
          r.rule ? describeReason(withShownNumber(r.rule, region), locale, placement) : (r.text ?? r.code),
        );
  const parts = why.map(clause).filter((text) => text !== '');
  if (skip.nextLegalAt) {
    const at = DateTime.fromISO(skip.nextLegalAt, { zone: placement.zone }).setLocale(locale).toFormat(w.date);
    parts.push(`${w.next}${w.colon}${at}${zoneSuffix(placement)}`);
  }
  return parts.length > 0 ? `${w.lead}${w.colon}${parts.join(w.semicolon)}.` : `${w.lead}.`;
}
