import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneTypes, type Lead } from '../../../shared/domain/lead';
import type { AppError } from '../../../shared/result';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import { FieldShell, ProblemText, problemA11y, TextField } from '../create/FormField';
import { useLeadsContext } from '../leads-context';
import {
  addPhoneRow,
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
import type { Mutate } from './useLead';
import './contact-edit.css';

export type ContactEditEnd = 'saved' | 'unchanged' | 'cancelled';

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
  country: 2,
  preferredContactTime: 200,
};

/**
 * The contact box turned into a form: names, numbers, e-mail, address and the preferred time.
 * Esc or "Annuler" closes it unsaved; the caller puts focus back on its "Modifier" button.
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
  const { region } = useLeadsContext();
  // What the form started from: only what the seller changes from it is sent.
  const [base] = useState(() => lead.contact);
  const [values, setValues] = useState<ContactFormValues>(() => contactFormValues(base, region));
  const [problems, setProblems] = useState<ContactProblems>(noProblem);
  const [general, setGeneral] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
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

  const setText = (field: ContactTextField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, fields: { ...p.fields, [field]: undefined } }));
  };
  const setPhones = (update: (rows: PhoneRow[]) => PhoneRow[], clearKey?: string) => {
    setValues((v) => ({ ...v, phones: update(v.phones) }));
    if (clearKey) setProblems((p) => ({ ...p, phones: { ...p.phones, [clearKey]: undefined } }));
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

  const save = async (event: FormEvent) => {
    event.preventDefault();
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
    onClose('cancelled');
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
  const addId = contactInputId('phones');
  return (
    <form
      className="inline-form contact-edit"
      onSubmit={(event) => void save(event)}
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
      <div className="form-actions">
        {/* Not `disabled` while saving: a disabled button drops the keyboard focus to the page. */}
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('leads.detail.edit.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onClose('cancelled')}>
          {t('leads.detail.edit.cancel')}
        </button>
      </div>
    </form>
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
