import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDraft } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import type { AppError } from '../../../shared/result';
import { useClient } from '../../app/connection-context';
import { useLeadsContext } from '../leads-context';
import { leadHref, leadsListHref } from '../leads-route';
import { listMemory } from '../leads-context';
import { navigate } from '../useHash';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import type { FormProblem } from './contact-fields';
import { DuplicateWarning } from './DuplicateWarning';
import { TextField } from './FormField';
import { duplicateKey, duplicateQuery } from './duplicates';
import { useLeaveQuestion } from '../../app/leave-guard';
import { ConfirmDialog } from '../detail/ConfirmDialog';
import {
  buildDraft,
  newLeadDirty,
  newLeadFields,
  serverIssues,
  type LocalProblem,
  type NewLeadField,
  type NewLeadValues,
} from './new-lead';

type Problem = FormProblem<LocalProblem>;

const emptyValues = Object.fromEntries(newLeadFields.map((f) => [f, ''])) as NewLeadValues;
const inputTypes: Partial<Record<NewLeadField, string>> = { phone: 'tel', email: 'email' };
const autoComplete: Partial<Record<NewLeadField, string>> = {
  firstName: 'off',
  lastName: 'off',
  phone: 'off',
  email: 'off',
};

export function NewLeadView() {
  const { t } = useTranslation();
  const client = useClient();
  const { region } = useLeadsContext();
  const [values, setValues] = useState<NewLeadValues>(emptyValues);
  const [problems, setProblems] = useState<Partial<Record<NewLeadField, Problem>>>({});
  const [general, setGeneral] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  /** Leads that already hold the number or e-mail, for the values in `key`; "create anyway" sets `confirmed`. */
  const [duplicates, setDuplicates] = useState<{ key: string; leads: LeadSummary[]; confirmed: boolean } | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const dirty = newLeadDirty(values);
  // A reload, a link, the side menu or Back/Forward would lose what was typed: asked first.
  const leaveQuestion = useLeaveQuestion(dirty);

  const focusFirst = (fields: Partial<Record<NewLeadField, unknown>>) => {
    const first = newLeadFields.find((f) => fields[f]);
    if (first) document.getElementById(`new-lead-${first}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const built = buildDraft(values, region);
    if (!built.ok) {
      const local = Object.fromEntries(
        Object.entries(built.problems).map(([f, p]) => [f, { kind: 'local', problem: p }]),
      );
      setProblems(local);
      focusFirst(local);
      return;
    }
    setBusy(true);
    const key = duplicateKey(built.draft);
    if (!(duplicates?.key === key && duplicates.confirmed)) {
      const found = await client.request('leads.findDuplicates', duplicateQuery(built.draft));
      // Unanswered, the check is skipped: it warns, it never stops a seller from creating.
      if (found.ok && found.value.length > 0) {
        setBusy(false);
        setDuplicates({ key, leads: found.value, confirmed: false });
        return;
      }
    }
    await create(built.draft);
  };

  const create = async (draft: LeadDraft) => {
    setBusy(true);
    const result = await client.request('leads.create', { draft });
    setBusy(false);
    if (result.ok) {
      navigate(leadHref(result.value.id));
      return;
    }
    const split = serverIssues(result.error);
    const fields = Object.fromEntries(
      Object.entries(split.fields).map(([f, issue]) => [
        f,
        { kind: 'server', error: { code: result.error.code, field: issue.path, message: issue.message } },
      ]),
    ) as Partial<Record<NewLeadField, Problem>>;
    setProblems(fields);
    if (split.general) setGeneral(result.error);
    else focusFirst(fields);
  };

  const input = (field: NewLeadField) => (
    <TextField
      key={field}
      id={`new-lead-${field}`}
      label={t(`leads.create.${field}`)}
      type={inputTypes[field]}
      autoComplete={autoComplete[field]}
      inputRef={field === 'firstName' ? firstRef : undefined}
      value={values[field]}
      problem={problems[field]}
      onChange={(value) => {
        setValues((v) => ({ ...v, [field]: value }));
        setProblems((p) => ({ ...p, [field]: undefined }));
        if (field === 'phone' || field === 'email') setDuplicates(null);
      }}
    />
  );

  return (
    <div className="new-lead">
      <a className="back-link" href={leadsListHref(listMemory.search)}>
        ← {t('leads.detail.back')}
      </a>
      <form
        className="settings-section form-card"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="new-lead-title"
      >
        <h2 id="new-lead-title">{t('leads.newLead')}</h2>
        <div className="form-grid">
          {input('firstName')}
          {input('lastName')}
          {input('phone')}
          {input('email')}
        </div>
        <h3>{t('leads.create.vehicle')}</h3>
        <div className="form-grid">
          {input('make')}
          {input('model')}
        </div>
        {general && (
          <p className="form-error" role="alert">
            <ServerErrorMessage error={general} />
          </p>
        )}
        {duplicates && !duplicates.confirmed && (
          <DuplicateWarning
            duplicates={duplicates.leads}
            region={region}
            busy={busy}
            onCreateAnyway={() => {
              const built = buildDraft(values, region);
              if (!built.ok) return;
              setDuplicates({ ...duplicates, confirmed: true });
              void create(built.draft);
            }}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('leads.create.save')}
          </button>
          <a className="button button-quiet" href={leadsListHref(listMemory.search)}>
            {t('leads.create.cancel')}
          </a>
        </div>
      </form>
      <ConfirmDialog
        open={leaveQuestion.asking}
        title={t('leads.create.discard.title')}
        body={t('leads.create.discard.body')}
        confirmLabel={t('leads.create.discard.confirm')}
        cancelLabel={t('leads.create.discard.keep')}
        onConfirm={leaveQuestion.leave}
        onCancel={leaveQuestion.stay}
      />
    </div>
  );
}
