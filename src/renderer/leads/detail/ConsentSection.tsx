import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { consentChannels, type ConsentRecord, type Lead } from '../../../shared/domain/lead';
import { parsePhone } from '../../../shared/phone';
import { displayPhone, formatDateTime } from '../format';
import { useLeadsContext } from '../leads-context';
import { toDateTimeLocal } from '../snooze';
import { ServerErrorMessage } from '../../settings/FieldProblem';
import { ConfirmDialog } from './ConfirmDialog';
import { readConsentDate } from './consent-form';
import { Section } from './ContactSection';
import type { Mutate } from './useLead';
import { BusyButton } from '../../app/BusyButton';
import { useReturnFocus } from './useReturnFocus';

type Channel = (typeof consentChannels)[number];

export function ConsentSection({ lead, mutate }: { lead: Lead; mutate: Mutate }) {
  const { t, i18n } = useTranslation();
  const { region } = useLeadsContext();
  const [formOpen, setFormOpen] = useState(false);
  const [revoking, setRevoking] = useState<ConsentRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { ref: addRef, returnFocus } = useReturnFocus<HTMLButtonElement>(formOpen);

  const revoke = async () => {
    if (!revoking) return;
    const result = await mutate('leads.revokeConsent', { id: lead.id, consentId: revoking.id });
    if (result.ok) {
      returnFocus();
      setRevoking(null);
      setError(null);
      setStatus(t('leads.consent.revokedStatus'));
    } else setError(t(`errors.${result.error.code}`));
  };

  return (
    <Section title={t('leads.detail.sections.consent')} id="section-consent">
      {lead.consents.length === 0 && <p className="note">{t('leads.consent.none')}</p>}
      <ul className="plain-list consents">
        {lead.consents.map((consent) => {
          const number = displayPhone(consent.number, region);
          return (
            <li key={consent.id} className={consent.revokedAt ? 'consent consent-revoked' : 'consent'}>
              <p>
                <strong className="mono">{number}</strong>{' '}
                <span className={consent.revokedAt ? 'badge badge-muted' : 'badge badge-ok'}>
                  {consent.revokedAt ? t('leads.consent.revokedBadge') : t('leads.consent.active')}
                </span>
              </p>
              <p className="note">
                {t(`leads.consent.channels.${consent.channel}`)} ·{' '}
                {t('leads.consent.given', { when: formatDateTime(consent.givenAt, i18n.language) })}
                {consent.revokedAt &&
                  ` · ${t('leads.consent.revoked', { when: formatDateTime(consent.revokedAt, i18n.language) })}`}
              </p>
              <blockquote className="consent-wording">{consent.wording}</blockquote>
              {consent.proof && <p className="note mono">{consent.proof}</p>}
              {!consent.revokedAt && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('leads.consent.revokeLabel', { number })}
                  onClick={() => setRevoking(consent)}
                >
                  {t('leads.consent.revoke')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {formOpen ? (
        <ConsentForm
          lead={lead}
          mutate={mutate}
          onDone={(saved) => {
            returnFocus();
            setStatus(saved ? t('leads.consent.saved') : null);
            setFormOpen(false);
          }}
        />
      ) : (
        <button
          ref={addRef}
          type="button"
          className="button"
          onClick={() => {
            setStatus(null);
            setFormOpen(true);
          }}
        >
          {t('leads.consent.add')}
        </button>
      )}
      <p className="form-status" aria-live="polite">
        {status}
      </p>
      <ConfirmDialog
        open={revoking !== null}
        title={t('leads.consent.revokeTitle')}
        body={t('leads.consent.revokeBody', { number: revoking ? displayPhone(revoking.number, region) : '' })}
        confirmLabel={t('leads.consent.revokeConfirm')}
        cancelLabel={t('leads.consent.cancel')}
        error={error}
        onConfirm={() => void revoke()}
        onCancel={() => {
          setRevoking(null);
          setError(null);
        }}
      />
    </Section>
  );
}

type Problems = Partial<Record<'number' | 'wording' | 'givenAt' | 'form', ReactNode>>;

function ConsentForm({ lead, mutate, onDone }: { lead: Lead; mutate: Mutate; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { region } = useLeadsContext();
  const preferred = lead.contact.phones.find((p) => p.preferred) ?? lead.contact.phones[0];
  const [number, setNumber] = useState(preferred ? displayPhone(preferred.e164, region) : '');
  const [channel, setChannel] = useState<Channel>('phone');
  const [wording, setWording] = useState('');
  const [proof, setProof] = useState('');
  const [givenAt, setGivenAt] = useState(() => toDateTimeLocal(new Date()));
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parsePhone(number, region);
    const date = readConsentDate(givenAt, Date.now());
    const local: Problems = {};
    if (!parsed.ok) local.number = t('leads.consent.badNumber');
    if (wording.trim() === '') local.wording = t('leads.consent.emptyWording');
    if (!date.ok)
      local.givenAt = date.problem === 'inFuture' ? t('fieldErrors.consentInFuture') : t('leads.consent.badDate');
    setProblems(local);
    if (!parsed.ok || !date.ok || local.wording) {
      document
        .getElementById(local.number ? 'consent-number' : local.wording ? 'consent-wording' : 'consent-given-at')
        ?.focus();
      return;
    }
    setBusy(true);
    const result = await mutate('leads.addConsent', {
      id: lead.id,
      consent: {
        number: parsed.e164,
        channel,
        wording: wording.trim(),
        givenAt: date.date.toISOString(),
        ...(proof.trim() && { proof: proof.trim() }),
      },
    });
    setBusy(false);
    if (result.ok) onDone(true);
    else {
      const field = result.error.field ?? result.error.issues?.[0]?.field ?? '';
      const key = (['number', 'wording', 'givenAt'] as const).find((k) => field.endsWith(k)) ?? 'form';
      setProblems({ [key]: <ServerErrorMessage error={result.error} /> });
    }
  };

  const field = (id: string, key: keyof Problems, label: string, control: (a11y: object) => ReactNode) => (
    <div className={problems[key] ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control(problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
      {problems[key] && (
        <p id={`${id}-error`} className="field-error">
          {problems[key]}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void save(event)}
      noValidate
      aria-labelledby="consent-form-title"
    >
      <h4 id="consent-form-title">{t('leads.consent.formTitle')}</h4>
      {field('consent-number', 'number', t('leads.consent.number'), (a11y) => (
        <input
          ref={firstRef}
          id="consent-number"
          type="tel"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          {...a11y}
        />
      ))}
      <div className="field">
        <label htmlFor="consent-channel">{t('leads.consent.channel')}</label>
        <select id="consent-channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
          {consentChannels.map((c) => (
            <option key={c} value={c}>
              {t(`leads.consent.channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {field('consent-wording', 'wording', t('leads.consent.wording'), (a11y) => (
        <textarea
          id="consent-wording"
          rows={3}
          maxLength={2000}
          value={wording}
          onChange={(e) => setWording(e.target.value)}
          {...a11y}
        />
      ))}
      <div className="field">
        <label htmlFor="consent-proof">{t('leads.consent.proof')}</label>
        <input id="consent-proof" maxLength={500} value={proof} onChange={(e) => setProof(e.target.value)} />
      </div>
      {field('consent-given-at', 'givenAt', t('leads.consent.givenAt'), (a11y) => (
        <input
          id="consent-given-at"
          type="datetime-local"
          value={givenAt}
          onChange={(e) => setGivenAt(e.target.value)}
          {...a11y}
        />
      ))}
      {problems.form && (
        <p className="form-error" role="alert">
          {problems.form}
        </p>
      )}
      <div className="form-actions">
        <BusyButton type="submit" className="button button-primary" busy={busy}>
          {t('leads.consent.save')}
        </BusyButton>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          {t('leads.consent.cancel')}
        </button>
      </div>
    </form>
  );
}
