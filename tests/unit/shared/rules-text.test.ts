import { describe, expect, it } from 'vitest';
import type { CallReason } from '../../../src/shared/domain/calling-rules';
import { describeReason, skipZone, windowsText } from '../../../src/shared/i18n/rules-text';

const windows = [
  { start: '10:00', end: '13:00' },
  { start: '14:00', end: '20:00' },
];

/** One reason of every code, with every parameter the schema has. */
const everyReason: CallReason[] = [
  { code: 'invalid-number', number: '+3361234' },
  { code: 'no-consent', number: '+33612345678', scope: 'number' },
  { code: 'consent-revoked', number: '+33612345678', revokedAt: '2026-10-01T08:00:00.000Z' },
  { code: 'refused', refusedAt: '2026-10-01T08:00:00.000Z' },
  { code: 'refused', refusedAt: '2026-10-01T08:00:00.000Z', until: '2026-11-30T09:00:00.000Z' },
  { code: 'on-internal-dnc', number: '+33612345678' },
  { code: 'on-national-dnc', number: '+33612345678', listAsOf: '2026-11-01T00:00:00.000Z' },
  { code: 'national-dnc-missing', number: '+33612345678' },
  { code: 'national-dnc-stale', number: '+33612345678', listAsOf: '2026-09-01T00:00:00.000Z', maxAgeDays: 31 },
  { code: 'weekend', zone: 'Europe/Paris', localDate: '2026-11-28', weekday: 'sat' },
  { code: 'day-closed', zone: 'Europe/Paris', localDate: '2026-11-25', weekday: 'wed' },
  {
    code: 'holiday',
    zone: 'Europe/Paris',
    localDate: '2026-11-11',
    name: { fr: 'Armistice 1918', en: 'Armistice Day' },
  },
  { code: 'outside-window', zone: 'Europe/Paris', localTime: '01:27', weekday: 'fri', windows },
  { code: 'attempt-limit', count: 4, maxAttempts: 4, windowDays: 30, freesAt: '2026-12-03T09:00:00.000Z' },
  { code: 'voicemail-needs-consent', number: '+33612345678' },
  { code: 'rules-file-invalid', file: 'calling-rules.json', problem: 'windows.mon: must be an array' },
];

describe('describeReason: a reason in prose, never as data', () => {
  it('says the calling windows as hours joined by "et" / "and", not as JSON', () => {
    const reason = everyReason.find((r) => r.code === 'outside-window')!;
    expect(describeReason(reason, 'fr')).toBe(
      "Hors des heures d'appel : il est 01:27 chez l'appelé (Europe/Paris) ; appels 10:00–13:00 et 14:00–20:00.",
    );
    expect(describeReason(reason, 'en')).toBe(
      'Outside calling hours: it is 01:27 where the callee is (Europe/Paris); calls 10:00–13:00 and 14:00–20:00.',
    );
    expect(windowsText([...windows, { start: '21:00', end: '22:00' }], 'fr')).toBe(
      '10:00–13:00, 14:00–20:00 et 21:00–22:00',
    );
  });

  it('leaves no placeholder, JSON, raw ISO instant or [object] in any reason, in both languages', () => {
    for (const reason of everyReason)
      for (const lang of ['fr', 'en'] as const) {
        const text = describeReason(reason, lang, { zone: 'Europe/Paris' });
        expect(text, `${lang} ${reason.code}`).not.toMatch(/[{}[\]"]|object|\d{4}-\d\d-\d\dT/);
      }
  });

  it('tells instants in the zone it is given and names it, days as words, a refusal with its end', () => {
    const paris = { zone: 'Europe/Paris' };
    const refused = everyReason[4]!;
    expect(describeReason(refused, 'fr', paris)).toBe(
      "A refusé d'être rappelé le 1 octobre 2026 à 10:00 (Europe/Paris) : pas d'appel avant le 30 novembre 2026 à 10:00 (Europe/Paris).",
    );
    expect(describeReason(everyReason[13]!, 'en', paris)).toBe(
      '4 calls or attempts in 30 days (at most 4): possible again from 3 December 2026 at 10:00 (Europe/Paris).',
    );
    // On a computer in that zone, the time needs no zone.
    expect(describeReason(everyReason[13]!, 'fr', { ...paris, here: 'Europe/Paris' })).toBe(
      '4 appels ou tentatives en 30 jours (maximum 4) : possible à partir du 3 décembre 2026 à 10:00.',
    );
    expect(describeReason(everyReason[9]!, 'fr')).toBe(
      "Week-end chez l'appelé (samedi 28 novembre 2026, Europe/Paris).",
    );
    expect(describeReason(everyReason[11]!, 'en')).toBe(
      'Public holiday where the callee is: Armistice Day (Wednesday, 11 November 2026).',
    );
    expect(describeReason(everyReason[8]!, 'fr')).toBe(
      'Copie de la liste nationale trop ancienne (1 septembre 2026 ; 31 jours au plus).',
    );
  });
});

describe('skipZone', () => {
  it('is the zone the reasons quote hours in, else the fallback', () => {
    const rule = everyReason.find((r) => r.code === 'outside-window')!;
    const noumea = { ...rule, zone: 'Pacific/Noumea' } as CallReason;
    expect(skipZone({ reasons: [{ code: 'no-consent' }, { code: rule.code, rule: noumea }] }, 'Europe/Paris')).toBe(
      'Pacific/Noumea',
    );
    expect(skipZone({ reasons: [{ code: 'attempt-limit', rule: everyReason[13] }] }, 'Europe/Paris')).toBe(
      'Europe/Paris',
    );
  });
});
