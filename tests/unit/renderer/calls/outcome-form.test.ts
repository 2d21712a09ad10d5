import { describe, expect, it } from 'vitest';
import { buildOutcome, callbackField } from '../../../../src/renderer/calls/outcome-form';
import { defaultDispositions } from '../../../../src/shared/domain/disposition';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';

describe('the outcome of a call linked to no lead (an unknown caller)', () => {
  const form = {
    disposition: 'callback-requested',
    notes: '',
    callbackAt: '2026-03-12T14:30',
    scope: 'owner' as const,
  };

  it('offers no callback time: it says why instead', () => {
    expect(callbackField('callback-requested', defaultDispositions, false)).toBe('no-lead');
    expect(callbackField('callback-requested', defaultDispositions, true)).toBe('ask');
    expect(callbackField('answered', defaultDispositions, false)).toBe('none');
    expect(callbackField('', defaultDispositions, false)).toBe('none');
  });

  it('refuses "callback requested" before saving, even with a date typed earlier', () => {
    expect(buildOutcome('R1', form, defaultDispositions, false)).toEqual({
      ok: false,
      problem: 'no-lead-for-callback',
    });
    expect(buildOutcome('R1', form, defaultDispositions, true)).toMatchObject({
      ok: true,
      input: { disposition: 'callback-requested', callback: { scope: 'owner' } },
    });
  });

  it('saves the other dispositions, do-not-call included, with no callback', () => {
    for (const disposition of ['answered', 'refused', 'sold'])
      expect(buildOutcome('R1', { ...form, disposition, notes: ' Inconnu ' }, defaultDispositions, false)).toEqual({
        ok: true,
        input: { recordId: 'R1', disposition, note: 'Inconnu' },
      });
  });

  it('has the words in both languages', () => {
    for (const catalog of [fr, en]) {
      expect(catalog.calls.edit.noLeadForCallback).toBeTruthy();
      expect(catalog.calls.edit.problem['no-lead-for-callback']).toBeTruthy();
    }
    expect(fr.calls.edit.noLeadForCallback).toBe(
      "Cet appel n'est lié à aucun prospect : créez le prospect pour programmer un rappel.",
    );
  });
});
