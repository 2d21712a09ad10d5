import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialTarget } from '../../shared/domain/dialer';
import { useLead } from '../leads/detail/useLead';
import { displayPhone, formatDateTime } from '../leads/format';
import { leadHref } from '../leads/leads-route';
import { leadCardFacts } from './lead-card';

/**
 * The lead a session is about to call, calls or wraps up (or the next one): who, which number,
 * the car, where the lead stands, consent for that number, the callback due and the last notes.
 */
export function LeadCard({
  target,
  heading,
  region,
  compact = false,
}: {
  target: DialTarget;
  heading: string;
  region: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { state } = useLead(target.leadId);
  const [now] = useState(() => Date.now());
  const titleId = useId();
  const locale = i18n.language;
  const facts = state.status === 'ready' ? leadCardFacts(state.lead, target.number, now) : null;
  const name = facts?.name || target.name || target.number;

  return (
    <section
      className={compact ? 'dialer-card dialer-card-next' : 'dialer-card'}
      aria-labelledby={titleId}
      data-lead-id={target.leadId}
    >
      <p className="dialer-card-kicker">{heading}</p>
      <div className="dialer-card-title">
        <h3 id={titleId}>{name}</h3>
        {facts && <span className={`stage-badge stage-${facts.stage}`}>{t(`leads.stages.${facts.stage}`)}</span>}
      </div>
      <p className="dialer-card-number mono">{displayPhone(target.number, region)}</p>
      {state.status === 'loading' && <p className="note">{t('dialer.card.loading')}</p>}
      {state.status === 'failed' && (
        <p className="form-error">
          {state.error.code === 'not-found' ? t('leads.detail.notFound') : t(`errors.${state.error.code}`)}
        </p>
      )}
      {facts && (
        <>
          <dl className="facts dialer-facts">
            <div className="fact">
              <dt>{t('dialer.card.vehicle')}</dt>
              <dd>{facts.vehicle ?? <span className="note">{t('dialer.card.noVehicle')}</span>}</dd>
            </div>
            <div className="fact">
              <dt>{t('dialer.card.consent')}</dt>
              <dd>
                <span
                  className={facts.consent === 'given' ? 'badge badge-ok' : 'badge badge-muted'}
                  data-consent={facts.consent}
                >
                  {t(`dialer.card.consentState.${facts.consent}`)}
                </span>
              </dd>
            </div>
            <div className="fact">
              <dt>{t('dialer.card.callback')}</dt>
              <dd>
                {facts.callback ? (
                  <CallbackFact
                    callback={facts.callback}
                    when={formatDateTime(facts.callback.dueAt, locale)}
                    overdue={t('dialer.card.overdue')}
                  />
                ) : (
                  t('dialer.card.noCallback')
                )}
              </dd>
            </div>
            {facts.owner && (
              <div className="fact">
                <dt>{t('dialer.card.owner')}</dt>
                <dd>{facts.owner}</dd>
              </div>
            )}
          </dl>
          {!compact && (
            <>
              <h4 className="facts-title">{t('dialer.card.numbers')}</h4>
              <ul className="plain-list dialer-numbers">
                {facts.numbers.map((phone) => (
                  <li key={phone.e164}>
                    <span className="mono">{displayPhone(phone.e164, region)}</span>{' '}
                    <span className="note">
                      {t(`leads.detail.phoneTypes.${phone.type}`)}
                      {phone.preferred && ` · ${t('leads.detail.preferred')}`}
                    </span>
                    {phone.dialed && <span className="badge dialer-dialed">{t('dialer.card.dialed')}</span>}
                  </li>
                ))}
              </ul>
              <h4 className="facts-title">{t('dialer.card.notes')}</h4>
              {facts.notes.length === 0 ? (
                <p className="note">{t('dialer.card.noNotes')}</p>
              ) : (
                <ul className="plain-list dialer-notes">
                  {facts.notes.map((note, index) => (
                    <li key={`${note.at}-${index}`}>
                      <span className="timeline-at">{formatDateTime(note.at, locale)}</span>
                      <p className="dialer-note-text">{note.text}</p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
      <a className="dialer-card-link" href={leadHref(target.leadId)}>
        {t('dialer.card.openLead')}
      </a>
    </section>
  );
}

/**
 * The callback due: when, "overdue" when it is, and its note on a line of its own (a narrow
 * card wrapped a " · " separator onto the badge's line, left dangling).
 */
export function CallbackFact({
  callback,
  when,
  overdue,
}: {
  callback: { overdue: boolean; note?: string };
  when: string;
  overdue: string;
}) {
  return (
    <>
      {when}
      {callback.overdue && <span className="overdue-badge">{overdue}</span>}
      {callback.note && <div className="note dialer-callback-note">{callback.note}</div>}
    </>
  );
}
