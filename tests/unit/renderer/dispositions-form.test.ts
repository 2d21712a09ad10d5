import { describe, expect, it } from 'vitest';
import { openDispositionBook } from '../../../src/core/outcomes/disposition-book';
import { dispatch } from '../../../src/core/rpc/dispatch';
import { openStore } from '../../../src/core/store';
import { createI18n } from '../../../src/renderer/i18n/i18n';
import type { Translate } from '../../../src/renderer/dialer/translate';
import { serverErrorText } from '../../../src/renderer/settings/field-errors';
import {
  buildSet,
  delayLimits,
  dispositionIdFromLabel,
  dispositionSummary,
  hasUnsavedChanges,
  isSipDisposition,
  localProblemText,
  moveItem,
  newForm,
  sameSet,
  splitSetError,
  toForm,
  toForms,
  type DispositionForm,
} from '../../../src/renderer/settings/dispositions/disposition-form';
import type { Handlers } from '../../../src/shared/contract';
import { defaultDispositions, type Disposition } from '../../../src/shared/domain/disposition';
import type { AppError } from '../../../src/shared/result';
import { tempDir } from '../leads/helpers';

const screens = { fr: createI18n('fr'), en: createI18n('en') };
const tr = (language: 'fr' | 'en'): Translate => screens[language].t as unknown as Translate;
const byId = (id: string): Disposition => defaultDispositions.find((d) => d.id === id)!;
const savedIds = defaultDispositions.map((d) => d.id);

function built(forms: readonly DispositionForm[], saved: readonly string[] = savedIds): Disposition[] {
  const result = buildSet(forms, saved);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.set;
}
const edit = (forms: DispositionForm[], key: string, patch: Partial<DispositionForm>) =>
  forms.map((form) => (form.key === key ? { ...form, ...patch } : form));

describe('disposition set <-> form values', () => {
  it('gives back the same set when nothing is edited', () => {
    const set = built(toForms(defaultDispositions));
    expect(set).toEqual(defaultDispositions);
    expect(sameSet(set, defaultDispositions)).toBe(true);
  });

  it('shows a delay in whole hours as hours, any other in minutes, and stores minutes', () => {
    expect(toForm(byId('no-answer'))).toMatchObject({ retryOn: true, retryDelay: '2', retryUnit: 'hours' });
    expect(toForm(byId('busy'))).toMatchObject({ retryDelay: '10', retryUnit: 'minutes', retryMaxAttempts: '3' });
    expect(toForm(byId('voicemail-left'))).toMatchObject({ retryDelay: '24', retryUnit: 'hours' });

    let forms = edit(toForms(defaultDispositions), 'no-answer', { retryDelay: ' 3 ', retryMaxAttempts: '5' });
    forms = edit(forms, 'busy', { retryDelay: '90', retryUnit: 'minutes' });
    const set = built(forms);
    expect(set.find((d) => d.id === 'no-answer')!.retry).toEqual({ afterMinutes: 180, maxAttempts: 5 });
    expect(set.find((d) => d.id === 'busy')!.retry).toEqual({ afterMinutes: 90, maxAttempts: 3 });
    expect(sameSet(set, defaultDispositions)).toBe(false);
  });

  it('drops the retry and the stage move when switched off, and keeps the switches’ values for later', () => {
    const forms = edit(toForms(defaultDispositions), 'answered', { stageOn: false });
    const noRetry = edit(forms, 'busy', { retryOn: false, retryDelay: 'not read when off' });
    const set = built(noRetry);
    expect(set.find((d) => d.id === 'answered')!.stage).toBeNull();
    expect(set.find((d) => d.id === 'busy')!.retry).toBeNull();
    // Off by default, a retry switched on starts from sensible values.
    expect(toForm(byId('sold'))).toMatchObject({ retryOn: false, retryDelay: '2', retryUnit: 'hours' });
  });

  it('keeps "only from" stages in the stages’ order, and leaves it out when none is ticked', () => {
    const forms = [
      { ...newForm(1), labelFr: 'Essai', labelEn: 'Test drive', stageOn: true, stageTo: 'visited' as const },
      {
        ...newForm(2),
        labelFr: 'Devis',
        labelEn: 'Quote',
        stageOn: true,
        stageTo: 'appointment' as const,
        stageOnlyFrom: ['contacted' as const, 'new' as const],
      },
    ];
    const [first, second] = built(forms);
    expect(first!.stage).toEqual({ to: 'visited' });
    expect(second!.stage).toEqual({ to: 'appointment', onlyFrom: ['new', 'contacted'] });
  });

  it('keeps the list’s order: moving changes the set’s order', () => {
    const forms = toForms(defaultDispositions);
    const set = built(moveItem(forms, 1, -1));
    expect(set.slice(0, 2).map((d) => d.id)).toEqual(['appointment-set', 'answered']);
    expect(moveItem(forms, 0, -1).map((f) => f.key)).toEqual(forms.map((f) => f.key));
    expect(moveItem(forms, forms.length - 1, 1).map((f) => f.key)).toEqual(forms.map((f) => f.key));
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('knows the dispositions the line sets, which cannot be removed', () => {
    expect(['no-answer', 'busy', 'invalid-number', 'declined'].every(isSipDisposition)).toBe(true);
    expect(isSipDisposition('answered')).toBe(false);
    expect(isSipDisposition(null)).toBe(false);
  });
});

describe('unsaved changes (leaving asks first)', () => {
  const saved = [...defaultDispositions];

  it('are none right after loading, or once edits are typed back', () => {
    expect(hasUnsavedChanges(toForms(saved), saved)).toBe(false);
    // A switch turned on and off, spaces around a label, "2 h" typed as "120 min": nothing to save.
    let forms = edit(toForms(saved), 'sold', { retryOn: false, retryDelay: '5' });
    forms = edit(forms, 'answered', { labelFr: ' Répondu ' });
    forms = edit(forms, 'no-answer', { retryDelay: '120', retryUnit: 'minutes' });
    forms = edit(forms, 'appointment-set', { stageOnlyFrom: ['contacted', 'new'] });
    expect(hasUnsavedChanges(forms, saved)).toBe(false);
  });

  it('are any change the save would send, an added, removed or moved outcome, or a value not yet valid', () => {
    const forms = toForms(saved);
    expect(hasUnsavedChanges(edit(forms, 'answered', { labelFr: 'Répondu – intéressé' }), saved)).toBe(true);
    expect(hasUnsavedChanges(edit(forms, 'busy', { retryDelay: 'abc' }), saved)).toBe(true);
    expect(hasUnsavedChanges(edit(forms, 'sold', { retryOn: true }), saved)).toBe(true);
    expect(hasUnsavedChanges(edit(forms, 'refused', { doNotCall: false }), saved)).toBe(true);
    expect(hasUnsavedChanges([...forms, newForm(1)], saved)).toBe(true);
    expect(hasUnsavedChanges(forms.slice(1), saved)).toBe(true);
    expect(hasUnsavedChanges(moveItem(forms, 1, -1), saved)).toBe(true);
  });
});

describe('a new disposition’s id', () => {
  it('comes from the French label: lowercase, no accents, dashes', () => {
    const none = new Set<string>();
    expect(dispositionIdFromLabel('Rappel demandé (client)', none)).toBe('rappel-demande-client');
    expect(dispositionIdFromLabel('  Essai à refaire ! ', none)).toBe('essai-a-refaire');
    expect(dispositionIdFromLabel('Cœur de cible – été', none)).toBe('coeur-de-cible-ete');
    expect(dispositionIdFromLabel('2e appel', none)).toBe('issue-2e-appel');
    expect(dispositionIdFromLabel('¿?', none)).toBe('issue');
    const long = dispositionIdFromLabel('Très long libellé qui dépasse largement quarante caractères', none);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
  });

  it('is unique among the set, the saved set and the other new ones', () => {
    expect(dispositionIdFromLabel('Vendu', new Set(['vendu', 'vendu-2']))).toBe('vendu-3');
    const long = 'x'.repeat(40);
    expect(dispositionIdFromLabel(long, new Set([long]))).toBe(`${'x'.repeat(38)}-2`);

    const forms = [
      ...toForms(defaultDispositions),
      // Labels that differ (a label another outcome has is refused) but make the same id.
      { ...newForm(1), labelFr: 'Répondu !', labelEn: 'Answered again' },
      { ...newForm(2), labelFr: 'Répondu ?', labelEn: 'And again' },
      { ...newForm(3), labelFr: 'Ancienne issue', labelEn: 'Old one' },
    ];
    // `ancienne-issue` was removed from the set earlier but its calls still carry the id.
    const set = built(forms, [...savedIds, 'ancienne-issue']);
    expect(set.slice(-3).map((d) => d.id)).toEqual(['repondu', 'repondu-2', 'ancienne-issue-2']);
  });
});

describe('checks before sending', () => {
  it('names each field to fix, with the limits in the unit typed', () => {
    const forms = [
      ...edit(toForms(defaultDispositions), 'busy', { retryDelay: '2,5', retryMaxAttempts: '21' }),
      { ...newForm(1), labelFr: '   ', labelEn: 'x'.repeat(61), retryOn: true, retryDelay: '1441', retryUnit: 'hours' },
    ] satisfies DispositionForm[];
    const result = buildSet(forms, savedIds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { key: 'busy', field: 'retryDelay', detail: { problem: 'not-a-whole-number' } },
      { key: 'busy', field: 'retryMaxAttempts', detail: { problem: 'attempts-range', min: 1, max: 20 } },
      { key: 'new-1', field: 'labelFr', detail: { problem: 'label-required' } },
      { key: 'new-1', field: 'labelEn', detail: { problem: 'label-too-long', max: 60 } },
      {
        key: 'new-1',
        field: 'retryDelay',
        detail: { problem: 'delay-range', unit: 'hours', min: 1, max: 1440 },
      },
    ]);
    expect(delayLimits('minutes')).toEqual({ min: 1, max: 86_400 });
  });

  it('refuses a label another outcome has, case and accents aside, on the later one', () => {
    const forms = [
      ...toForms(defaultDispositions),
      { ...newForm(1), labelFr: 'occupe ', labelEn: 'Line busy' },
      { ...newForm(2), labelFr: 'Essai à refaire', labelEn: 'BUSY' },
    ] satisfies DispositionForm[];
    const result = buildSet(forms, savedIds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { key: 'new-1', field: 'labelFr', detail: { problem: 'label-taken' } },
      { key: 'new-2', field: 'labelEn', detail: { problem: 'label-taken' } },
    ]);
    expect(localProblemText({ problem: 'label-taken' }, tr('fr'), 'fr')).toBe('Une autre issue porte déjà ce libellé.');
  });

  it('refuses a retry on a do-not-call outcome, on its retry switch, whichever was ticked last', () => {
    const forms = [
      ...edit(toForms(defaultDispositions), 'refused', { retryOn: true }),
      { ...newForm(1), labelFr: 'Hors cible', labelEn: 'Not a buyer', doNotCall: true, retryOn: true },
    ] satisfies DispositionForm[];
    const result = buildSet(forms, savedIds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { key: 'refused', field: 'retry', detail: { problem: 'retry-with-do-not-call' } },
      { key: 'new-1', field: 'retry', detail: { problem: 'retry-with-do-not-call' } },
    ]);
    // Either one alone is fine: a retry without do-not-call, do-not-call without a retry.
    const fixed = built(edit(edit(forms, 'refused', { doNotCall: false }), 'new-1', { retryOn: false }));
    expect(fixed.find((d) => d.id === 'refused')).toMatchObject({ doNotCall: false, retry: { afterMinutes: 120 } });
    expect(fixed.at(-1)).toMatchObject({ doNotCall: true, retry: null });
    expect(localProblemText({ problem: 'retry-with-do-not-call' }, tr('fr'), 'fr')).toBe(
      "Impossible avec « Ne plus appeler » coché : le numéro ne sera plus jamais appelé. Décochez l'une des deux cases.",
    );
    expect(localProblemText({ problem: 'retry-with-do-not-call' }, tr('en'), 'en')).toBe(
      'Not possible with “Do not call again” ticked: the number will never be called again. Untick one of the two boxes.',
    );
  });

  it('words the problems in the UI’s language', () => {
    const hours = { problem: 'delay-range', unit: 'hours', min: 1, max: 1440 } as const;
    const thousands = new Intl.NumberFormat('fr').format(1440);
    expect(localProblemText(hours, tr('fr'), 'fr')).toBe(`Choisissez une valeur entre 1 et ${thousands} h.`);
    expect(localProblemText({ ...hours, unit: 'minutes', max: 86_400 }, tr('en'), 'en')).toBe(
      'Choose a value between 1 and 86,400 min.',
    );
    expect(localProblemText({ problem: 'label-required' }, tr('fr'), 'fr')).toBe('Saisissez un libellé.');
    expect(localProblemText({ problem: 'attempts-range', min: 1, max: 20 }, tr('fr'), 'fr')).toBe(
      'Choisissez entre 1 et 20 appels.',
    );
  });
});

describe('server errors', () => {
  const handlers = {} as Handlers;
  const refused = async (set: unknown): Promise<AppError> => {
    const result = await dispatch(handlers, 'dispositions.update', { set });
    if (result.ok) throw new Error('expected a refusal');
    return result.error;
  };

  it('go next to the field of the disposition they name', async () => {
    const forms = toForms(defaultDispositions);
    const sent = built(forms).map((d) => (d.id === 'busy' ? { ...d, labels: { ...d.labels, fr: 'x'.repeat(61) } } : d));
    const error = await refused(sent);
    const { fields, general } = splitSetError(error, forms);
    expect(general).toBeNull();
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ key: 'busy', field: 'labelFr', error: { path: 'set.4.labels.fr' } });
    const text = serverErrorText(
      { code: error.code, field: fields[0]!.error.path, message: fields[0]!.error.detail },
      'fr',
    );
    expect(screens.fr.t(text.key, text.values)).toBe(screens.fr.t('fieldErrors.tooLong', { max: 60 }));

    // A refused retry delay lands on the delay field, a bad id on the French label it comes from.
    const retry = await refused(
      built(forms).map((d) =>
        d.id === 'sold' ? { ...d, id: 'Vendu!', retry: { afterMinutes: 0, maxAttempts: 1 } } : d,
      ),
    );
    expect(splitSetError(retry, forms).fields.map(({ key, field }) => ({ key, field }))).toEqual([
      { key: 'sold', field: 'labelFr' },
      { key: 'sold', field: 'retryDelay' },
    ]);
  });

  it('a retry refused on a do-not-call outcome lands on its retry switch', async () => {
    const forms = toForms(defaultDispositions);
    const sent = built(forms).map((d) =>
      d.id === 'refused' ? { ...d, retry: { afterMinutes: 60, maxAttempts: 2 } } : d,
    );
    const store = await openStore({ dataDir: tempDir() });
    const book = await openDispositionBook(store);
    const error = await dispatch(
      { 'dispositions.update': ({ set }) => book.update(set) } as Handlers,
      'dispositions.update',
      {
        set: sent,
      },
    );
    await store.close();
    if (error.ok) throw new Error('expected a refusal');
    const { fields, general } = splitSetError(error.error, forms);
    expect(general).toBeNull();
    expect(fields.map(({ key, field }) => ({ key, field }))).toEqual([{ key: 'refused', field: 'retry' }]);
  });

  it('that name no field are the whole form’s', async () => {
    const forms = toForms(defaultDispositions.filter((d) => d.id !== 'busy'));
    const error = await refused(built(forms));
    const { fields, general } = splitSetError(error, forms);
    expect(fields).toEqual([]);
    expect(general).toBe(error);
    expect(splitSetError({ code: 'store-failure', message: 'disk full' }, forms).general?.code).toBe('store-failure');
  });
});

describe('summary of a disposition’s rules', () => {
  // French quotes hold their word with no-break spaces, so a line never starts with ».
  const q = (stage: string) => `«\u00a0${stage}\u00a0»`;

  it('says the retry, the stage move and the flags in French', () => {
    const fr = (id: string) => dispositionSummary(byId(id), tr('fr'), 'fr');
    expect(fr('no-answer')).toEqual(["nouvel essai automatique dans 2 h, jusqu'à 3 appels"]);
    expect(fr('busy')).toEqual(["nouvel essai automatique dans 10 min, jusqu'à 3 appels"]);
    expect(fr('answered')).toEqual([
      `fait passer le prospect à ${q('Contacté')} s'il est à ${q('Nouveau')}`,
      'conversation',
      'pas de nouvel essai automatique',
    ]);
    expect(fr('appointment-set')).toEqual([
      `fait passer le prospect à ${q('Rendez-vous')} s'il est à ${q('Nouveau')} ou ${q('Contacté')}`,
      'conversation',
      'compte comme rendez-vous',
      'pas de nouvel essai automatique',
    ]);
    expect(fr('refused')).toEqual([
      'conversation',
      "ne plus jamais appeler (consentement révoqué, liste d'opposition)",
    ]);
    expect(fr('sold')[0]).toBe(`fait passer le prospect à ${q('Vendu')}`);
    const once = { ...byId('busy'), retry: { afterMinutes: 90, maxAttempts: 1 } };
    expect(dispositionSummary(once, tr('fr'), 'fr')).toEqual(["nouvel essai automatique dans 90 min, jusqu'à 1 appel"]);
  });

  it('and in English', () => {
    const en = (id: string) => dispositionSummary(byId(id), tr('en'), 'en');
    expect(en('voicemail-left')).toEqual(['tried again automatically in 24 h, up to 3 calls']);
    expect(en('callback-requested')).toEqual([
      'moves the lead to “Contacted” when at “New”',
      'conversation',
      'asks for a callback time',
    ]);
    expect(en('wrong-number')).toEqual(['not tried again automatically']);
    expect(en('appointment-set')[0]).toBe('moves the lead to “Appointment” when at “New” or “Contacted”');
    expect(en('refused')).toEqual(['conversation', 'never called again (consent revoked, do-not-call list)']);
  });

  it('never says « demande une date de rappel » and « pas de rappel » together (Rappel demandé)', () => {
    const fr = dispositionSummary(byId('callback-requested'), tr('fr'), 'fr');
    expect(fr).toEqual([
      `fait passer le prospect à ${q('Contacté')} s'il est à ${q('Nouveau')}`,
      'conversation',
      'demande une date de rappel',
    ]);
  });

  it('names the identifier for what it is: the code of the JSON exports and dispositions.json', () => {
    expect(tr('fr')('settings.dispositions.form.id', { id: 'voicemail-left' })).toBe(
      'Code technique (exports JSON, fichier dispositions.json) : voicemail-left',
    );
    expect(tr('fr')('settings.dispositions.form.newId', { id: 'essai' })).toBe(
      'Code technique (exports JSON, fichier dispositions.json), tiré du libellé français : essai',
    );
    expect(tr('en')('settings.dispositions.form.id', { id: 'voicemail-left' })).toBe(
      'Technical code (JSON exports, dispositions.json file): voicemail-left',
    );
  });
});
