import { describe, expect, it } from 'vitest';
import type { DialerView } from '../../../../src/shared/domain/dialer';
import { resumeRefusal, sessionProblem } from '../../../../src/renderer/dialer/phone-readiness';
import { looseT } from '../../../../src/renderer/dialer/translate';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import type { PhoneCause } from '../../../../src/renderer/phone/dialer-guard';

const fr = looseT(createI18n('fr').t);
const noPassword: PhoneCause = { kind: 'setup', problem: 'no-password' };
type View = Pick<DialerView, 'state' | 'pauseReason' | 'problem'>;
const pausedForPhone: View = {
  state: 'paused',
  pauseReason: 'phone',
  problem: "aucun compte téléphonique n'est configuré : renseignez-le dans Réglages, puis reprenez la session",
};

describe('sessionProblem', () => {
  it('says the phone’s cause as it is now while the session is paused for the phone', () => {
    expect(sessionProblem(pausedForPhone, noPassword, fr)).toBe(
      'indiquez votre mot de passe SIP dans les réglages, puis reprenez la session',
    );
  });

  it('keeps core’s words otherwise', () => {
    expect(sessionProblem(pausedForPhone, undefined, fr)).toBe(pausedForPhone.problem);
    expect(sessionProblem({ ...pausedForPhone, pauseReason: 'seller' }, noPassword, fr)).toBe(pausedForPhone.problem);
    expect(sessionProblem({ state: 'preview', problem: 'x' }, noPassword, fr)).toBe('x');
  });
});

describe('resumeRefusal', () => {
  it('refuses at once, saying why, to resume a paused session the phone cannot serve', () => {
    expect(resumeRefusal({ state: 'paused' }, noPassword, fr)).toBe(
      "Impossible de reprendre pour l'instant : indiquez votre mot de passe SIP dans les réglages, puis reprenez la session.",
    );
    expect(resumeRefusal({ state: 'paused' }, { kind: 'call-in-the-way' }, fr)).toBe(
      "Impossible de reprendre pour l'instant : un autre appel est en cours : terminez-le, puis reprenez la session.",
    );
  });

  it('lets the session resume when the phone can call, or when no call follows the resume', () => {
    expect(resumeRefusal({ state: 'paused' }, undefined, fr)).toBeUndefined();
    // An interrupted session resumes into the wrap-up of its last call; a wrap-up's resume cancels a pause.
    expect(resumeRefusal({ state: 'interrupted' }, noPassword, fr)).toBeUndefined();
    expect(resumeRefusal({ state: 'wrap-up' }, noPassword, fr)).toBeUndefined();
  });
});
