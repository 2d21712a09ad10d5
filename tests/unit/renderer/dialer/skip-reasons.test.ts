import { describe, expect, it } from 'vitest';
import { CallReasonSchema } from '../../../../src/shared/domain/calling-rules';
import type { SkipReason } from '../../../../src/shared/domain/callback-list';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { describeSkip, formatWhen, reasonText, type SkipLike } from '../../../../src/renderer/dialer/skip-reasons';
import { looseT } from '../../../../src/renderer/dialer/translate';
import { skipNote } from '../../../../src/core/dialer/skip-note';

const frI18n = createI18n('fr');
const enI18n = createI18n('en');
const fr = { t: looseT(frI18n.t), locale: 'fr', region: 'FR' };
const en = { t: looseT(enI18n.t), locale: 'en', region: 'FR' };
const at = '2026-11-28T09:00:00.000Z';

const skip = (extra: Partial<SkipLike> & Pick<SkipReason, 'kind'>): SkipLike => ({ reasons: [], at, ...extra });
const reason = (r: Record<string, unknown> & { code: string }) => r as SkipReason['reasons'][number];

describe('describeSkip: rules reasons with their parameters, in the UI language', () => {
  it('says the callee’s local time and the calling hours, then the next legal time', () => {
    const s = skip({
      kind: 'forbidden',
      reasons: [
        reason({
          code: 'outside-window',
          zone: 'Europe/Paris',
          localTime: '21:30',
          weekday: 'thu',
          windows: [
            { start: '10:00', end: '13:00' },
            { start: '14:00', end: '20:00' },
          ],
        }),
      ],
      nextLegalAt: '2026-11-30T09:00:00.000Z',
    });
    expect(describeSkip(s, { ...fr, here: 'Europe/Paris' })).toEqual({
      reasons: [
        "Hors des heures d'appel : il est 21:30 chez l'appelé (Europe/Paris) ; appels 10:00–13:00 et 14:00–20:00.",
      ],
      nextLegal: 'Prochain créneau légal : lun. 30 nov., 10:00.',
    });
    expect(describeSkip(s, en).reasons).toEqual([
      'Outside calling hours: it is 21:30 where the callee is (Europe/Paris); calls 10:00–13:00 and 14:00–20:00.',
    ]);
  });

  it('says where the callee’s zone came from when core tells it', () => {
    const s = skip({
      kind: 'forbidden',
      zoneSource: 'dealership-fallback',
      reasons: [reason({ code: 'weekend', zone: 'Europe/Paris', localDate: '2026-11-28', weekday: 'sat' })],
      nextLegalAt: '2026-11-30T09:00:00.000Z',
    });
    expect(describeSkip(s, fr).reasons).toEqual([
      "Week-end chez l'appelé (samedi 28 novembre, Europe/Paris, fuseau de la concession (fuseau de l'appelé inconnu)).",
    ]);
  });

  it('shows the number as the seller dials it and names a holiday in the UI language', () => {
    const s = skip({
      kind: 'forbidden',
      reasons: [
        reason({ code: 'no-consent', number: '+33612345678', scope: 'number' }),
        reason({
          code: 'holiday',
          zone: 'Europe/Paris',
          localDate: '2026-11-11',
          name: { fr: 'Armistice 1918', en: 'Armistice Day' },
        }),
      ],
      nextLegalAt: '2026-11-12T09:00:00.000Z',
    });
    expect(describeSkip(s, fr).reasons).toEqual([
      'Pas de consentement enregistré pour le 06 12 34 56 78.',
      "Jour férié chez l'appelé : Armistice 1918 (mercredi 11 novembre).",
    ]);
    expect(describeSkip(s, en).reasons).toEqual([
      'No consent recorded for 06 12 34 56 78.',
      'Public holiday where the callee is: Armistice Day (Wednesday, November 11).',
    ]);
  });

  it('says until when a refusal blocks, when it does not block for good', () => {
    const text = reasonText(
      reason({ code: 'refused', refusedAt: '2026-10-01T10:00:00.000Z', until: '2026-11-30T10:00:00.000Z' }),
      fr,
    );
    expect(text).toBe(
      `A refusé d'être rappelé le ${formatWhen('2026-10-01T10:00:00.000Z', 'fr')} : pas d'appel avant le ${formatWhen('2026-11-30T10:00:00.000Z', 'fr')}.`,
    );
    expect(reasonText(reason({ code: 'refused', refusedAt: '2026-10-01T10:00:00.000Z' }), fr)).toBe(
      `A refusé d'être rappelé le ${formatWhen('2026-10-01T10:00:00.000Z', 'fr')}.`,
    );
  });

  it('counts attempts with the limit and the day the window frees', () => {
    expect(
      reasonText(
        reason({
          code: 'attempt-limit',
          count: 4,
          maxAttempts: 4,
          windowDays: 30,
          freesAt: '2026-12-03T09:00:00.000Z',
        }),
        fr,
      ),
    ).toBe(
      `4 appels ou tentatives en 30 jours (maximum 4) : possible à partir du ${formatWhen('2026-12-03T09:00:00.000Z', 'fr')}.`,
    );
  });
});

describe('describeSkip: times on the callee’s clock, as on the lead’s timeline', () => {
  const late = {
    code: 'outside-window' as const,
    zone: 'Europe/Paris',
    localTime: '01:27',
    weekday: 'fri' as const,
    windows: [
      { start: '10:00', end: '13:00' },
      { start: '14:00', end: '20:00' },
    ],
  };
  // 09:00 UTC: 10:00 in Paris.
  const s = skip({
    kind: 'forbidden',
    reasons: [{ code: late.code, rule: late }],
    nextLegalAt: '2026-11-27T09:00:00.000Z',
  });

  it('gives the next legal time in the zone of the quoted hours, naming it on a computer in another zone', () => {
    expect(describeSkip(s, { ...fr, here: 'UTC' }).nextLegal).toBe(
      'Prochain créneau légal : ven. 27 nov., 10:00 (Europe/Paris).',
    );
    expect(describeSkip(s, { ...fr, here: 'Europe/Paris' }).nextLegal).toBe(
      'Prochain créneau légal : ven. 27 nov., 10:00.',
    );
    expect(describeSkip(s, { ...en, here: 'America/New_York' }).nextLegal).toBe(
      'Next legal time: Fri, Nov 27, 10:00 AM (Europe/Paris).',
    );
  });

  it('agrees with the note core wrote on the lead’s timeline', () => {
    const note = skipNote(s, 'fr', 'Europe/Paris', 'FR');
    expect(note).toContain('appels 10:00–13:00 et 14:00–20:00');
    expect(note).toContain('à 10:00 (Europe/Paris)');
    expect(describeSkip(s, { ...fr, here: 'UTC' }).reasons[0]).toContain('appels 10:00–13:00 et 14:00–20:00');
    expect(describeSkip(s, { ...fr, here: 'UTC' }).nextLegal).toContain('10:00 (Europe/Paris)');
  });

  it('uses the dealership’s zone when no reason names the callee’s', () => {
    const limit = {
      code: 'attempt-limit' as const,
      count: 4,
      maxAttempts: 4,
      windowDays: 30,
      freesAt: '2026-12-03T09:00:00.000Z',
    };
    const d = describeSkip(
      skip({ kind: 'forbidden', reasons: [{ code: limit.code, rule: limit }], nextLegalAt: limit.freesAt }),
      { ...fr, zone: 'Europe/Paris', here: 'UTC' },
    );
    expect(d).toEqual({
      reasons: [
        '4 appels ou tentatives en 30 jours (maximum 4) : possible à partir du jeu. 3 déc., 10:00 (Europe/Paris).',
      ],
      nextLegal: 'Prochain créneau légal : jeu. 3 déc., 10:00 (Europe/Paris).',
    });
  });
});

describe('describeSkip: reasons as core writes them', () => {
  it('words the rule’s own reason in the UI language, whatever language core’s text is in', () => {
    const rule = { code: 'no-consent' as const, number: '+33612345678', scope: 'number' as const };
    const s = skip({
      kind: 'forbidden',
      reasons: [{ code: 'no-consent', text: 'Pas de consentement enregistré pour le +33612345678.', rule }],
    });
    expect(describeSkip(s, en).reasons).toEqual(['No consent recorded for 06 12 34 56 78.']);
    expect(describeSkip(s, fr).reasons).toEqual(['Pas de consentement enregistré pour le 06 12 34 56 78.']);
  });
});

describe('describeSkip: reasons without parameters', () => {
  it('uses core’s text when it gave one', () => {
    expect(reasonText(reason({ code: 'outside-window', text: 'Hors horaires (texte de core).' }), fr)).toBe(
      'Hors horaires (texte de core).',
    );
  });

  it('falls back on a short sentence for every rule code, in both languages', () => {
    for (const option of CallReasonSchema.options) {
      const code = option.shape.code.value;
      for (const [ctx, i18n] of [
        [fr, frI18n],
        [en, enI18n],
      ] as const) {
        expect(i18n.exists(`dialer.reasons.${code}`), `${i18n.language}: dialer.reasons.${code}`).toBe(true);
        expect(reasonText(reason({ code }), ctx)).toBe(i18n.t(`dialer.reasons.${code}` as never));
      }
    }
    expect(reasonText(reason({ code: 'no-consent' }), fr)).toBe('Pas de consentement enregistré pour ce numéro.');
  });

  it('names a code it does not know rather than hiding it', () => {
    expect(reasonText(reason({ code: 'bloctel-outage' }), fr)).toBe('Appel non permis (bloctel-outage).');
  });
});

// Waiting alone changes nothing: the words say what will (a fix, then a refresh or a new session).
const WAIT_FR =
  "Attendre n'y changera rien. Une fois la fiche corrigée (consentement, numéro) ou le numéro retiré de la liste d'opposition, actualisez la liste ou relancez la session : le prospect sera proposé à nouveau.";

describe('describeSkip: skips that are not the rules’', () => {
  it('the dealership’s do-not-call list: waiting will not help', () => {
    expect(
      describeSkip(skip({ kind: 'do-not-call', reasons: [reason({ code: 'internal-do-not-call' })] }), fr),
    ).toEqual({
      reasons: ["Numéro sur la liste d'opposition de la concession."],
      nextLegal: WAIT_FR,
    });
  });

  it('a lead the seller passed, one without a number, one deleted', () => {
    expect(describeSkip(skip({ kind: 'seller' }), fr)).toEqual({ reasons: ['Passé par le vendeur.'] });
    expect(describeSkip(skip({ kind: 'no-number' }), en)).toEqual({
      reasons: ['No number that can be called.'],
      nextLegal: enI18n.t('dialer.skip.notByWaiting'),
    });
    expect(describeSkip(skip({ kind: 'lead-missing' }), fr)).toEqual({
      reasons: ['Prospect introuvable (supprimé ?).'],
    });
    expect(describeSkip(skip({ kind: 'interrupted' }), en)).toEqual({
      reasons: ['The app stopped while dialling: check the call log before calling again.'],
    });
  });

  it('without a next legal time: waiting helps only for time reasons', () => {
    expect(
      describeSkip(
        skip({ kind: 'forbidden', reasons: [reason({ code: 'no-consent', number: '+33612345678', scope: 'number' })] }),
        fr,
      ).nextLegal,
    ).toBe(WAIT_FR);
    expect(
      describeSkip(
        skip({ kind: 'forbidden', reasons: [reason({ code: 'outside-window', text: 'Hors horaires.' })] }),
        fr,
      ).nextLegal,
    ).toBe('Aucun créneau légal proche.');
  });

  it('says the same reason once when several numbers gave it', () => {
    const s = skip({ kind: 'forbidden', reasons: [reason({ code: 'no-consent' }), reason({ code: 'no-consent' })] });
    expect(describeSkip(s, fr).reasons).toEqual(['Pas de consentement enregistré pour ce numéro.']);
  });
});

describe('formatWhen', () => {
  it('gives the weekday, day, month and time', () => {
    expect(formatWhen('2026-11-30T12:00:00.000Z', 'fr')).toMatch(/^lun\. 30 nov\., \d\d:\d\d$/);
    expect(formatWhen('not a date', 'fr')).toBe('not a date');
  });
});
