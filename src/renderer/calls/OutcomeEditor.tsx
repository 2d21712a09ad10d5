import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRow } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import { useClient } from '../app/connection-context';
import { dispositionLabel } from './call-text';
import { buildOutcome, callbackField, defaultCallbackInput } from './outcome-form';

export function OutcomeEditor({
  row,
  dispositions,
  onDone,
}: {
  row: CallRow;
  dispositions: readonly Disposition[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const base = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const [disposition, setDisposition] = useState(row.disposition ?? '');
  const [notes, setNotes] = useState(row.notes ?? '');
  const [callbackAt, setCallbackAt] = useState(() => defaultCallbackInput(new Date()));
  const [scope, setScope] = useState<'owner' | 'anyone'>('owner');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const linkedToLead = Boolean(row.leadId);
  const callback = callbackField(disposition, dispositions, linkedToLead);

  useEffect(() => selectRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildOutcome(row.id, { disposition, notes, callbackAt, scope }, dispositions, linkedToLead);
    if (!built.ok) {
      setProblem(t(`calls.edit.problem.${built.problem}`));
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await client.request('calls.setOutcome', built.input);
    setBusy(false);
    if (result.ok) onDone();
    else setProblem(result.error.code === 'conflict' ? t('calls.edit.inWrapUp') : t(`errors.${result.error.code}`));
  };

  return (
    <form
      className="calls-editor"
      aria-label={t('calls.edit.formLabel')}
      onSubmit={(event) => void save(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${base}-disposition`}>{t('calls.edit.disposition')}</label>
        <select
          ref={selectRef}
          id={`${base}-disposition`}
          value={disposition}
          required
          aria-describedby={callback === 'no-lead' ? `${base}-no-lead` : undefined}
          onChange={(event) => setDisposition(event.target.value)}
        >
          <option value="">{t('calls.edit.choose')}</option>
          {dispositions.map((d) => (
            <option key={d.id} value={d.id}>
              {dispositionLabel(dispositions, d.id, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      {callback === 'no-lead' && (
        <p id={`${base}-no-lead`} className="note" role="status">
          {t('calls.edit.noLeadForCallback')}
        </p>
      )}
      {callback === 'ask' && (
        <>
          <div className="field">
            <label htmlFor={`${base}-callback`}>{t('calls.edit.callbackAt')}</label>
            <input
              id={`${base}-callback`}
              type="datetime-local"
              value={callbackAt}
              onChange={(event) => setCallbackAt(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${base}-scope`}>{t('calls.edit.scope')}</label>
            <select
              id={`${base}-scope`}
              value={scope}
              onChange={(event) => setScope(event.target.value as 'owner' | 'anyone')}
            >
              <option value="owner">{t('calls.edit.scopeOwner')}</option>
              <option value="anyone">{t('calls.edit.scopeAnyone')}</option>
            </select>
          </div>
        </>
      )}
      <div className="field calls-editor-notes">
        <label htmlFor={`${base}-notes`}>{t('calls.edit.notes')}</label>
        <textarea
          id={`${base}-notes`}
          rows={2}
          maxLength={10_000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('calls.edit.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('calls.edit.cancel')}
        </button>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
