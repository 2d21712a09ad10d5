import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { displayPhone } from '../format';
import { leadHref } from '../leads-route';
import { BusyButton } from '../../app/BusyButton';

/**
 * Shown instead of creating (or saving a contact) when other leads already hold the number or
 * e-mail: open one, or go on anyway. The new-lead form's words unless told otherwise.
 */
export function DuplicateWarning({
  duplicates,
  region,
  busy,
  onCreateAnyway,
  id = 'new-lead-duplicates',
  heading: Heading = 'h3',
  hint,
  anywayLabel,
}: {
  duplicates: readonly LeadSummary[];
  region: string;
  busy: boolean;
  onCreateAnyway: () => void;
  id?: string;
  /** The level under the form's own title. */
  heading?: 'h3' | 'h4' | 'h5';
  hint?: string;
  anywayLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="duplicate-warning" role="alert" aria-labelledby={id}>
      <Heading id={id}>{t('leads.create.duplicates.title', { count: duplicates.length })}</Heading>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={leadHref(d.id)}>{d.name || t('leads.noName')}</a>
            {d.phone && <span className="duplicate-detail"> · {displayPhone(d.phone, region)}</span>}
            {d.email && <span className="duplicate-detail"> · {d.email}</span>}
          </li>
        ))}
      </ul>
      <p className="note">{hint ?? t('leads.create.duplicates.hint')}</p>
      <BusyButton
        type="button"
        className="button"
        busy={busy}
        onClick={() => {
          if (!busy) onCreateAnyway();
        }}
      >
        {anywayLabel ?? t('leads.create.duplicates.createAnyway')}
      </BusyButton>
    </section>
  );
}
