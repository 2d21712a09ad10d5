import { useTranslation } from 'react-i18next';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { displayPhone } from '../format';
import { leadHref } from '../leads-route';

/** Shown instead of creating when leads already hold the number or e-mail: open one, or create anyway. */
export function DuplicateWarning({
  duplicates,
  region,
  busy,
  onCreateAnyway,
}: {
  duplicates: readonly LeadSummary[];
  region: string;
  busy: boolean;
  onCreateAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="duplicate-warning" role="alert" aria-labelledby="new-lead-duplicates">
      <h3 id="new-lead-duplicates">{t('leads.create.duplicates.title', { count: duplicates.length })}</h3>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            <a href={leadHref(d.id)}>{d.name || t('leads.noName')}</a>
            {d.phone && <span className="duplicate-detail"> · {displayPhone(d.phone, region)}</span>}
            {d.email && <span className="duplicate-detail"> · {d.email}</span>}
          </li>
        ))}
      </ul>
      <p className="note">{t('leads.create.duplicates.hint')}</p>
      <button type="button" className="button" disabled={busy} onClick={onCreateAnyway}>
        {t('leads.create.duplicates.createAnyway')}
      </button>
    </section>
  );
}
