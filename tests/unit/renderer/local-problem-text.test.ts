import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import { buildPatch, type LocalProblemDetail } from '../../../src/renderer/settings/form-model';
import { localProblemText } from '../../../src/renderer/settings/local-problem-text';
import { defaultSettings } from '../../../src/shared/domain/settings';

const screens = { fr: createI18n('fr'), en: createI18n('en') };

/** What the settings form shows under the field after typing `text` into it and saving. */
function shown(language: 'fr' | 'en', field: Parameters<typeof buildPatch>[1], expectedField: string): string {
  const [problem] = buildPatch(defaultSettings, field, []).problems;
  if (!problem) throw new Error(`no problem for ${JSON.stringify(field)}`);
  expect(problem.field).toBe(expectedField);
  const { field: _field, ...detail } = problem;
  const text = localProblemText(detail, language);
  return screens[language].t(text.key, text.values);
}

describe('local problem messages', () => {
  it('say seconds and the real range for a seconds field (French)', () => {
    expect(shown('fr', { 'dialer.ringTimeoutSeconds': '200' }, 'dialer.ringTimeoutSeconds')).toBe(
      'Choisissez une valeur entre 5 et 120 s.',
    );
    expect(shown('fr', { 'dialer.previewSeconds': '2,5' }, 'dialer.previewSeconds')).toBe(
      'Saisissez un nombre entier de secondes.',
    );
    expect(shown('fr', { 'dialer.wrapUpSeconds': '900' }, 'dialer.wrapUpSeconds')).toBe(
      'Choisissez une valeur entre 0 et 600 s.',
    );
  });

  it('say seconds and the real range for a seconds field (English)', () => {
    expect(shown('en', { 'dialer.ringTimeoutSeconds': '2' }, 'dialer.ringTimeoutSeconds')).toBe(
      'Choose a value between 5 and 120 s.',
    );
    expect(shown('en', { 'dialer.wrapUpSeconds': '1.5' }, 'dialer.wrapUpSeconds')).toBe(
      'Enter a whole number of seconds.',
    );
  });

  it('keep milliseconds for the ICE field, with the bounds written the language’s way', () => {
    expect(shown('fr', { 'ice.gatheringTimeoutMs': '1,5' }, 'ice.gatheringTimeoutMs')).toBe(
      'Saisissez un nombre entier de millisecondes.',
    );
    expect(shown('fr', { 'ice.gatheringTimeoutMs': '20' }, 'ice.gatheringTimeoutMs')).toBe(
      `Choisissez une valeur entre 50 et ${new Intl.NumberFormat('fr').format(10_000)} ms.`,
    );
    expect(shown('en', { 'ice.gatheringTimeoutMs': '20' }, 'ice.gatheringTimeoutMs')).toBe(
      'Choose a value between 50 and 10,000 ms.',
    );
  });

  it('name the ICE line and the region problems', () => {
    const say = (language: 'fr' | 'en', detail: LocalProblemDetail) => {
      const text = localProblemText(detail, language);
      return screens[language].t(text.key, text.values);
    };
    expect(say('fr', { problem: 'too-many', line: 11 })).toBe('Ligne 11 : 10 serveurs au maximum.');
    expect(shown('fr', { defaultRegion: 'XX' }, 'defaultRegion')).toBe(
      'Ce code ne désigne pas un pays dont Relance sait lire les numéros de téléphone (par exemple FR, BE ou CH).',
    );
    expect(say('en', { problem: 'unknown-region' })).toBe(
      'Not a country code Relance can read phone numbers for (for example FR, BE or CH).',
    );
  });
});
