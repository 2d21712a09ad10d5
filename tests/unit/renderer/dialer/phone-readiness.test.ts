import { describe, expect, it } from 'vitest';
import type { DialerView } from '../../../../src/shared/domain/dialer';
import {
  asSentence,
  previewBoundToFail,
  problemInSettings,
  resumeRefusal,
  sessionProblem,
} from '../../../../src/renderer/dialer/phone-readiness';
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

  it('says nothing once the phone can call again, so the seller sees Resume is safe', () => {
    expect(sessionProblem(pausedForPhone, undefined, fr)).toBeUndefined();
    expect(resumeRefusal(pausedForPhone, undefined, fr)).toBeUndefined();
  });

  it('keeps core’s words otherwise', () => {
    expect(sessionProblem({ ...pausedForPhone, pauseReason: 'seller' }, noPassword, fr)).toBe(pausedForPhone.problem);
    expect(sessionProblem({ state: 'preview', problem: 'x' }, noPassword, fr)).toBe('x');
  });
});

describe('the problem line', () => {
  it('ends with a period where the words lack one, once', () => {
    const line = fr('dialer.session.problem', { problem: asSentence(sessionProblem(pausedForPhone, noPassword, fr)!) });
    expect(line).toBe('Problème : indiquez votre mot de passe SIP dans les réglages, puis reprenez la session.');
    expect(asSentence('Le standard a refusé le compte.')).toBe('Le standard a refusé le compte.');
    expect(asSentence('the next lead could not be chosen: disk full ')).toBe(
      'the next lead could not be chosen: disk full.',
    );
  });

  it('links to Settings when the phone’s cause is there: no account, a piece missing, refused or offline', () => {
    expect(problemInSettings(pausedForPhone, noPassword)).toBe(true);
    expect(problemInSettings(pausedForPhone, { kind: 'no-account' })).toBe(true);
    expect(problemInSettings(pausedForPhone, { kind: 'unregistered' })).toBe(true);
    // Causes Settings cannot fix, the phone able to call again, or a pause the seller asked for.
    expect(problemInSettings(pausedForPhone, { kind: 'call-in-the-way' })).toBe(false);
    expect(problemInSettings(pausedForPhone, { kind: 'microphone-refused' })).toBe(false);
    expect(problemInSettings(pausedForPhone, undefined)).toBe(false);
    expect(problemInSettings({ state: 'paused', pauseReason: 'seller' }, noPassword)).toBe(false);
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

describe('previewBoundToFail', () => {
  const counting = { state: 'preview', countdownEndsAt: '2026-11-27T09:00:10.000Z' } as const;

  it('stops a countdown the phone cannot serve: no account, a piece missing, refused or offline', () => {
    expect(previewBoundToFail(counting, { kind: 'no-account' })).toBe(true);
    expect(previewBoundToFail(counting, noPassword)).toBe(true);
    expect(previewBoundToFail(counting, { kind: 'unregistered' })).toBe(true);
    expect(
      previewBoundToFail(counting, { kind: 'failed', reason: 'unauthorized', code: 403, detail: 'Forbidden' }),
    ).toBe(true);
  });

  it('lets it run when the phone can call, or may well be able to by the end of the countdown', () => {
    expect(previewBoundToFail(counting, undefined)).toBe(false);
    expect(previewBoundToFail(counting, { kind: 'connecting' })).toBe(false);
    expect(previewBoundToFail(counting, { kind: 'reconnecting' })).toBe(false);
    expect(previewBoundToFail(counting, { kind: 'call-in-the-way' })).toBe(false);
  });

  it('has nothing to stop without a running countdown', () => {
    // A manual preview waits for the seller's "Call now"; a pause or a call is no preview.
    expect(previewBoundToFail({ state: 'preview' }, noPassword)).toBe(false);
    expect(previewBoundToFail({ ...counting, state: 'paused' }, noPassword)).toBe(false);
    expect(previewBoundToFail({ ...counting, state: 'dialing' }, noPassword)).toBe(false);
  });
});
