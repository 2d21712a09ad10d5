import { describe, expect, it } from 'vitest';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';

describe('session controls’ accessible names', () => {
  it('are the ones the issue names in English', () => {
    expect({
      start: en.dialer.start.button,
      pause: en.dialer.session.pause,
      resume: en.dialer.session.resume,
      stop: en.dialer.session.stop,
      skip: en.dialer.session.skip,
      callNow: en.dialer.session.callNow,
      save: en.dialer.wrapUp.save,
    }).toEqual({
      start: 'Start session',
      pause: 'Pause',
      resume: 'Resume',
      stop: 'Stop',
      skip: 'Skip',
      callNow: 'Call now',
      save: 'Save disposition',
    });
  });

  it('and the seller’s words in French', () => {
    expect([
      fr.dialer.start.button,
      fr.dialer.session.pause,
      fr.dialer.session.resume,
      fr.dialer.session.stop,
      fr.dialer.session.skip,
      fr.dialer.session.callNow,
      fr.dialer.wrapUp.save,
    ]).toEqual([
      'Démarrer la session',
      'Pause',
      'Reprendre',
      'Arrêter',
      'Passer',
      'Appeler maintenant',
      "Enregistrer l'issue",
    ]);
  });
});
