import { describe, expect, it } from 'vitest';
import { wrapUpKey, wrapUpOrder } from '../../../src/renderer/dialer/disposition-keys';
import type { Translate } from '../../../src/renderer/dialer/translate';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import { hasUnsavedChanges, moveItem, toForms } from '../../../src/renderer/settings/dispositions/disposition-form';
import {
  addIndex,
  canMove,
  inKeyOrder,
  keyChanges,
  keyChangesText,
  wrapUpKeys,
} from '../../../src/renderer/settings/dispositions/key-order';
import { defaultDispositions, type Disposition } from '../../../src/shared/domain/disposition';

const tr = (language: 'fr' | 'en'): Translate => createI18n(language).t as unknown as Translate;
const listed = inKeyOrder(defaultDispositions);
/** The badge of each row, top to bottom. */
const badges = (set: readonly Disposition[]) => {
  const keys = wrapUpKeys(set);
  return set.map((d) => keys.get(d.id) ?? '–');
};
const without = (set: readonly Disposition[], id: string) => set.filter((d) => d.id !== id);
const extra = (id: string, fr: string): Disposition => ({
  id,
  labels: { fr, en: fr },
  retry: null,
  stage: null,
  contact: true,
  appointment: false,
  doNotCall: false,
  requiresCallback: false,
});

describe('Settings › Call outcomes: the keys follow the list', () => {
  it('lists the set in the wrap-up order, so the badges read 1 to 9 down the list (not 1,2,3,8,9,4,–,5,–,6,7)', () => {
    expect(badges(defaultDispositions)).toEqual(['1', '2', '3', '8', '9', '4', '–', '5', '–', '6', '7']);
    expect(badges(listed)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '–', '–']);
    expect(listed.slice(7).map((d) => d.id)).toEqual(['no-answer', 'busy', 'declined', 'invalid-number']);
  });

  it('each badge is the digit the wrap-up form picks with', () => {
    const keys = wrapUpKeys(listed);
    for (const d of listed) {
      const key = keys.get(d.id);
      if (key) expect(wrapUpKey({ key }, 'choice', wrapUpOrder(listed))).toEqual({ kind: 'pick', id: d.id });
    }
  });

  it('listing a saved set that mixes the two kinds in key order is no change to save and moves no key', () => {
    expect(hasUnsavedChanges(toForms(listed), listed)).toBe(false);
    expect(keyChanges(defaultDispositions, listed, 'fr')).toEqual([]);
  });

  it('a move stays on its side of the line outcomes, where the key follows the row', () => {
    const forms = toForms(listed);
    const lastOwn = listed.findIndex((d) => d.id === 'sold');
    expect(canMove(forms, 0, 1)).toBe(true);
    expect(canMove(forms, 0, -1)).toBe(false);
    expect(canMove(forms, lastOwn, 1)).toBe(false); // "Vendu" cannot go below "Pas de réponse"
    expect(canMove(forms, lastOwn + 1, -1)).toBe(false); // nor "Pas de réponse" above "Vendu"
    expect(canMove(forms, lastOwn + 1, 1)).toBe(true);
    expect(canMove(forms, forms.length - 1, 1)).toBe(false);
    // Every allowed move swaps the two rows' keys and nothing else.
    for (let i = 0; i < forms.length; i++)
      for (const delta of [-1, 1] as const) {
        if (!canMove(forms, i, delta)) continue;
        const moved = moveItem(listed, i, delta);
        expect(badges(moved)).toEqual(badges(listed));
      }
  });

  it('an added outcome goes after the seller’s outcomes, before the line’s', () => {
    expect(addIndex(toForms(listed))).toBe(7);
    expect(addIndex(toForms(listed.slice(0, 7)))).toBe(7);
    const added = listed.toSpliced(7, 0, extra('essai', 'Essai à refaire'));
    expect(badges(added).slice(0, 9)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('Settings › Call outcomes: a save that changes keys says so first', () => {
  it('removing « Faux numéro » moves Refus from 6 to 5 and the rest up (walk: key 6 silently became Refus)', () => {
    const next = without(listed, 'wrong-number');
    expect(keyChanges(listed, next, 'fr').map(({ id, from, to }) => [id, from, to])).toEqual([
      ['refused', '6', '5'],
      ['sold', '7', '6'],
      ['no-answer', '8', '7'],
      ['busy', '9', '8'],
      ['declined', undefined, '9'],
    ]);
    expect(keyChangesText(keyChanges(listed, next, 'fr'), tr('fr'), 'fr')).toBe(
      "Les touches du formulaire de fin d'appel changeront à l'enregistrement : " +
        '« Refus – ne plus appeler » passe de 6 à 5, « Vendu » passe de 7 à 6, « Pas de réponse » passe de 8 à 7, ' +
        '« Occupé » passe de 9 à 8 et « Appel rejeté » prend la touche 9. Prévenez les vendeurs.',
    );
  });

  it('moving, adding and renaming: the new label, a lost key, English', () => {
    const refusedAt = listed.findIndex((d) => d.id === 'refused');
    const swapped = moveItem(listed, refusedAt, 1).map((d) =>
      d.id === 'sold' ? { ...d, labels: { fr: 'Vendu !', en: 'Sold!' } } : d,
    );
    expect(keyChangesText(keyChanges(listed, swapped, 'en'), tr('en'), 'en')).toBe(
      "The wrap-up form's keys will change when you save: “Sold!” goes from 7 to 6 and " +
        '“Refused – do not call again” goes from 6 to 7. Tell the sellers.',
    );
    const added = listed.toSpliced(7, 0, extra('essai', 'Essai à refaire'));
    const changes = keyChanges(listed, added, 'fr');
    expect(changes.map(({ id, from, to }) => [id, from, to])).toEqual([
      ['no-answer', '8', '9'],
      ['busy', '9', undefined],
    ]);
    expect(keyChangesText(changes, tr('fr'), 'fr')).toContain('« Occupé » perd sa touche 9');
  });

  it('says nothing when no key changes (rules or a label edited)', () => {
    const edited = listed.map((d) =>
      d.id === 'sold' ? { ...d, contact: false, labels: { fr: 'Vendu !', en: 'Sold!' } } : d,
    );
    expect(keyChangesText(keyChanges(listed, edited, 'fr'), tr('fr'), 'fr')).toBeNull();
  });
});
