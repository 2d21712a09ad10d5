import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/domain/lead';
import { displayPhone, formatDate } from '../format';
import { useLeadsContext } from '../leads-context';
import { CallNumberButton } from '../../phone/CallNumberButton';
import { useFacets } from '../list/useFacets';
import { ContactEditForm, type ContactEditEnd } from './ContactEditForm';
import { OwnerField, TagsField } from './OwnerTagsFields';
import type { Mutate } from './useLead';
import './contact-edit.css';
import { useReturnFocus } from './useReturnFocus';

export function Section({
  title,
  id,
  children,
  className,
  action,
}: {
  title: string;
  id: string;
  children: ReactNode;
  className?: string;
  /** A button beside the title ("Modifier"). */
  action?: ReactNode;
}) {
  return (
    <section className={className ? `detail-section ${className}` : 'detail-section'} aria-labelledby={id}>
      {action ? (
        <div className="section-head">
          <h3 id={id}>{title}</h3>
          {action}
        </div>
      ) : (
        <h3 id={id}>{title}</h3>
      )}
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="facts">
      {shown.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ContactSection({ lead, mutate }: { lead: Lead; mutate: Mutate }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // Saved or cancelled: the keyboard goes back to "Modifier", drawn again once the form is gone.
  const { ref: editRef, returnFocus } = useReturnFocus<HTMLButtonElement>(editing);

  const close = (end: ContactEditEnd) => {
    returnFocus();
    setEditing(false);
    setStatus(
      end === 'saved' ? t('leads.detail.edit.saved') : end === 'unchanged' ? t('leads.detail.edit.unchanged') : null,
    );
  };

  return (
    <Section
      title={t('leads.detail.sections.contact')}
      id="section-contact"
      action={
        !editing && (
          <button
            ref={editRef}
            type="button"
            className="button button-quiet"
            aria-label={t('leads.detail.edit.buttonLabel')}
            onClick={() => {
              setStatus(null);
              setEditing(true);
            }}
          >
            {t('leads.detail.edit.button')}
          </button>
        )
      }
    >
      {editing ? <ContactEditForm lead={lead} mutate={mutate} onClose={close} /> : <ContactFacts lead={lead} />}
      <p className="form-status" aria-live="polite">
        {status}
      </p>
    </Section>
  );
}

function ContactFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { region } = useLeadsContext();
  const { contact } = lead;
  const address = contact.address;
  const addressText = address
    ? [address.street, address.apartment, [address.postalCode, address.city].filter(Boolean).join(' '), address.country]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <>
      <h4 className="facts-title">{t('leads.detail.phones')}</h4>
      {contact.phones.length === 0 ? (
        <p className="note">{t('leads.detail.noPhone')}</p>
      ) : (
        <ul className="plain-list phones">
          {contact.phones.map((phone) => {
            const shown = displayPhone(phone.e164, region);
            return (
              <li key={phone.e164}>
                <CallNumberButton number={phone.e164} shown={shown} leadId={lead.id} />{' '}
                <span className="note">
                  {t(`leads.detail.phoneTypes.${phone.type}`)}
                  {phone.preferred && ` · ${t('leads.detail.preferred')}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <Facts
        rows={[
          [t('leads.detail.email'), contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>],
          [t('leads.detail.address'), addressText],
          [t('leads.detail.preferredTime'), contact.preferredContactTime],
          [t('leads.detail.comments'), lead.comments],
        ]}
      />
    </>
  );
}

export function VehiclesSection({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('leads.detail.sections.vehicles')} id="section-vehicles">
      {lead.vehicles.length === 0 ? (
        <p className="note">{t('leads.detail.noVehicle')}</p>
      ) : (
        <ul className="plain-list vehicles">
          {lead.vehicles.map((vehicle, index) => (
            <li key={index} className="vehicle">
              <p className="vehicle-name">
                {[vehicle.make, vehicle.model, vehicle.trim, vehicle.year].filter(Boolean).join(' ')}
              </p>
              <p className="note">
                {[
                  t(`leads.detail.interest.${vehicle.interest}`),
                  vehicle.condition && t(`leads.detail.condition.${vehicle.condition}`),
                  vehicle.price &&
                    new Intl.NumberFormat(i18n.language, {
                      style: 'currency',
                      currency: vehicle.price.currency,
                      maximumFractionDigits: 0,
                    }).format(vehicle.price.amount),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <Facts
                rows={[
                  [t('leads.detail.vin'), vehicle.vin && <span className="mono">{vehicle.vin}</span>],
                  [t('leads.detail.stockNumber'), vehicle.stockNumber],
                  [t('leads.detail.registration'), vehicle.registration],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function TradeInSection({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const tradeIn = lead.tradeIn;
  const title = tradeIn ? [tradeIn.make, tradeIn.model, tradeIn.year].filter(Boolean).join(' ') : '';
  return (
    <Section title={t('leads.detail.sections.tradeIn')} id="section-trade-in">
      {!tradeIn ? (
        <p className="note">{t('leads.detail.noTradeIn')}</p>
      ) : (
        <>
          {title && <p className="vehicle-name">{title}</p>}
          <Facts
            rows={[
              [
                t('leads.detail.mileage'),
                tradeIn.mileage &&
                  `${new Intl.NumberFormat(i18n.language).format(tradeIn.mileage.value)} ${tradeIn.mileage.unit}`,
              ],
              [t('leads.detail.vin'), tradeIn.vin && <span className="mono">{tradeIn.vin}</span>],
              [t('leads.detail.registration'), tradeIn.registration],
            ]}
          />
        </>
      )}
    </Section>
  );
}

export function FollowSection({ lead, mutate }: { lead: Lead; mutate: Mutate }) {
  const { t, i18n } = useTranslation();
  const facets = useFacets();
  return (
    <Section title={t('leads.detail.sections.follow')} id="section-follow">
      <Facts
        rows={[
          [
            t('leads.detail.source'),
            lead.source ? [lead.source.name, lead.source.provider].filter(Boolean).join(' · ') : t('leads.detail.none'),
          ],
          [t('leads.detail.created'), formatDate(lead.createdAt, i18n.language)],
          [t('leads.detail.lastContact'), formatDate(lead.lastContactAt, i18n.language)],
        ]}
      />
      <OwnerField lead={lead} mutate={mutate} owners={facets?.owners ?? []} />
      <TagsField lead={lead} mutate={mutate} knownTags={facets?.tags ?? []} />
    </Section>
  );
}
