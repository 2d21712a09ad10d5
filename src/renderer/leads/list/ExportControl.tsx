import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadQuery } from '../../../shared/domain/lead-query';
import { useClient } from '../../app/connection-context';
import { downloadBase64 } from '../download';
import { useLeadsContext } from '../leads-context';
import { BusyButton } from '../../app/BusyButton';

const choices = {
  csvSemicolon: { format: 'csv', separator: ';' },
  csvComma: { format: 'csv', separator: ',' },
  adf: { format: 'adf' },
} as const;
type Choice = keyof typeof choices;

/** Exports what the list shows now (the current search and filters). */
export function ExportControl({ query, disabled }: { query: LeadQuery; disabled: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const { showToast } = useLeadsContext();
  const [choice, setChoice] = useState<Choice>('csvSemicolon');
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    const result = await client.request('leads.export', { ...choices[choice], query });
    setBusy(false);
    if (!result.ok) {
      showToast({
        kind: 'message',
        text: `${t('leads.export.failed')} ${t(`errors.${result.error.code}`)}`,
        tone: 'error',
      });
      return;
    }
    const { contentBase64, fileName, mimeType, count } = result.value;
    downloadBase64(contentBase64, fileName, mimeType);
    showToast({ kind: 'message', text: t('leads.export.done', { n: count }) });
  };

  return (
    <div className="export-control">
      <label htmlFor="export-format" className="visually-hidden">
        {t('leads.export.format')}
      </label>
      <select id="export-format" value={choice} onChange={(event) => setChoice(event.target.value as Choice)}>
        {(Object.keys(choices) as Choice[]).map((key) => (
          <option key={key} value={key}>
            {t(`leads.export.${key}`)}
          </option>
        ))}
      </select>
      <BusyButton type="button" className="button" disabled={disabled} busy={busy} onClick={() => void run()}>
        {busy ? t('leads.export.working') : t('leads.export.button')}
      </BusyButton>
    </div>
  );
}
