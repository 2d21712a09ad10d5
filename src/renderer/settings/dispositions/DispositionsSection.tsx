import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disposition } from '../../../shared/domain/disposition';
import { stages, type Stage } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import { useConnection } from '../../app/connection-context';
import { useLeaveQuestion } from '../../app/leave-guard';
import { looseT } from '../../dialer/translate';
import { ConfirmDialog } from '../../leads/detail/ConfirmDialog';
import { ServerErrorMessage } from '../FieldProblem';
import {
  buildSet,
  dispositionIdFromLabel,
  dispositionSummary,
  hasUnsavedChanges,
  isSipDisposition,
  labelIn,
  limits,
  localProblemText,
  moveItem,
  newForm,
  readForm,
  sameSet,
  splitSetError,
  toForms,
  type DelayUnit,
  type DispositionField,
  type DispositionForm,
  type FormProblem,
  type ServerProblem,
} from './disposition-form';
import './dispositions.css';
import { addIndex, canMove, inKeyOrder, keyChanges, keyChangesText, wrapUpKeys } from './key-order';

type Status = 'idle' | 'saving' | 'saved' | 'nothing-to-save' | 'cancelled' | 'fix-fields' | { error: AppError };

/** The ids new dispositions would get if saved now, shown in their forms. */
function previewIds(forms: readonly DispositionForm[], saved: readonly Disposition[]): Map<string, string> {
  const taken = new Set<string>(saved.map((d) => d.id));
  for (const form of forms) if (form.id) taken.add(form.id);
  const ids = new Map<string, string>();
  for (const form of forms) {
    if (form.id) ids.set(form.key, form.id);
    else {
      const id = dispositionIdFromLabel(form.labelFr.trim(), taken);
      taken.add(id);
      ids.set(form.key, id);
    }
  }
  return ids;
}

/**
 * Settings > Call outcomes: the dealership's disposition set (what a seller picks after a call),
 * edited here and saved whole with `dispositions.update`. Nothing is provisioned for it, so
 * there is no lock to show. SIP dispositions can be edited but not removed. A set saved from
 * another window (`dispositions.changed`) replaces the forms unless they hold unsaved changes;
 * leaving with unsaved changes asks first.
 */
export function DispositionsSection() {
  const { t, i18n } = useTranslation();
  const tl = looseT(t);
  const language = i18n.language;
  const { client, onReconnected } = useConnection();
  const base = useId();
  const [saved, setSaved] = useState<Disposition[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [forms, setForms] = useState<DispositionForm[]>([]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [local, setLocal] = useState<FormProblem[]>([]);
  const [server, setServer] = useState<ServerProblem[]>([]);
  const [status, setStatus] = useState<Status>('idle');
  const [removing, setRemoving] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const dirty = saved !== null && hasUnsavedChanges(forms, saved);
  const dirtyRef = useRef(false);
  const added = useRef(0);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);
  const leaveQuestion = useLeaveQuestion(dirty);

  const fieldId = (key: string, part: string) => `${base}-${key}-${part}`;

  useEffect(() => {
    let live = true;
    const take = (set: Disposition[]) => {
      setLoadError(null);
      // Listed in the wrap-up form's order, so each row's key is its place (see key-order.ts).
      const ordered = inKeyOrder(set);
      setSaved(ordered);
      // A reload (after a reconnect) or another window's save never throws away unsaved edits.
      if (!dirtyRef.current) setForms(toForms(ordered));
    };
    const load = () =>
      void client.request('dispositions.list', {}).then((result) => {
        if (!live) return;
        if (!result.ok) return setLoadError(result.error);
        take(result.value);
      });
    load();
    const off = onReconnected(load);
    const offChanged = client.on('dispositions.changed', (set) => {
      if (live) take(set);
    });
    return () => {
      live = false;
      off();
      offChanged();
    };
  }, [client, onReconnected]);

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  if (saved === null)
    return (
      <section className="settings-section" aria-labelledby={`${base}-title`}>
        <h2 id={`${base}-title`}>{t('settings.dispositions.title')}</h2>
        {loadError ? (
          <p className="form-error" role="alert">
            {t('settings.dispositions.loadFailed')} {t(`errors.${loadError.code}`)}
          </p>
        ) : (
          <p className="note">{t('settings.dispositions.loading')}</p>
        )}
      </section>
    );

  const ids = previewIds(forms, saved);
  const read = new Map(forms.map((form) => [form.key, readForm(form, ids.get(form.key)!).disposition]));
  // The digit each one will have in the wrap-up form once saved, and the saved ones that change.
  const next = forms.map((form) => read.get(form.key)!);
  const keys = wrapUpKeys(next);
  const keyChangeText = keyChangesText(keyChanges(saved, next, language), tl, language);
  const labelOf = (form: DispositionForm) =>
    labelIn(read.get(form.key)!, language) || t('settings.dispositions.untitled');

  const problemOf = (key: string, field: DispositionField): ReactNode => {
    const serverProblem = server.find((p) => p.key === key && p.field === field);
    if (serverProblem)
      return (
        <ServerErrorMessage
          error={{
            code: serverProblem.error.code,
            message: serverProblem.error.detail,
            field: serverProblem.error.path,
          }}
        />
      );
    const localProblem = local.find((p) => p.key === key && p.field === field);
    return localProblem ? localProblemText(localProblem.detail, tl, language) : null;
  };

  const touch = () => setStatus('idle');
  const change = (key: string, patch: Partial<DispositionForm>, fields: readonly DispositionField[] = []) => {
    setForms((current) => current.map((form) => (form.key === key ? { ...form, ...patch } : form)));
    const stale = (p: { key: string; field: DispositionField }) => p.key === key && fields.includes(p.field);
    setLocal((current) => current.filter((p) => !stale(p)));
    setServer((current) => current.filter((p) => !stale(p)));
    touch();
  };
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const move = (index: number, delta: -1 | 1) => {
    if (!canMove(forms, index, delta)) return;
    // Server problems name positions in the sent set: after a move they would point at the wrong one.
    setServer([]);
    setForms((current) => moveItem(current, index, delta));
    touch();
  };
  const add = () => {
    if (forms.length >= limits.setSize) return;
    added.current += 1;
    const form = newForm(added.current);
    // After the seller's outcomes, before the line's: its key is then its place in the list.
    setForms((current) => current.toSpliced(addIndex(current), 0, form));
    setOpen((current) => new Set(current).add(form.key));
    setFocusRequest({ id: fieldId(form.key, 'labelFr') });
    touch();
  };
  const remove = (key: string) => {
    const index = forms.findIndex((form) => form.key === key);
    if (index < 0) return;
    const rest = forms.filter((form) => form.key !== key);
    setForms(rest);
    setServer([]);
    setLocal((current) => current.filter((p) => p.key !== key));
    setOpen((current) => new Set([...current].filter((k) => k !== key)));
    // Focus goes to the row that took its place (or the one above, or the add button).
    const next = rest[index] ?? rest[index - 1];
    setFocusRequest({ id: next ? fieldId(next.key, 'edit') : `${base}-add` });
    touch();
  };

  const showProblems = (problemKeys: string[], first: { key: string; field: DispositionField } | undefined) => {
    setOpen((current) => new Set([...current, ...problemKeys]));
    if (first) setFocusRequest({ id: fieldId(first.key, first.field) });
  };
  const firstOf = <P extends { key: string; field: DispositionField }>(problems: readonly P[]) =>
    forms.flatMap((form) => problems.filter((p) => p.key === form.key)).at(0);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Not disabling the button while saving: that would drop keyboard focus.
    if (status === 'saving') return;
    const built = buildSet(
      forms,
      saved.map((d) => d.id),
    );
    if (!built.ok) {
      setLocal(built.problems);
      setServer([]);
      showProblems(
        built.problems.map((p) => p.key),
        firstOf(built.problems),
      );
      setStatus('fix-fields');
      return;
    }
    setLocal([]);
    if (sameSet(built.set, saved)) {
      setServer([]);
      setStatus('nothing-to-save');
      return;
    }
    setStatus('saving');
    const result = await client.request('dispositions.update', { set: built.set });
    if (result.ok) {
      const ordered = inKeyOrder(result.value);
      setSaved(ordered);
      setForms(toForms(ordered));
      setOpen(new Set());
      setServer([]);
      setStatus('saved');
      return;
    }
    // Nothing was saved: the forms stay as typed, with core's words next to the fields it named.
    const { fields, general } = splitSetError(result.error, forms);
    setServer(fields);
    showProblems(
      fields.map((p) => p.key),
      firstOf(fields),
    );
    setStatus(general ? { error: general } : 'fix-fields');
  };

  const cancel = () => {
    setForms(toForms(saved));
    setOpen(new Set());
    setLocal([]);
    setServer([]);
    setStatus('cancelled');
  };

  const removingForm = forms.find((form) => form.key === removing);
  /** A move the line's outcomes stop says why (the list's ends need no words). */
  const moveTitle = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    const blockedByLine = target >= 0 && target < forms.length && !canMove(forms, index, delta);
    if (blockedByLine) return t('settings.dispositions.moveBlocked');
    return t(delta < 0 ? 'settings.dispositions.moveUp' : 'settings.dispositions.moveDown');
  };

  return (
    <section className="settings-section dispositions-section" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('settings.dispositions.title')}</h2>
      <p className="note">{t('settings.dispositions.intro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <ol className="dispositions-list" aria-label={t('settings.dispositions.listLabel')}>
          {forms.map((form, index) => {
            const disposition = read.get(form.key)!;
            const label = labelOf(form);
            const key = keys.get(disposition.id);
            const isOpen = open.has(form.key);
            const hasProblem = local.some((p) => p.key === form.key) || server.some((p) => p.key === form.key);
            return (
              <li
                key={form.key}
                className={hasProblem ? 'disposition-item disposition-item-invalid' : 'disposition-item'}
                data-disposition={form.key}
              >
                <div className="disposition-row">
                  {key ? (
                    <span className="disposition-key" title={t('settings.dispositions.key', { key })}>
                      <span className="visually-hidden">{t('settings.dispositions.key', { key })}</span>
                      <kbd className="dialer-key" aria-hidden="true">
                        {key}
                      </kbd>
                    </span>
                  ) : (
                    <span className="disposition-key" aria-hidden="true" />
                  )}
                  <span className="disposition-text">
                    <span className="disposition-label">{label}</span>
                    <span className="disposition-summary">
                      {dispositionSummary(disposition, tl, language).join(' · ')}
                    </span>
                    {isSipDisposition(form.id) && (
                      <span className="disposition-badge">{t('settings.dispositions.fromLine')}</span>
                    )}
                    {form.id === null && (
                      <span className="disposition-badge">{t('settings.dispositions.unsavedNew')}</span>
                    )}
                  </span>
                  <span className="disposition-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('settings.dispositions.moveUpOf', { label })}
                      title={moveTitle(index, -1)}
                      aria-disabled={!canMove(forms, index, -1) || undefined}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('settings.dispositions.moveDownOf', { label })}
                      title={moveTitle(index, 1)}
                      aria-disabled={!canMove(forms, index, 1) || undefined}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      id={fieldId(form.key, 'edit')}
                      className="button"
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? fieldId(form.key, 'editor') : undefined}
                      aria-label={t(isOpen ? 'settings.dispositions.closeOf' : 'settings.dispositions.editOf', {
                        label,
                      })}
                      onClick={() => toggle(form.key)}
                    >
                      {isOpen ? t('settings.dispositions.close') : t('settings.dispositions.edit')}
                    </button>
                    {!isSipDisposition(form.id) && (
                      <button
                        type="button"
                        className="button button-danger-quiet"
                        aria-label={t('settings.dispositions.removeOf', { label })}
                        onClick={() => setRemoving(form.key)}
                      >
                        {t('settings.dispositions.remove')}
                      </button>
                    )}
                  </span>
                </div>
                {isOpen && (
                  <DispositionEditor
                    form={form}
                    label={label}
                    id={ids.get(form.key)!}
                    fieldId={(part) => fieldId(form.key, part)}
                    problemOf={(field) => problemOf(form.key, field)}
                    onChange={(patch, fields) => change(form.key, patch, fields)}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <p>
          <button
            type="button"
            id={`${base}-add`}
            className="button"
            aria-disabled={forms.length >= limits.setSize || undefined}
            aria-describedby={forms.length >= limits.setSize ? `${base}-full` : undefined}
            onClick={add}
          >
            {t('settings.dispositions.add')}
          </button>
          {forms.length >= limits.setSize && (
            <span id={`${base}-full`} className="field-hint">
              {' '}
              {t('settings.dispositions.full', { max: limits.setSize })}
            </span>
          )}
        </p>
        {keyChangeText && (
          <p id={`${base}-key-changes`} className="note-warning disposition-key-changes">
            {keyChangeText}
          </p>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            aria-describedby={keyChangeText ? `${base}-key-changes` : undefined}
          >
            {t('settings.dispositions.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={cancel}>
            {t('settings.dispositions.cancel')}
          </button>
          <p className="form-status" role="status">
            {status === 'saving' && t('settings.dispositions.saving')}
            {status === 'saved' && t('settings.dispositions.saved')}
            {status === 'nothing-to-save' && t('settings.dispositions.nothingToSave')}
            {status === 'cancelled' && t('settings.dispositions.cancelled')}
          </p>
        </div>
        {status === 'fix-fields' && (
          <p className="form-error" role="alert">
            {t('settings.dispositions.fixFields')}
          </p>
        )}
        {typeof status === 'object' && (
          <p className="form-error" role="alert">
            <ServerErrorMessage error={status.error} /> {t('settings.dispositions.notSaved')}
          </p>
        )}
      </form>

      <ConfirmDialog
        open={removingForm !== undefined}
        title={t('settings.dispositions.confirm.title', { label: removingForm ? labelOf(removingForm) : '' })}
        body={t('settings.dispositions.confirm.body')}
        confirmLabel={t('settings.dispositions.confirm.confirm')}
        cancelLabel={t('settings.dispositions.confirm.cancel')}
        onCancel={() => {
          const key = removing;
          setRemoving(null);
          if (key) setFocusRequest({ id: fieldId(key, 'edit') });
        }}
        onConfirm={() => {
          const key = removing;
          setRemoving(null);
          if (key) remove(key);
        }}
      />
      <ConfirmDialog
        open={leaveQuestion.asking}
        title={t('settings.dispositions.leave.title')}
        body={t('settings.dispositions.leave.body')}
        confirmLabel={t('settings.dispositions.leave.confirm')}
        cancelLabel={t('settings.dispositions.leave.keep')}
        onCancel={leaveQuestion.stay}
        onConfirm={leaveQuestion.leave}
      />
    </section>
  );
}

interface EditorProps {
  form: DispositionForm;
  label: string;
  /** The id saved, or the one a new disposition will get. */
  id: string;
  fieldId: (part: string) => string;
  problemOf: (field: DispositionField) => ReactNode;
  onChange: (patch: Partial<DispositionForm>, fields?: readonly DispositionField[]) => void;
}

/** One field's label, control and notes, marked up like the other settings fields. */
function EditorField(props: {
  id: string;
  label: string;
  problem: ReactNode;
  hint?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { id, label, problem, hint, children } = props;
  const describedBy = [problem ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy || undefined)}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function DispositionEditor({ form, label, id, fieldId, problemOf, onChange }: EditorProps) {
  const { t } = useTranslation();
  const labelField = (field: 'labelFr' | 'labelEn') => {
    const problem = problemOf(field);
    return (
      <EditorField id={fieldId(field)} label={t(`settings.dispositions.form.${field}`)} problem={problem}>
        {(describedBy) => (
          <input
            id={fieldId(field)}
            type="text"
            value={form[field]}
            maxLength={limits.label}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => onChange({ [field]: event.target.value }, [field])}
          />
        )}
      </EditorField>
    );
  };
  const numberInput = (field: 'retryDelay' | 'retryMaxAttempts', describedBy: string | undefined) => (
    <input
      id={fieldId(field)}
      className="narrow"
      type="text"
      inputMode="numeric"
      value={form[field]}
      autoComplete="off"
      aria-describedby={describedBy}
      aria-invalid={problemOf(field) ? true : undefined}
      onChange={(event) => onChange({ [field]: event.target.value }, [field])}
    />
  );
  const flag = (name: 'contact' | 'appointment' | 'requiresCallback') => (
    <div className="disposition-flag">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={form[name]}
          aria-describedby={fieldId(`${name}-hint`)}
          onChange={(event) => onChange({ [name]: event.target.checked })}
        />
        {t(`settings.dispositions.form.${name}`)}
      </label>
      <p id={fieldId(`${name}-hint`)} className="field-hint">
        {t(`settings.dispositions.form.${name}Hint`)}
      </p>
    </div>
  );
  const stageName = (stage: Stage) => t(`leads.stages.${stage}`);
  const retryProblem = problemOf('retry');

  return (
    <fieldset id={fieldId('editor')} className="disposition-editor">
      <legend>{t('settings.dispositions.form.legend', { label })}</legend>
      <div className="disposition-labels">
        {labelField('labelFr')}
        {labelField('labelEn')}
      </div>
      <p className="field-hint disposition-id">
        {form.id === null ? t('settings.dispositions.form.newId', { id }) : t('settings.dispositions.form.id', { id })}
      </p>

      <div className="disposition-rule">
        <label className="checkbox">
          <input
            id={fieldId('retry')}
            type="checkbox"
            checked={form.retryOn}
            aria-describedby={
              retryProblem ? `${fieldId('retry-error')} ${fieldId('retry-hint')}` : fieldId('retry-hint')
            }
            aria-invalid={retryProblem ? true : undefined}
            onChange={(event) =>
              onChange({ retryOn: event.target.checked }, ['retry', 'retryDelay', 'retryMaxAttempts'])
            }
          />
          {t('settings.dispositions.form.retry')}
        </label>
        {retryProblem && (
          <p id={fieldId('retry-error')} className="field-error">
            {retryProblem}
          </p>
        )}
        <p id={fieldId('retry-hint')} className="field-hint">
          {t('settings.dispositions.form.retryHint')}
        </p>
        {form.retryOn && (
          <div className="disposition-rule-fields">
            <EditorField
              id={fieldId('retryDelay')}
              label={t('settings.dispositions.form.delay')}
              problem={problemOf('retryDelay')}
            >
              {(describedBy) => (
                <span className="disposition-delay">
                  {numberInput('retryDelay', describedBy)}
                  <select
                    aria-label={t('settings.dispositions.form.unit')}
                    value={form.retryUnit}
                    onChange={(event) => onChange({ retryUnit: event.target.value as DelayUnit }, ['retryDelay'])}
                  >
                    <option value="minutes">{t('settings.dispositions.form.minutes')}</option>
                    <option value="hours">{t('settings.dispositions.form.hours')}</option>
                  </select>
                </span>
              )}
            </EditorField>
            <EditorField
              id={fieldId('retryMaxAttempts')}
              label={t('settings.dispositions.form.maxAttempts')}
              problem={problemOf('retryMaxAttempts')}
              hint={t('settings.dispositions.form.maxAttemptsHint')}
            >
              {(describedBy) => numberInput('retryMaxAttempts', describedBy)}
            </EditorField>
          </div>
        )}
      </div>

      <div className="disposition-rule">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.stageOn}
            onChange={(event) => onChange({ stageOn: event.target.checked }, ['stageTo', 'stageOnlyFrom'])}
          />
          {t('settings.dispositions.form.stage')}
        </label>
        {form.stageOn && (
          <div className="disposition-rule-fields">
            <EditorField
              id={fieldId('stageTo')}
              label={t('settings.dispositions.form.stageTo')}
              problem={problemOf('stageTo')}
            >
              {(describedBy) => (
                <select
                  id={fieldId('stageTo')}
                  value={form.stageTo}
                  aria-describedby={describedBy}
                  onChange={(event) => onChange({ stageTo: event.target.value as Stage }, ['stageTo'])}
                >
                  {stages.map((stage) => (
                    <option key={stage} value={stage}>
                      {stageName(stage)}
                    </option>
                  ))}
                </select>
              )}
            </EditorField>
            <fieldset
              id={fieldId('stageOnlyFrom')}
              className="disposition-only-from"
              aria-describedby={fieldId('stageOnlyFrom-hint')}
            >
              <legend>{t('settings.dispositions.form.onlyFrom')}</legend>
              {stages.map((stage) => (
                <label key={stage} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.stageOnlyFrom.includes(stage)}
                    onChange={(event) =>
                      onChange(
                        {
                          stageOnlyFrom: event.target.checked
                            ? [...form.stageOnlyFrom, stage]
                            : form.stageOnlyFrom.filter((s) => s !== stage),
                        },
                        ['stageOnlyFrom'],
                      )
                    }
                  />
                  {stageName(stage)}
                </label>
              ))}
              <p id={fieldId('stageOnlyFrom-hint')} className="field-hint">
                {t('settings.dispositions.form.onlyFromHint')}
              </p>
              {problemOf('stageOnlyFrom') && <p className="field-error">{problemOf('stageOnlyFrom')}</p>}
            </fieldset>
          </div>
        )}
      </div>

      {flag('contact')}
      {flag('appointment')}
      {flag('requiresCallback')}
      <div
        className={
          form.doNotCall ? 'disposition-flag disposition-dnc disposition-dnc-on' : 'disposition-flag disposition-dnc'
        }
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.doNotCall}
            aria-describedby={fieldId('doNotCall-warning')}
            onChange={(event) => onChange({ doNotCall: event.target.checked }, ['retry'])}
          />
          {t('settings.dispositions.form.doNotCall')}
        </label>
        <p id={fieldId('doNotCall-warning')} className="disposition-dnc-warning">
          {t('settings.dispositions.form.doNotCallWarning')}
        </p>
      </div>
    </fieldset>
  );
}
