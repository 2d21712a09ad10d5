import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackListRow } from '../../shared/domain/callback-list';
import type { Disposition } from '../../shared/domain/disposition';
import { displayPhone, formatCount } from '../leads/format';
import { leadHref } from '../leads/leads-route';
import { useDealershipZone, useListPage } from './hooks';
import { describeSkip, formatWhen, type SkipLike } from './skip-reasons';
import { catalogLanguage, looseT } from './translate';

const PAGE = 50;

/** A list's leads in calling order, each with its state; skipped ones say why and when the call becomes legal. */
export function ListEntries({
  id,
  region,
  dispositions,
  onClose,
}: {
  id: string;
  region: string;
  dispositions: readonly Disposition[] | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [offset, setOffset] = useState(0);
  const { page, error } = useListPage(id, offset, PAGE);
  const lang = catalogLanguage(locale);
  const label = (dispositionId: string) =>
    dispositions?.find((d) => d.id === dispositionId)?.labels[lang] ?? dispositionId;
  const total = page?.total ?? 0;
  const zone = useDealershipZone();
  const titleId = `dialer-entries-${id}`;

  return (
    <section className="dialer-entries" aria-labelledby={titleId} data-list-id={id}>
      <div className="dialer-section-head">
        <h2 id={titleId}>{t('dialer.entries.title', { name: page?.list.name ?? '' })}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('dialer.entries.close')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('dialer.loadFailed')} {t(`errors.${error.code}`)}
        </p>
      )}
      {page && page.items.length === 0 && <p className="note">{t('dialer.entries.empty')}</p>}
      {page && page.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="issues dialer-entry-table">
              <caption className="visually-hidden">{t('dialer.entries.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dialer.entries.columns.lead')}</th>
                  <th scope="col">{t('dialer.entries.columns.phone')}</th>
                  <th scope="col">{t('dialer.entries.columns.stage')}</th>
                  <th scope="col">{t('dialer.entries.columns.status')}</th>
                  <th scope="col">{t('dialer.entries.columns.attempts')}</th>
                  <th scope="col">{t('dialer.entries.columns.lastOutcome')}</th>
                  <th scope="col">{t('dialer.entries.columns.why')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((row) => (
                  <EntryRow key={row.id} row={row} region={region} zone={zone} locale={locale} label={label} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions compact dialer-pager">
            <span className="note">
              {t('dialer.entries.range', {
                from: formatCount(offset + 1, locale),
                to: formatCount(Math.min(total, offset + page.items.length), locale),
                total: formatCount(total, locale),
              })}
            </span>
            {total > PAGE && (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={offset === 0}
                  onClick={() => setOffset((o) => Math.max(0, o - PAGE))}
                >
                  {t('dialer.entries.previous')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={offset + PAGE >= total}
                  onClick={() => setOffset((o) => o + PAGE)}
                >
                  {t('dialer.entries.next')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function EntryRow({
  row,
  region,
  zone,
  locale,
  label,
}: {
  row: CallbackListRow;
  region: string;
  /** The dealership's: a skip's times are on the callee's clock, this one when the skip names none. */
  zone: string;
  locale: string;
  label: (id: string) => string;
}) {
  const { t } = useTranslation();
  const skip =
    row.status === 'skipped' && row.skip
      ? describeSkip(row.skip as SkipLike, { t: looseT(t), locale, region, zone })
      : null;
  const [now] = useState(() => Date.now());
  const notBefore =
    row.status === 'to-call' && row.nextEligibleAt && Date.parse(row.nextEligibleAt) > now
      ? row.nextEligibleAt
      : undefined;
  return (
    <tr data-status={row.status} data-lead-id={row.leadId}>
      <th scope="row">
        <a href={leadHref(row.leadId)}>{row.name || t('leads.noName')}</a>
        <span className="note dialer-entry-scope">
          {row.scope === 'owner' && row.owner
            ? t('dialer.entries.ownerOnly', { owner: row.owner })
            : t('dialer.entries.anyone')}
        </span>
      </th>
      <td className="mono phone-number">{displayPhone(row.phone, region)}</td>
      <td>{row.stage && <span className={`stage-badge stage-${row.stage}`}>{t(`leads.stages.${row.stage}`)}</span>}</td>
      <td>
        <span className={`badge dialer-status dialer-status-${row.status}`}>
          {t(`dialer.entries.status.${row.status}`)}
        </span>
      </td>
      <td>{row.attempts}</td>
      <td>{row.lastOutcome ? label(row.lastOutcome) : ''}</td>
      <td className="dialer-why">
        {skip && (
          <>
            <ul className="plain-list dialer-reasons">
              {skip.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            {skip.nextLegal && <p className="note dialer-next-legal">{skip.nextLegal}</p>}
          </>
        )}
        {notBefore && (
          <span className="note">{t('dialer.entries.notBefore', { at: formatWhen(notBefore, locale) })}</span>
        )}
      </td>
    </tr>
  );
}
