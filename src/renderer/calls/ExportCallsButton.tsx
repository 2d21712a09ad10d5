import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disposition } from '../../shared/domain/disposition';
import { useClient } from '../app/connection-context';
import { downloadText } from '../leads/download';
import { formatCount, pluralForm } from '../leads/format';
import { dispositionLabel } from './call-text';
import { callsCsvFileName, callsToCsv, collectRows } from './calls-csv';
import { toCallsQuery, type CallsFilter } from './calls-filter';
import { exportStatusFor, type ExportStatus } from './export-status';
import { BusyButton } from '../app/BusyButton';

/** CSV of every call the filters select (all pages), in the UI language's spreadsheet conventions. */
export function ExportCallsButton({
  filter,
  dispositions,
  disabled,
}: {
  filter: CallsFilter;
  dispositions: readonly Disposition[];
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [lastStatus, setStatus] = useState<ExportStatus | null>(null);
  const status = exportStatusFor(lastStatus, filter);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    const locale = i18n.language.startsWith('en') ? 'en' : 'fr';
    try {
      const rows = await collectRows(async (offset, limit) => {
        const result = await client.request('calls.list', { ...toCallsQuery(filter), offset, limit });
        if (!result.ok) throw new Error(t(`errors.${result.error.code}`));
        return result.value;
      });
      const csv = callsToCsv(rows, {
        locale,
        dispositionLabel: (id) => dispositionLabel(dispositions, id, locale),
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      downloadText(csv, callsCsvFileName(locale, new Date()), 'text/csv;charset=utf-8');
      setStatus({
        text: t(`calls.export.done.${pluralForm(rows.length, locale)}`, { n: formatCount(rows.length, locale) }),
        error: false,
        filter,
      });
    } catch (error) {
      setStatus({ text: `${t('calls.export.failed')} ${(error as Error).message}`, error: true, filter });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calls-export">
      <BusyButton type="button" className="button" disabled={disabled} busy={busy} onClick={() => void run()}>
        {busy ? t('calls.export.working') : t('calls.export.button')}
      </BusyButton>
      <span className={status?.error ? 'form-error' : 'form-status'} aria-live="polite">
        {status?.text}
      </span>
    </div>
  );
}
