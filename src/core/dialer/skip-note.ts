import { DateTime } from 'luxon';
import type { SkipReason } from '../../shared/domain/callback-list';

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

/** The timeline note of a lead the dialer skipped: why, and when the call would be legal. */
export function skipNote(skip: SkipReason, locale: 'fr' | 'en', zone: string): string {
  const w = words[locale];
  const why =
    skip.kind === 'do-not-call' || skip.kind === 'no-number' || skip.kind === 'interrupted'
      ? [w[skip.kind]]
      : skip.reasons.map((r) => r.text ?? r.code);
  const parts = [why.join(w.semicolon)];
  if (skip.nextLegalAt) {
    const at = DateTime.fromISO(skip.nextLegalAt, { zone }).setLocale(locale).toFormat(w.date);
    parts.push(`${w.next}${w.colon}${at}`);
  }
  return `${w.lead}${w.colon}${parts.join(w.semicolon)}.`;
}
