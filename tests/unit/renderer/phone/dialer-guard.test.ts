import { describe, expect, it } from 'vitest';
import { looseT } from '../../../../src/renderer/dialer/translate';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import {
  callFailureCause,
  callInTheWay,
  phoneCause,
  phoneProblemText,
} from '../../../../src/renderer/phone/dialer-guard';
import type { CallState, RegistrationState } from '../../../../src/renderer/phone/engine/types';

const call = (state: CallState) => ({ state, number: '+33612345678' });

describe('callInTheWay', () => {
  it('lets the dialer call when the phone is free or only shows ended calls', () => {
    expect(callInTheWay([])).toBeUndefined();
    expect(callInTheWay([call('ended'), call('ended')])).toBeUndefined();
  });

  it('stops it while any other call rings, is on the line or on hold', () => {
    for (const state of [
      'dialing',
      'ringing',
      'incoming',
      'connecting',
      'active',
      'holding',
      'held',
      'resuming',
    ] as const)
      expect(callInTheWay([call('ended'), call(state)])).toBe(state);
  });
});

describe('phoneCause and phoneProblemText: why the dialer’s call cannot leave, in the panel’s words', () => {
  const fr = looseT(createI18n('fr').t);
  const en = looseT(createI18n('en').t);
  const idle = (registration: RegistrationState) => ({ registration, calls: [] });
  const unconfigured = idle({ kind: 'unconfigured' });

  it('blames the missing password, not a missing account, when only the password is missing', () => {
    const cause = phoneCause(unconfigured, 'no-password');
    expect(cause).toEqual({ kind: 'setup', problem: 'no-password' });
    const text = phoneProblemText(cause!, fr);
    expect(text).toBe('indiquez votre mot de passe SIP dans les réglages, puis reprenez la session');
    expect(text).not.toContain('aucun compte');
    expect(phoneProblemText(cause!, en)).toBe('enter your SIP password in Settings, then resume the session');
    expect(phoneProblemText(phoneCause(unconfigured, 'no-server')!, fr)).toBe(
      'indiquez le serveur du standard dans les réglages, puis reprenez la session',
    );
  });

  it('says no account only when nothing is set up', () => {
    expect(phoneProblemText(phoneCause(unconfigured, undefined)!, fr)).toBe(
      "aucun compte téléphonique n'est configuré : renseignez-le dans Réglages, puis reprenez la session",
    );
  });

  it('names a set account the server has not registered, with the panel’s reason', () => {
    const failed = phoneCause(
      idle({ kind: 'failed', reason: 'unauthorized', code: 401, detail: 'Unauthorized' }),
      undefined,
    );
    expect(phoneProblemText(failed!, fr)).toBe(
      "le téléphone n'est pas connecté au standard — identifiant ou mot de passe refusé (401) : vérifiez le compte dans Réglages, puis reprenez la session",
    );
    expect(phoneProblemText(phoneCause(idle({ kind: 'connecting', attempt: 1 }), undefined)!, fr)).toContain(
      'se connecte encore',
    );
    expect(phoneProblemText(phoneCause(idle({ kind: 'unregistered' }), undefined)!, en)).toBe(
      'the phone is offline: check the account in Settings, then resume the session',
    );
  });

  it('is nothing when registered and free; a call in the way or a refused microphone otherwise', () => {
    const registered = idle({ kind: 'registered', since: 0 });
    expect(phoneCause(registered, undefined)).toBeUndefined();
    expect(phoneCause(registered, undefined, 'granted')).toBeUndefined();
    expect(phoneCause(registered, undefined, 'denied')).toEqual({ kind: 'microphone-refused' });
    expect(phoneCause({ ...registered, calls: [call('held')] }, undefined)).toEqual({ kind: 'call-in-the-way' });
  });

  it('words the engine’s refusals: a refused or missing microphone in French, anything else as it came', () => {
    const refused = callFailureCause(new Error('microphone access was refused: allow it to make calls'));
    expect(phoneProblemText(refused, fr)).toBe(
      "l'accès au micro est refusé : autorisez-le pour Relance, puis reprenez la session",
    );
    expect(callFailureCause(Object.assign(new Error('x'), { name: 'NotAllowedError' }))).toEqual(refused);
    expect(phoneProblemText(callFailureCause(new Error('no microphone found')), fr)).toBe(
      "aucun micro n'est branché : branchez-en un, puis reprenez la session",
    );
    expect(phoneProblemText(callFailureCause(new Error('transport closed')), fr)).toBe(
      "le téléphone n'a pas pu passer l'appel (transport closed) : reprenez la session pour réessayer",
    );
  });
});
