import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialerView } from '../../shared/domain/dialer';
import type { Disposition, OutcomeInput } from '../../shared/domain/disposition';
import { useClient } from '../app/connection-context';
import { doNotCallQuestion, formTakesKeys } from '../app/do-not-call-confirm';
import { DoNotCallDialog, useOutcomeSave } from '../app/DoNotCallDialog';
import { displayPhone } from '../leads/format';
import { nextWorkingDayAtTen, toDateTimeLocal } from '../leads/snooze';
import { keyForIndex, wrapUpKey, wrapUpOrder, type WrapUpFocus } from './disposition-keys';
import type { RunCommand } from './hooks';
import { catalogLanguage, looseT } from './translate';
import { checkWrapUp, emptyDraft, type WrapUpDraft, type WrapUpProblem } from './wrap-up-form';

export const wrapUpFormId = 'dialer-wrap-up';

function focusKind(target: EventTarget | null): WrapUpFocus {
  if (!(target instanceof HTMLElement)) return 'choice';
  if (target instanceof HTMLTextAreaElement) return 'note';
  if (target instanceof HTMLButtonElement) return 'button';
  if (target instanceof HTMLInputElement && target.type !== 'radio') return 'field';
  if (target instanceof HTMLSelectElement) return 'field';
  return 'choice';
}

/**
 * The wrap-up step: the seller picks the disposition (mandatory before the next call), and may
 * add a note and a callback in the same step. A SIP outcome (busy, no answer…) arrives already
 * chosen and saved by core. Opens with focus so digits pick and Enter saves at once.
 */
export function WrapUpForm({
  view,
  dispositions,
  region,
  run,
  onSubmit,
}: {
  view: DialerView;
  dispositions: readonly Disposition[];
  region: string;
  run: RunCommand;
  /** The seller's outcome is on its way to core (the panel says "last call" once core has it). */
  onSubmit: (outcome: OutcomeInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = catalogLanguage(i18n.language);
  const ordered = useMemo(() => wrapUpOrder(dispositions), [dispositions]);
  const auto = view.autoDisposition;
  const [draft, setDraft] = useState<WrapUpDraft>(() => (auto ? { ...emptyDraft, disposition: auto } : emptyDraft));
  const [problem, setProblem] = useState<{ field: 'disposition' | 'callback' | 'form'; text: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const callbackRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), hint: useId(), callback: useId(), scope: useId(), note: useId(), error: useId() };

  const outcome = useOutcomeSave(async (input: OutcomeInput) => {
    setProblem(null);
    onSubmit(input);
    const result = await run('dialer.saveOutcome', input);
    if (result.ok) return;
    const field = result.error.field?.startsWith('callback') ? 'callback' : 'form';
    setProblem({
      field,
      text: t('dialer.wrapUp.failed', {
        problem: result.error.code === 'invalid-request' ? result.error.message : t(`errors.${result.error.code}`),
      }),
    });
    if (field === 'callback') callbackRef.current?.focus();
  });
  const asking = outcome.state.kind === 'asking';
  const answered = useCallAnswered(asking ? view : null);
  const locked = auto !== undefined || view.disposition !== 'needed' || outcome.state.kind === 'saving';
  const chosen = ordered.find((d) => d.id === draft.disposition);

  // The form takes focus when it opens: digits and Enter work without a click.
  useEffect(() => {
    if (!locked) formRef.current?.focus();
    // Only on opening (the form is keyed by the call's record).
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const problemText = (p: WrapUpProblem) => t(`dialer.wrapUp.${p}`);

  const pick = (id: string, focus: boolean) => {
    const disposition = ordered.find((d) => d.id === id);
    setDraft((d) => ({
      ...d,
      disposition: id,
      // A callback is due with this outcome: offer tomorrow 10:00 rather than an empty field.
      callbackAt:
        disposition?.requiresCallback && d.callbackAt === ''
          ? toDateTimeLocal(nextWorkingDayAtTen(new Date()))
          : d.callbackAt,
    }));
    if (problem?.field === 'disposition') setProblem(null);
    if (focus) formRef.current?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(id)}"]`)?.focus();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (locked || !formTakesKeys(outcome.state)) return;
    const check = checkWrapUp(draft, ordered, new Date());
    if (!check.ok) {
      setProblem({ field: check.field, text: problemText(check.problem) });
      if (check.field === 'callback') callbackRef.current?.focus();
      else formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    // A do-not-call outcome (a digit picks it as easily as any other) is asked first.
    outcome.submit(check.outcome, check.disposition);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (locked || !formTakesKeys(outcome.state)) return;
    const action = wrapUpKey(event, focusKind(event.target), ordered);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'pick') pick(action.id, true);
    else submit();
  };

  const callbackRequired = chosen?.requiresCallback === true;
  const problemFor = (field: 'disposition' | 'callback') => (problem?.field === field ? problem.text : null);

  const question = asking
    ? doNotCallQuestion(
        {
          number: view.current ? displayPhone(view.current.number, region) : '',
          name: view.current?.name,
          answered,
        },
        looseT(t),
      )
    : null;

  return (
    <>
      <form
        ref={formRef}
        id={wrapUpFormId}
        className="dialer-wrap-up"
        aria-labelledby={ids.title}
        aria-describedby={ids.hint}
        tabIndex={-1}
        noValidate
        onSubmit={submit}
        onKeyDown={onKeyDown}
        data-disposition={view.disposition}
      >
        <h3 id={ids.title}>{t('dialer.wrapUp.title')}</h3>
        <p id={ids.hint} className="field-hint">
          {auto ? t('dialer.wrapUp.auto', { disposition: labelOf(ordered, auto, lang) }) : t('dialer.wrapUp.keysHint')}
        </p>
        <fieldset
          className={problemFor('disposition') ? 'dialer-dispositions field-invalid' : 'dialer-dispositions'}
          disabled={locked}
          aria-describedby={problemFor('disposition') ? ids.error : undefined}
        >
          <legend>{t('dialer.wrapUp.dispositions')}</legend>
          <div className="dialer-disposition-grid">
            {ordered.map((d, index) => {
              const key = keyForIndex(index);
              const warnId = `${ids.title}-warn-${d.id}`;
              return (
                <label
                  key={d.id}
                  className={[
                    'dialer-disposition',
                    d.doNotCall ? 'dialer-disposition-dnc' : '',
                    draft.disposition === d.id ? 'dialer-disposition-chosen' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <input
                    type="radio"
                    name="disposition"
                    value={d.id}
                    checked={draft.disposition === d.id}
                    onChange={() => pick(d.id, false)}
                    aria-keyshortcuts={key}
                    aria-describedby={d.doNotCall ? warnId : undefined}
                  />
                  {key && (
                    <kbd className="dialer-key" aria-hidden="true">
                      {key}
                    </kbd>
                  )}
                  <span className="dialer-disposition-label">{d.labels[lang]}</span>
                  {d.requiresCallback && <span className="note"> ({t('dialer.wrapUp.needsCallback')})</span>}
                  {d.doNotCall && (
                    <span id={warnId} className="dialer-dnc-warning">
                      {t('dialer.wrapUp.doNotCall')}
                    </span>
                  )}
                </label>
              );
            })}
          </div>
          {problemFor('disposition') && (
            <p id={ids.error} className="field-error" role="alert">
              {problemFor('disposition')}
            </p>
          )}
        </fieldset>

        <div className="dialer-wrap-up-fields">
          <div className="field">
            <label htmlFor={ids.note}>{t('dialer.wrapUp.note')}</label>
            <textarea
              id={ids.note}
              rows={3}
              maxLength={10_000}
              value={draft.note}
              disabled={locked}
              onChange={(event) => setDraft((d) => ({ ...d, note: event.target.value }))}
            />
          </div>
          <div className="dialer-callback">
            <div className={problemFor('callback') ? 'field field-invalid' : 'field'}>
              <label htmlFor={ids.callback}>
                {callbackRequired ? t('dialer.wrapUp.callbackRequired') : t('dialer.wrapUp.callbackOptional')}
              </label>
              <input
                ref={callbackRef}
                id={ids.callback}
                type="datetime-local"
                value={draft.callbackAt}
                disabled={locked}
                required={callbackRequired}
                aria-invalid={problemFor('callback') ? true : undefined}
                aria-describedby={problemFor('callback') ? `${ids.callback}-error` : undefined}
                onChange={(event) => {
                  setDraft((d) => ({ ...d, callbackAt: event.target.value }));
                  if (problem?.field === 'callback') setProblem(null);
                }}
              />
              {problemFor('callback') && (
                <p id={`${ids.callback}-error`} className="field-error" role="alert">
                  {problemFor('callback')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={ids.scope}>{t('dialer.wrapUp.callbackScope')}</label>
              <select
                id={ids.scope}
                value={draft.callbackScope}
                disabled={locked || draft.callbackAt === ''}
                onChange={(event) =>
                  setDraft((d) => ({ ...d, callbackScope: event.target.value === 'anyone' ? 'anyone' : 'owner' }))
                }
              >
                <option value="owner">{t('dialer.wrapUp.scopeOwner')}</option>
                <option value="anyone">{t('dialer.wrapUp.scopeAnyone')}</option>
              </select>
            </div>
          </div>
        </div>

        {(problem?.field === 'form' || view.problem) && (
          <p className="form-error" role="alert">
            {problem?.field === 'form' ? problem.text : t('dialer.wrapUp.failed', { problem: view.problem ?? '' })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={locked} aria-keyshortcuts="Enter">
            {t('dialer.wrapUp.save')}
          </button>
          {(outcome.state.kind === 'saving' || view.disposition === 'saving') && (
            <span className="form-status">{t('dialer.wrapUp.saving')}</span>
          )}
        </div>
      </form>
      <DoNotCallDialog question={question} onConfirm={outcome.confirm} onCancel={outcome.cancel} />
    </>
  );
}

/**
 * Whether the call in wrap-up was answered, read from the call log while the do-not-call
 * question is open (the session's view does not carry it): undefined until known.
 */
function useCallAnswered(view: DialerView | null): boolean | undefined {
  const client = useClient();
  const [answered, setAnswered] = useState<{ recordId: string; answered: boolean } | null>(null);
  const recordId = view?.recordId;
  const sessionId = view?.sessionId;
  useEffect(() => {
    if (!recordId || !sessionId) return;
    let live = true;
    void client.request('calls.list', { dialerSessionId: sessionId, limit: 20 }).then((result) => {
      const row = result.ok ? result.value.items.find((r) => r.id === recordId) : undefined;
      if (live && row) setAnswered({ recordId, answered: row.answeredAt !== undefined });
    });
    return () => {
      live = false;
    };
  }, [client, recordId, sessionId]);
  return answered && answered.recordId === recordId ? answered.answered : undefined;
}

function labelOf(set: readonly Disposition[], id: string, lang: 'fr' | 'en'): string {
  return set.find((d) => d.id === id)?.labels[lang] ?? id;
}
