import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Callback, Lead } from '../../../shared/domain/lead';
import { formatDateTime } from '../format';
import {
  fromDateTimeLocal,
  isOverdue,
  isPastForCallback,
  snoozeTime,
  toDateTimeLocal,
  nextWorkingDayAtTen,
  type SnoozeChoice,
} from '../snooze';
import { Section } from './ContactSection';
import type { Mutate } from './useLead';
import { BusyButton } from '../../app/BusyButton';
import { useReturnFocus } from './useReturnFocus';

export const callbackDueInputId = 'callback-due';

interface Props {
  lead: Lead;
  mutate: Mutate;
  formOpen: boolean;
  onFormOpen: (open: boolean) => void;
}

export function CallbacksSection({ lead, mutate, formOpen, onFormOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { ref: openRef, returnFocus } = useReturnFocus<HTMLButtonElement>(formOpen);
  const pending = lead.callbacks.filter((c) => c.status === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const done = lead.callbacks
    .filter((c) => c.status === 'done')
    .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''));
  const now = new Date();

  const act = async (run: () => ReturnType<Mutate>) => {
    setError(null);
    const result = await run();
    if (!result.ok) setError(t(`errors.${result.error.code}`));
  };
  const complete = async (callback: Callback) => {
    setError(null);
    setStatus(null);
    const result = await mutate('leads.completeCallback', { id: lead.id, callbackId: callback.id });
    if (!result.ok) {
      setError(t(`errors.${result.error.code}`));
      return;
    }
    // Its button left with the callback.
    returnFocus();
    setStatus(t('leads.callback.doneStatus'));
  };
  const snooze = (callback: Callback, choice: SnoozeChoice) => {
    // Reckoned at the click: the page may have been open a while.
    const to = snoozeTime(choice, new Date(), new Date(callback.dueAt));
    if (!to) return;
    return act(() => mutate('leads.snoozeCallback', { id: lead.id, callbackId: callback.id, dueAt: to.toISOString() }));
  };

  return (
    <Section title={t('leads.detail.sections.callbacks')} id="section-callbacks">
      {pending.length === 0 && !formOpen && <p className="note">{t('leads.callback.none')}</p>}
      <ul className="plain-list callbacks">
        {pending.map((callback) => {
          const overdue = isOverdue(callback.dueAt, now);
          // A choice that would not put the callback off is not offered.
          const offers = (choice: SnoozeChoice) => snoozeTime(choice, now, new Date(callback.dueAt)) !== undefined;
          const whenId = `callback-${callback.id}-when`;
          return (
            <li key={callback.id} className={overdue ? 'callback callback-overdue' : 'callback'}>
              <p id={whenId} className="callback-when">
                <strong>{formatDateTime(callback.dueAt, i18n.language)}</strong>
                {overdue && <span className="overdue-badge">{t('leads.callback.overdue')}</span>}
                <span className="note">
                  {' '}
                  · {callback.scope === 'anyone' ? t('leads.callback.forAnyone') : t('leads.callback.forOwner')}
                </span>
              </p>
              {callback.note && <p className="callback-note">{callback.note}</p>}
              <div className="form-actions compact">
                <button
                  type="button"
                  className="button"
                  aria-describedby={whenId}
                  onClick={() => void complete(callback)}
                >
                  {t('leads.callback.done')}
                </button>
                {offers('hour') && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-describedby={whenId}
                    onClick={() => void snooze(callback, 'hour')}
                  >
                    {t('leads.callback.snoozeHour')}
                  </button>
                )}
                {offers('tomorrow') && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-describedby={whenId}
                    onClick={() => void snooze(callback, 'tomorrow')}
                  >
                    {t('leads.callback.snoozeTomorrow')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {formOpen ? (
        <CallbackForm
          lead={lead}
          mutate={mutate}
          onDone={(saved) => {
            returnFocus();
            setStatus(saved ? t('leads.callback.saved') : null);
            onFormOpen(false);
          }}
        />
      ) : (
        <button
          ref={openRef}
          type="button"
          className="button"
          aria-keyshortcuts="c"
          onClick={() => {
            setStatus(null);
            onFormOpen(true);
          }}
        >
          {t('leads.callback.open')}
        </button>
      )}
      <p className="form-status" aria-live="polite">
        {status}
      </p>
      {done.length > 0 && (
        <details className="done-callbacks">
          <summary>
            {t('leads.callback.history')} ({done.length})
          </summary>
          <ul className="plain-list">
            {done.map((callback) => (
              <li key={callback.id} className="note">
                {formatDateTime(callback.dueAt, i18n.language)} —{' '}
                {t('leads.callback.doneAt', { when: formatDateTime(callback.doneAt, i18n.language) })}
                {callback.note && ` — ${callback.note}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  );
}

function CallbackForm({ lead, mutate, onDone }: { lead: Lead; mutate: Mutate; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [due, setDue] = useState(() => toDateTimeLocal(nextWorkingDayAtTen(new Date())));
  const [scope, setScope] = useState<Callback['scope']>('owner');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dueRef = useRef<HTMLInputElement>(null);

  useEffect(() => dueRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const date = fromDateTimeLocal(due);
    if (!date || isPastForCallback(date, new Date())) {
      setProblem(t(date ? 'leads.callback.pastDate' : 'leads.callback.badDate'));
      dueRef.current?.focus();
      return;
    }
    setBusy(true);
    const result = await mutate('leads.setCallback', {
      id: lead.id,
      dueAt: date.toISOString(),
      scope,
      ...(lead.owner && { owner: lead.owner }),
      ...(note.trim() && { note: note.trim() }),
    });
    setBusy(false);
    if (result.ok) onDone(true);
    else setProblem(t(`errors.${result.error.code}`));
  };

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-labelledby="callback-form-title"
    >
      <h4 id="callback-form-title">{t('leads.callback.formTitle')}</h4>
      <div className={problem ? 'field field-invalid' : 'field'}>
        <label htmlFor={callbackDueInputId}>{t('leads.callback.dueAt')}</label>
        <input
          ref={dueRef}
          id={callbackDueInputId}
          type="datetime-local"
          value={due}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'callback-due-error' : undefined}
          onChange={(event) => {
            setDue(event.target.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p id="callback-due-error" className="field-error">
            {problem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="callback-scope">{t('leads.callback.scope')}</label>
        <select
          id="callback-scope"
          value={scope}
          onChange={(event) => setScope(event.target.value === 'anyone' ? 'anyone' : 'owner')}
        >
          <option value="owner">{t('leads.callback.scopeOwner')}</option>
          <option value="anyone">{t('leads.callback.scopeAnyone')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="callback-note">{t('leads.callback.note')}</label>
        <textarea
          id="callback-note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          {t('leads.callback.save')}
        </BusyButton>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('leads.callback.cancel')}
        </button>
      </div>
    </form>
  );
}
