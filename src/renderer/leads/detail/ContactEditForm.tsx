import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneTypes, type Lead } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import type { AppError } from '../../../shared/result';
import { useClient } from '../../app/connection-context';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import { DuplicateWarning } from '../create/DuplicateWarning';
import { editedContactQuery, otherLeads, queryKey } from '../create/duplicates';
import { FieldShell, ProblemText, problemA11y, TextField } from '../create/FormField';
import { useBeforeUnload } from '../../app/useBeforeUnload';
import { useLeadsContext } from '../leads-context';
import { ConfirmDialog } from './ConfirmDialog';
import {
  addPhoneRow,
  contactFormDirty,
  contactFormValues,
  contactInputId,
  contactServerProblems,
  contactToSend,
  firstProblemId,
  MAX_PHONES,
  phoneInputId,
  preferPhoneRow,
  readContactForm,
  removePhoneRow,
  type ContactFormValues,
  type ContactProblems,
  type ContactTextField,
  type PhoneRow,
  type PhoneType,
} from './contact-edit';
import { useLeaveGuard } from '../../app/leave-guard';
import type { Mutate } from './useLead';
import './contact-edit.css';
import { BusyButton } from '../../app/BusyButton';

export type ContactEditEnd = 'saved' | 'unchanged' | 'cancelled';
/** Where the seller was going when asked to drop the changes: closing the form, or leaving the page. */
type Leaving = { to: 'close' } | { to: 'page'; go: () => void };

const noProblem: ContactProblems = { fields: {}, phones: {} };
const maxLengths: Record<ContactTextField, number> = {
  firstName: 100,
  lastName: 100,
  fullName: 200,
  email: 254,
  street: 200,
  apartment: 100,
  postalCode: 20,
  city: 100,
  regionCode: 50,
  country: 60,
  preferredContactTime: 200,
};

/**
 * The contact box turned into a form: names, numbers, e-mail, address and the preferred time.
 * Esc or "Annuler" closes it unsaved (asking first when something was changed); the caller puts
 * focus back on its "Modifier" button. A number or e-mail another lead has warns before saving.
 */
export function ContactEditForm({
  lead,
  mutate,
  onClose,
}: {
  lead: Lead;
  mutate: Mutate;
  onClose: (end: ContactEditEnd) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { region } = useLeadsContext();
  // What the form started from: only what the seller changes from it is sent.
  const [base] = useState(() => lead.contact);
  const [initial] = useState(() => contactFormValues(base, region));
  const [values, setValues] = useState<ContactFormValues>(initial);
  const [problems, setProblems] = useState<ContactProblems>(noProblem);
  const [general, setGeneral] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  /** Other leads with a number or e-mail brought in, for the values in `key`; "save anyway" sets `confirmed`. */
  const [duplicates, setDuplicates] = useState<{ key: string; leads: LeadSummary[]; confirmed: boolean } | null>(null);
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  /** Where the keyboard was when "Abandonner les modifications ?" opened, for "Continuer la saisie". */
  const keepFocus = useRef<HTMLElement | null>(null);
  const dirty = contactFormDirty(initial, values);
  useBeforeUnload(dirty);
  const nextKey = useRef(0);
  /** A control to focus once React has drawn it (an added row, a problem's field); each setter re-renders. */
  const focusNext = useRef<string | null>(contactInputId('firstName'));
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const setFocusId = (id: string | null) => {
    focusNext.current = id;
  };

  const ask = (next: Leaving) => {
    keepFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLeaving(next);
  };
  useLeaveGuard(dirty, (go) => ask({ to: 'page', go }));
  const cancel = () => (dirty ? ask({ to: 'close' }) : onClose('cancelled'));
  const keepEditing = () => {
    setLeaving(null);
  };
  const discard = () => {
    const next = leaving;
    keepFocus.current = null;
    setLeaving(null);
    if (next?.to === 'page') next.go();
    else onClose('cancelled');
  };
  // "Continuer la saisie": back where the seller was typing, once the dialog is closed.
  useEffect(() => {
    if (leaving || !keepFocus.current) return;
    keepFocus.current.focus();
    keepFocus.current = null;
  }, [leaving]);

  const setText = (field: ContactTextField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, fields: { ...p.fields, [field]: undefined } }));
    if (field === 'email') setDuplicates(null);
  };
  /** `clearKey`: the row whose number changed or went, so its problem and any double warning go. */
  const setPhones = (update: (rows: PhoneRow[]) => PhoneRow[], clearKey?: string) => {
    setValues((v) => ({ ...v, phones: update(v.phones) }));
    if (clearKey) {
      setProblems((p) => ({ ...p, phones: { ...p.phones, [clearKey]: undefined } }));
      setDuplicates(null);
    }
  };

  const addPhone = () => {
    const key = `n${nextKey.current++}`;
    setPhones((rows) => addPhoneRow(rows, key));
    setFocusId(phoneInputId(key));
  };
  const removePhone = (key: string) => {
    const index = values.phones.findIndex((row) => row.key === key);
    const after = values.phones[index + 1] ?? values.phones[index - 1];
    setPhones((rows) => removePhoneRow(rows, key), key);
    // Its button goes away with the row: focus the next number, else "Ajouter un numéro".
    setFocusId(after ? phoneInputId(after.key) : contactInputId('phones'));
  };

  const showProblems = (found: ContactProblems) => {
    setProblems(found);
    setFocusId(firstProblemId(found, values));
  };

  /** `anyway`: the seller saw the doubles and saves all the same. */
  const save = async (anyway = false) => {
    if (busy) return;
    setGeneral(null);
    const edit = readContactForm(base, values, region);
    if (!edit.ok) {
      showProblems(edit.problems);
      return;
    }
    const contact = contactToSend(lead.contact, edit);
    if (!contact) {
      onClose('unchanged');
      return;
    }
    setBusy(true);
    const query = editedContactQuery(base, edit.contact);
    const key = query && queryKey(query);
    if (query && !anyway && !(duplicates?.key === key && duplicates.confirmed)) {
      const found = await client.request('leads.findDuplicates', query);
      // Unanswered, the check is skipped: it warns, it never stops a seller from saving.
      const others = found.ok ? otherLeads(found.value, lead.id) : [];
      if (key && others.length > 0) {
        setBusy(false);
        setDuplicates({ key, leads: others, confirmed: false });
        return;
      }
    }
    const result = await mutate('leads.update', { id: lead.id, changes: { contact } });
    setBusy(false);
    if (result.ok) {
      onClose('saved');
      return;
    }
    const split = contactServerProblems(result.error, edit.phoneKeys);
    if (split.general) {
      setProblems(noProblem);
      setGeneral(result.error);
    } else showProblems(split.problems);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // The page's own Esc goes back to the list: here it only closes the form.
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };

  const text = (field: ContactTextField, label: string, type = 'text') => (
    <TextField
      id={contactInputId(field)}
      label={label}
      type={type}
      autoComplete="off"
      maxLength={maxLengths[field]}
      value={values[field]}
      problem={problems.fields[field]}
      onChange={(value) => setText(field, value)}
    />
  );

  const kindId = contactInputId('kind');
  const saveId = 'contact-edit-save';
  const addId = contactInputId('phones');
  return (
    <>
      <form
        className="inline-form contact-edit"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={onKeyDown}
        noValidate
        aria-labelledby="contact-edit-title"
        aria-busy={busy || undefined}
      >
        <h4 id="contact-edit-title">{t('leads.detail.edit.title')}</h4>
        <div className="form-grid">
          {text('firstName', t('leads.detail.edit.firstName'))}
          {text('lastName', t('leads.detail.edit.lastName'))}
          {text('fullName', t(values.kind === 'business' ? 'leads.detail.edit.company' : 'leads.detail.edit.fullName'))}
          <FieldShell id={kindId} label={t('leads.detail.edit.kind')} problem={problems.fields.kind}>
            <select
              id={kindId}
              value={values.kind}
              onChange={(event) => {
                setValues((v) => ({ ...v, kind: event.target.value === 'business' ? 'business' : 'individual' }));
                setProblems((p) => ({ ...p, fields: { ...p.fields, kind: undefined, fullName: undefined } }));
              }}
              {...problemA11y(kindId, problems.fields.kind)}
            >
              <option value="individual">{t('leads.detail.edit.kinds.individual')}</option>
              <option value="business">{t('leads.detail.edit.kinds.business')}</option>
            </select>
          </FieldShell>
        </div>

        <fieldset className="contact-edit-phones">
          <legend>{t('leads.detail.phones')}</legend>
          {values.phones.length === 0 && <p className="note">{t('leads.detail.noPhone')}</p>}
          <ol className="plain-list">
            {values.phones.map((row, index) => (
              <PhoneRowFields
                key={row.key}
                row={row}
                n={index + 1}
                problem={problems.phones[row.key]}
                onNumber={(number) =>
                  setPhones((rows) => rows.map((r) => (r.key === row.key ? { ...r, number } : r)), row.key)
                }
                onType={(type) => setPhones((rows) => rows.map((r) => (r.key === row.key ? { ...r, type } : r)))}
                onPrefer={() => setPhones((rows) => preferPhoneRow(rows, row.key))}
                onRemove={() => removePhone(row.key)}
              />
            ))}
          </ol>
          {values.phones.length < MAX_PHONES ? (
            <button
              type="button"
              id={addId}
              className="button"
              onClick={addPhone}
              {...problemA11y(addId, problems.fields.phones)}
            >
              {t('leads.detail.edit.addPhone')}
            </button>
          ) : (
            <p id={addId} className="field-hint" tabIndex={-1}>
              {t('leads.detail.edit.maxPhones', { max: MAX_PHONES })}
            </p>
          )}
          {problems.fields.phones && (
            <p id={`${addId}-error`} className="field-error">
              <ProblemText problem={problems.fields.phones} />
            </p>
          )}
        </fieldset>

        <div className="form-grid">
          {text('email', t('leads.detail.email'), 'email')}
          {text('preferredContactTime', t('leads.detail.preferredTime'))}
        </div>
        <fieldset className="contact-edit-address">
          <legend>{t('leads.detail.address')}</legend>
          <div className="form-grid">
            {text('street', t('leads.detail.edit.street'))}
            {text('apartment', t('leads.detail.edit.apartment'))}
            {text('postalCode', t('leads.detail.edit.postalCode'))}
            {text('city', t('leads.detail.edit.city'))}
            {text('regionCode', t('leads.detail.edit.regionCode'))}
            {text('country', t('leads.detail.edit.country'))}
          </div>
        </fieldset>

        {general && (
          <p className="form-error" role="alert">
            <ServerErrorMessage error={general} />
          </p>
        )}
        {duplicates && !duplicates.confirmed && (
          <DuplicateWarning
            id="contact-edit-duplicates"
            heading="h5"
            duplicates={duplicates.leads}
            region={region}
            busy={busy}
            hint={t('leads.detail.edit.duplicates.hint')}
            anywayLabel={t('leads.detail.edit.duplicates.saveAnyway')}
            onCreateAnyway={() => {
              setDuplicates({ ...duplicates, confirmed: true });
              // The warning and its button go: the keyboard waits on "Enregistrer le contact".
              setFocusId(saveId);
              void save(true);
            }}
          />
        )}
        <div className="form-actions">
          <BusyButton id={saveId} type="submit" className="button button-primary" busy={busy}>
            {t('leads.detail.edit.save')}
          </BusyButton>
          <button type="button" className="button button-quiet" onClick={cancel}>
            {t('leads.detail.edit.cancel')}
          </button>
        </div>
      </form>
      {/* Outside the form: its Esc must reach the dialog, not the form's own Esc. */}
      <ConfirmDialog
        open={leaving !== null}
        title={t('leads.detail.edit.discard.title')}
        body={t('leads.detail.edit.discard.body')}
        confirmLabel={t('leads.detail.edit.discard.confirm')}
        cancelLabel={t('leads.detail.edit.discard.keep')}
        onConfirm={discard}
        onCancel={keepEditing}
      />
    </>
  );
}

function PhoneRowFields({
  row,
  n,
  problem,
  onNumber,
  onType,
  onPrefer,
  onRemove,
}: {
  row: PhoneRow;
  n: number;
  problem: ContactProblems['phones'][string] | undefined;
  onNumber: (number: string) => void;
  onType: (type: PhoneType) => void;
  onPrefer: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = phoneInputId(row.key);
  return (
    <li className="contact-edit-phone">
      <FieldShell id={id} label={t('leads.detail.edit.phoneNumber', { n })} problem={problem}>
        <input
          id={id}
          type="tel"
          autoComplete="off"
          maxLength={64}
          value={row.number}
          onChange={(event) => onNumber(event.target.value)}
          {...problemA11y(id, problem)}
        />
      </FieldShell>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('leads.detail.edit.phoneType')}</label>
        <select
          id={`${id}-type`}
          aria-label={t('leads.detail.edit.phoneTypeLabel', { n })}
          value={row.type}
          onChange={(event) => onType(event.target.value as PhoneType)}
        >
          {phoneTypes.map((type) => (
            <option key={type} value={type}>
              {t(`leads.detail.phoneTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="contact-edit-preferred">
        <input
          type="radio"
          name="contact-edit-preferred"
          aria-label={t('leads.detail.edit.preferredLabel', { n })}
          checked={row.preferred}
          onChange={onPrefer}
        />
        {t('leads.detail.edit.preferred')}
      </label>
      <button
        type="button"
        className="button button-quiet"
        aria-label={t('leads.detail.edit.removePhoneLabel', { n })}
        onClick={onRemove}
      >
        {t('leads.detail.edit.removePhone')}
      </button>
    </li>
  );
}
