import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestInput } from '../../shared/contract';
import type { CallRow } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import { BusyButton } from '../app/BusyButton';
import { useClient } from '../app/connection-context';
import { doNotCallQuestion } from '../app/do-not-call-confirm';
import { DoNotCallDialog, useOutcomeSave } from '../app/DoNotCallDialog';
import { looseT } from '../dialer/translate';
import { displayPhone } from '../leads/format';
import { dispositionLabel } from './call-text';
import {
  buildOutcome,
  callbackField,
  defaultCallbackInput,
  initialDisposition,
  qualifierChoices,
  stillListedNotice,
  stillListedText,
} from './outcome-form';

/** What the editor tells the list once core has the outcome. */
export interface OutcomeSaved {
  disposition: string;
  /** The number stays on the do-not-call list (and the consent revoked, with a lead). */
  stillListed: 'lead' | 'number' | null;
}

export function OutcomeEditor({
  row,
  dispositions,
  region,
  onSaved,
  onCancel,
}: {
  row: CallRow;
  dispositions: readonly Disposition[];
  region: string;
  onSaved: (saved: OutcomeSaved) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const base = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const choices = useMemo(() => qualifierChoices(dispositions), [dispositions]);
  const [disposition, setDisposition] = useState(() => initialDisposition(row.disposition, dispositions));
  const [notes, setNotes] = useState(row.notes ?? '');
  const [callbackAt, setCallbackAt] = useState(() => defaultCallbackInput(new Date()));
  const [scope, setScope] = useState<'owner' | 'anyone'>('owner');
  const [problem, setProblem] = useState<string | null>(null);
  const linkedToLead = Boolean(row.leadId);
  const callback = callbackField(disposition, dispositions, linkedToLead);
  const stillListed = stillListedNotice(row.disposition, disposition, dispositions, linkedToLead);

  const outcome = useOutcomeSave(async (input: RequestInput<'calls.setOutcome'>) => {
    setProblem(null);
    const result = await client.request('calls.setOutcome', input);
    // Told even when the list has already dropped this row (and the editor with it).
    if (result.ok)
      onSaved({
        disposition: input.disposition,
        stillListed: stillListedNotice(row.disposition, input.disposition, dispositions, linkedToLead),
      });
    else setProblem(result.error.code === 'conflict' ? t('calls.edit.inWrapUp') : t(`errors.${result.error.code}`));
  });
  const busy = outcome.state.kind === 'saving';

  useEffect(() => selectRef.current?.focus(), []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (outcome.state.kind !== 'editing') return;
    const built = buildOutcome(row.id, { disposition, notes, callbackAt, scope }, dispositions, linkedToLead);
    if (!built.ok) {
      setProblem(t(`calls.edit.problem.${built.problem}`));
      return;
    }
    const chosen = dispositions.find((d) => d.id === built.input.disposition);
    outcome.submit(built.input, { doNotCall: chosen?.doNotCall === true });
  };

  const question =
    outcome.state.kind === 'asking'
      ? doNotCallQuestion(
          {
            number: displayPhone(row.number, region),
            name: row.leadName,
            answered: row.answeredAt !== undefined,
          },
          looseT(t),
        )
      : null;
  const describedBy = [
    callback === 'no-lead' ? `${base}-no-lead` : '',
    stillListed ? `${base}-still-listed` : '',
  ].filter(Boolean);

  return (
    <>
      <form
        className="calls-editor"
        aria-label={t('calls.edit.formLabel')}
        onSubmit={save}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy) onCancel();
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
            aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
            onChange={(event) => setDisposition(event.target.value)}
          >
            <option value="">{t('calls.edit.choose')}</option>
            {choices.map((d) => (
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
        {stillListed && (
          <p id={`${base}-still-listed`} className="note-warning calls-still-listed">
            {stillListedText(stillListed, looseT(t))}
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
          {/* Busy, not disabled: a disabled button drops the keyboard focus to the page. */}
          <BusyButton type="submit" className="button button-primary" busy={busy}>
            {t('calls.edit.save')}
          </BusyButton>
          <button type="button" className="button" onClick={onCancel}>
            {t('calls.edit.cancel')}
          </button>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      </form>
      <DoNotCallDialog question={question} onConfirm={outcome.confirm} onCancel={outcome.cancel} />
    </>
  );
}
