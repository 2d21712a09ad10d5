import { describe, expect, it } from 'vitest';
import { isSkipNote, notePhone, skipNote } from '../../../src/core/dialer/skip-note';
import { noteOnce, skipNoteKey } from '../../../src/core/dialer/skip-note-log';
import type { SkipReason } from '../../../src/shared/domain/callback-list';
import type { CallReason } from '../../../src/shared/domain/calling-rules';

const late: CallReason = {
  code: 'outside-window',
  zone: 'Europe/Paris',
  localTime: '01:27',
  weekday: 'fri',
  windows: [
    { start: '10:00', end: '13:00' },
    { start: '14:00', end: '20:00' },
  ],
};
// 09:00 UTC is 10:00 in Paris.
const nextLegalAt = '2026-11-27T09:00:00.000Z';

describe('skipNote: the note on a skipped lead’s timeline', () => {
  it('reads as one French sentence: hours as words, no JSON, no ". ;", the time in the callee’s zone', () => {
    // The text core used to store beside the rule (with the windows as JSON) is not what the note says.
    const skip: SkipReason = {
      kind: 'forbidden',
      reasons: [{ code: late.code, text: 'appels {"start":"10:00","end":"13:00"}.', rule: late }],
      nextLegalAt,
      at: '2026-11-27T00:27:00.000Z',
    };
    expect(skipNote(skip, 'fr', 'Europe/Paris', 'FR')).toBe(
      "Appel non passé par la session d’appels : Hors des heures d'appel : il est 01:27 chez l'appelé (Europe/Paris) ; appels 10:00–13:00 et 14:00–20:00 ; prochain créneau permis : vendredi 27 novembre 2026 à 10:00 (Europe/Paris).",
    );
    expect(skipNote(skip, 'en', 'Europe/Paris', 'FR')).toBe(
      'Call not made by the dialer session: Outside calling hours: it is 01:27 where the callee is (Europe/Paris); calls 10:00–13:00 and 14:00–20:00; next legal time: Friday 27 November 2026 at 10:00 (Europe/Paris).',
    );
  });

  it('gives the next legal time on the callee’s clock when the callee is elsewhere than the dealership', () => {
    const skip: SkipReason = {
      kind: 'forbidden',
      reasons: [{ code: late.code, rule: { ...late, zone: 'Pacific/Noumea' } }],
      nextLegalAt: '2026-11-26T23:00:00.000Z',
      at: '2026-11-26T14:00:00.000Z',
    };
    expect(skipNote(skip, 'fr', 'Europe/Paris', 'FR')).toContain(
      'prochain créneau permis : vendredi 27 novembre 2026 à 10:00 (Pacific/Noumea).',
    );
  });

  it('joins reasons that end with a period without doubling the punctuation', () => {
    const skip: SkipReason = {
      kind: 'forbidden',
      reasons: [
        { code: 'a', text: 'Pas de consentement enregistré pour le +33612345678.' },
        { code: 'b', text: 'Hors horaires.' },
      ],
      nextLegalAt,
      at: '2026-11-27T00:27:00.000Z',
    };
    const note = skipNote(skip, 'fr', 'Europe/Paris', 'FR');
    expect(note).toBe(
      'Appel non passé par la session d’appels : Pas de consentement enregistré pour le +33612345678 ; Hors horaires ; prochain créneau permis : vendredi 27 novembre 2026 à 10:00 (Europe/Paris).',
    );
    expect(note).not.toMatch(/\.\s*;|\.\./);
  });

  it('keeps its fixed words for the do-not-call list and a lead without number', () => {
    expect(skipNote({ kind: 'do-not-call', reasons: [], at: nextLegalAt }, 'fr', 'Europe/Paris', 'FR')).toBe(
      'Appel non passé par la session d’appels : numéro sur la liste interne d’opposition.',
    );
    expect(skipNote({ kind: 'no-number', reasons: [], at: nextLegalAt }, 'en', 'Europe/Paris', 'FR')).toBe(
      'Call not made by the dialer session: no number that can be called.',
    );
  });

  it('writes a number as the seller sees it elsewhere: national at home, international from abroad', () => {
    const noConsent = (number: string): SkipReason => ({
      kind: 'forbidden',
      reasons: [{ code: 'no-consent', rule: { code: 'no-consent', number, scope: 'number' } }],
      at: nextLegalAt,
    });
    expect(skipNote(noConsent('+33786358281'), 'fr', 'Europe/Paris', 'FR')).toBe(
      'Appel non passé par la session d’appels : Pas de consentement enregistré pour le 07 86 35 82 81.',
    );
    expect(skipNote(noConsent('+33786358281'), 'en', 'Europe/Paris', 'FR')).toBe(
      'Call not made by the dialer session: No consent recorded for 07 86 35 82 81.',
    );
    // A Belgian number for a French dealership, and a French one for a Belgian dealership.
    expect(skipNote(noConsent('+32470123456'), 'fr', 'Europe/Paris', 'FR')).toContain('pour le +32 470 12 34 56.');
    expect(skipNote(noConsent('+33786358281'), 'en', 'Europe/Brussels', 'BE')).toContain('for +33 7 86 35 82 81.');
    const invalid: SkipReason = {
      kind: 'forbidden',
      reasons: [{ code: 'invalid-number', rule: { code: 'invalid-number', number: '12' } }],
      at: nextLegalAt,
    };
    expect(skipNote(invalid, 'fr', 'Europe/Paris', 'FR')).toBe(
      'Appel non passé par la session d’appels : Numéro invalide : 12.',
    );
  });

  it('notePhone keeps what it cannot read as it is', () => {
    expect(notePhone('+33612345678', 'FR')).toBe('06 12 34 56 78');
    expect(notePhone('+33612345678', 'GB')).toBe('+33 6 12 34 56 78');
    expect(notePhone('pas un numéro', 'FR')).toBe('pas un numéro');
  });
});

describe('skip notes: which are the app’s, and when one is written again', () => {
  const skip = (code: string): SkipReason => ({ kind: 'forbidden', reasons: [{ code }], nextLegalAt, at: nextLegalAt });

  it('tells the dialer’s notes (either language) from the ones people write', () => {
    expect(isSkipNote(skipNote(skip('weekend'), 'fr', 'Europe/Paris', 'FR'))).toBe(true);
    expect(isSkipNote(skipNote(skip('weekend'), 'en', 'Europe/Paris', 'FR'))).toBe(true);
    expect(
      isSkipNote(skipNote({ kind: 'interrupted', reasons: [], at: nextLegalAt }, 'fr', 'Europe/Paris', 'FR')),
    ).toBe(true);
    expect(isSkipNote('Rappeler après la reprise ; appel non passé par la session d’appels hier')).toBe(false);
    expect(isSkipNote('Appel non passé : client absent')).toBe(false);
  });

  it('one note per lead, reason and day', () => {
    const hours = skipNoteKey(skip('outside-window'));
    expect(hours).toBe('forbidden:outside-window');
    expect(
      skipNoteKey({ kind: 'forbidden', reasons: [{ code: 'weekend' }, { code: 'no-consent' }, { code: 'weekend' }] }),
    ).toBe('forbidden:no-consent:weekend');
    expect(skipNoteKey({ kind: 'do-not-call', reasons: [{ code: 'internal-do-not-call' }] })).toBe(
      'do-not-call:internal-do-not-call',
    );
    const first = noteOnce(undefined, 'a', hours, '2026-11-27');
    expect(first).toEqual({ id: 'a', day: '2026-11-27', keys: [hours] });
    expect(noteOnce(first, 'a', hours, '2026-11-27')).toBeUndefined();
    expect(noteOnce(first, 'a', 'forbidden:no-consent', '2026-11-27')).toEqual({
      id: 'a',
      day: '2026-11-27',
      keys: [hours, 'forbidden:no-consent'],
    });
    expect(noteOnce(first, 'a', hours, '2026-11-28')).toEqual({ id: 'a', day: '2026-11-28', keys: [hours] });
  });
});
