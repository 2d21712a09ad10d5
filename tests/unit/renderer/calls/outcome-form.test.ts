import { describe, expect, it } from 'vitest';
import {
  buildOutcome,
  callbackField,
  initialDisposition,
  qualifierChoices,
  stillListedNotice,
  stillListedText,
} from '../../../../src/renderer/calls/outcome-form';
import { wrapUpOrder } from '../../../../src/renderer/dialer/disposition-keys';
import type { Translate } from '../../../../src/renderer/dialer/translate';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { defaultDispositions } from '../../../../src/shared/domain/disposition';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';

const trFor = (language: 'fr' | 'en'): Translate => createI18n(language).t as unknown as Translate;

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

describe('Appels › Qualifier’s choices', () => {
  it('come in the wrap-up form’s order: conversation outcomes first, the line’s own last', () => {
    // The same order as the wrap-up form (whose order disposition-keys.test.ts spells out).
    const choices = qualifierChoices(defaultDispositions).map((d) => d.id);
    expect(choices).toEqual(wrapUpOrder(defaultDispositions).map((d) => d.id));
    expect(choices.at(0)).toBe('answered');
    expect(choices.at(-1)).toBe('invalid-number');
  });

  it('open on the call’s disposition, or on « Choisir… » when the set no longer has it', () => {
    expect(initialDisposition('busy', defaultDispositions)).toBe('busy');
    expect(initialDisposition('faux-numero-retire', defaultDispositions)).toBe('');
    expect(initialDisposition(undefined, defaultDispositions)).toBe('');
  });
});

describe('a refused call given another disposition', () => {
  it('says the consent stays revoked and the number listed (core does not undo a refusal)', () => {
    expect(stillListedNotice('refused', 'busy', defaultDispositions, true)).toBe('lead');
    expect(stillListedNotice('refused', 'answered', defaultDispositions, false)).toBe('number');
    const custom = defaultDispositions.map((d) => (d.id === 'sold' ? { ...d, doNotCall: true } : d));
    expect(stillListedNotice('sold', 'answered', custom, true)).toBe('lead');
  });

  it('says nothing when the call was not refused, is still refused, or no choice is made yet', () => {
    expect(stillListedNotice('busy', 'answered', defaultDispositions, true)).toBeNull();
    expect(stillListedNotice(undefined, 'answered', defaultDispositions, true)).toBeNull();
    expect(stillListedNotice('refused', 'refused', defaultDispositions, true)).toBeNull();
    expect(stillListedNotice('refused', '', defaultDispositions, true)).toBeNull();
  });

  it('tells where to change it, in French and English', () => {
    expect(stillListedText('lead', trFor('fr'))).toBe(
      "Le consentement reste révoqué et le numéro reste sur la liste d'opposition : changer l'issue ne les rétablit pas. Pour appeler à nouveau ce numéro, il faut un nouveau consentement (fiche du prospect, section « Consentements ») et retirer le numéro de la liste d'opposition de la concession.",
    );
    expect(stillListedText('number', trFor('fr'))).toBe(
      "Le numéro reste sur la liste d'opposition de la concession : changer l'issue ne l'en retire pas.",
    );
    expect(stillListedText('lead', trFor('en'))).toContain('“Consent” section');
    expect(fr.calls.edit.saved).toBe('Issue enregistrée.');
    expect(en.calls.edit.saved).toBe('Disposition saved.');
  });
});
