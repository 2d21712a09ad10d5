import { describe, expect, it } from 'vitest';
import {
  doNotCallQuestion,
  editingOutcome,
  formTakesKeys,
  outcomeSaveStep,
  type OutcomeSaveEvent,
  type OutcomeSaveState,
} from '../../../../src/renderer/app/do-not-call-confirm';
import { buildOutcome } from '../../../../src/renderer/calls/outcome-form';
import { wrapUpKey, wrapUpOrder } from '../../../../src/renderer/dialer/disposition-keys';
import type { Translate } from '../../../../src/renderer/dialer/translate';
import { checkWrapUp, emptyDraft } from '../../../../src/renderer/dialer/wrap-up-form';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { displayPhone } from '../../../../src/renderer/leads/format';
import { defaultDispositions, type Disposition } from '../../../../src/shared/domain/disposition';

const tr = (language: 'fr' | 'en'): Translate => createI18n(language).t as unknown as Translate;
const byId = (id: string): Disposition => defaultDispositions.find((d) => d.id === id)!;

/** Runs events through the save machine; returns the last state and every outcome sent. */
function run<T>(events: OutcomeSaveEvent<T>[]): { state: OutcomeSaveState<T>; sent: T[] } {
  let state: OutcomeSaveState<T> = editingOutcome;
  const sent: T[] = [];
  for (const event of events) {
    const step = outcomeSaveStep(state, event);
    state = step.state;
    if (step.send !== undefined) sent.push(step.send);
  }
  return { state, sent };
}

describe('saving an outcome that puts the number on the do-not-call list', () => {
  const refused = { kind: 'submit' as const, outcome: 'refused', disposition: byId('refused') };
  const answered = { kind: 'submit' as const, outcome: 'answered', disposition: byId('answered') };

  it('asks first: nothing is sent until the seller confirms', () => {
    expect(run([refused])).toEqual({ state: { kind: 'asking', outcome: 'refused' }, sent: [] });
    expect(run([refused, { kind: 'confirm' }])).toEqual({
      state: { kind: 'saving', outcome: 'refused' },
      sent: ['refused'],
    });
  });

  it('sends nothing when the seller cancels, and the form is theirs again', () => {
    expect(run([refused, { kind: 'cancel' }])).toEqual({ state: { kind: 'editing' }, sent: [] });
  });

  it('a second Enter or Ctrl+Enter under the question does not save', () => {
    expect(run([refused, refused, answered]).sent).toEqual([]);
    expect(run([refused, refused, answered]).state).toEqual({ kind: 'asking', outcome: 'refused' });
  });

  it('saves any other outcome at once, and only once', () => {
    expect(run([answered])).toEqual({ state: { kind: 'saving', outcome: 'answered' }, sent: ['answered'] });
    expect(run([answered, answered, { kind: 'confirm' }]).sent).toEqual(['answered']);
    expect(run([answered, { kind: 'settled' }]).state).toEqual({ kind: 'editing' });
  });

  it('asks for a custom outcome with the flag too', () => {
    const custom = { ...byId('sold'), id: 'plus-jamais', doNotCall: true };
    expect(run([{ kind: 'submit', outcome: 'x', disposition: custom }]).sent).toEqual([]);
  });

  it('takes no digit or Enter while the question is open or the save runs', () => {
    expect(formTakesKeys(editingOutcome)).toBe(true);
    expect(formTakesKeys({ kind: 'asking', outcome: 'refused' })).toBe(false);
    expect(formTakesKeys({ kind: 'saving', outcome: 'refused' })).toBe(false);
  });
});

describe('the dialer wrap-up: a digit picks « Refus », Enter does not save it unasked', () => {
  const ordered = wrapUpOrder(defaultDispositions);
  // The digit of « Refus – ne plus appeler » in the default set.
  const key = String(ordered.findIndex((d) => d.id === 'refused') + 1);

  it.each([
    ['Enter on the choices', { key: 'Enter' }, 'choice' as const],
    ['Ctrl+Enter from the note', { key: 'Enter', ctrlKey: true }, 'note' as const],
  ])('%s asks first', (_name, enter, focus) => {
    const pick = wrapUpKey({ key }, 'choice', ordered);
    expect(pick).toEqual({ kind: 'pick', id: 'refused' });
    expect(wrapUpKey(enter, focus, ordered)).toEqual({ kind: 'save' });
    const check = checkWrapUp({ ...emptyDraft, disposition: 'refused' }, ordered, new Date());
    if (!check.ok) throw new Error('the draft should be complete');
    const { state, sent } = run([{ kind: 'submit', outcome: check.outcome, disposition: check.disposition }]);
    expect(state.kind).toBe('asking');
    expect(sent).toEqual([]);
  });
});

describe('Appels › Qualifier: « Refus » then Enregistrer', () => {
  it('asks first, on a call with a lead or without one', () => {
    for (const linked of [true, false]) {
      const form = { disposition: 'refused', notes: '', callbackAt: '', scope: 'owner' as const };
      const built = buildOutcome('R1', form, defaultDispositions, linked);
      if (!built.ok) throw new Error('a refusal needs nothing more');
      const { sent } = run([{ kind: 'submit', outcome: built.input, disposition: byId(built.input.disposition) }]);
      expect(sent).toEqual([]);
    }
  });
});

describe('the do-not-call question', () => {
  const number = displayPhone('+33687846531', 'FR');

  it('names the number and says what happens, in French', () => {
    const question = doNotCallQuestion({ number, answered: true }, tr('fr'));
    expect(question.title).toBe('Ne plus jamais appeler ce numéro ?');
    expect(question.paragraphs).toEqual([
      'Le numéro 06 87 84 65 31 ne sera plus jamais appelé et son consentement est révoqué.',
      "Choisir une autre issue plus tard ne l'annulera pas.",
    ]);
    expect(question.warning).toBeUndefined();
    expect([question.cancel, question.confirm]).toEqual(['Annuler', 'Ne plus appeler']);
  });

  it('names the lead when there is one', () => {
    const question = doNotCallQuestion({ number, name: 'Chloé Barbé', answered: undefined }, tr('fr'));
    expect(question.paragraphs[0]).toBe(
      'Le numéro 06 87 84 65 31 (Chloé Barbé) ne sera plus jamais appelé et son consentement est révoqué.',
    );
  });

  it('allows it on a call nobody answered, but says so first', () => {
    const question = doNotCallQuestion({ number, name: ' ', answered: false }, tr('fr'));
    expect(question.warning).toBe(
      "Cet appel n'a pas été décroché : ne choisissez cette issue que si le client a demandé par un autre moyen à ne plus être appelé.",
    );
    expect(question.paragraphs[0]).toMatch(/^Le numéro 06 87 84 65 31 ne sera/);
  });

  it('and in English', () => {
    const question = doNotCallQuestion({ number: '+1 212-555-0100', name: 'Ann Lee', answered: false }, tr('en'));
    expect(question.title).toBe('Never call this number again?');
    expect(question.paragraphs[0]).toBe(
      'The number +1 212-555-0100 (Ann Lee) will never be called again and its consent is revoked.',
    );
    expect(question.warning).toMatch(/^This call was not answered/);
    expect([question.cancel, question.confirm]).toEqual(['Cancel', 'Do not call again']);
  });
});
