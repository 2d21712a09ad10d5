import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { useClient } from '../../app/connection-context';
import { displayPhone } from '../format';
import { useLeadsContext } from '../leads-context';
import { Dialog } from './ConfirmDialog';
import type { Mutate } from './useLead';

/** Find the duplicate, confirm, merge it into the lead on screen (which stays). */
export function MergeDialog(props: { open: boolean; lead: Lead; name: string; mutate: Mutate; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('leads.merge.title')} onClose={props.onClose} className="merge-dialog">
      <MergeSteps {...props} />
    </Dialog>
  );
}

function MergeSteps({
  lead,
  name,
  mutate,
  onClose,
}: {
  lead: Lead;
  name: string;
  mutate: Mutate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const { region, showToast } = useLeadsContext();
  const [text, setText] = useState('');
  const [results, setResults] = useState<LeadSummary[] | null>(null);
  const [chosen, setChosen] = useState<LeadSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client.request('leads.search', { text: text.trim(), limit: 8, offset: 0 }).then((result) => {
        if (!live) return;
        if (result.ok) setResults(result.value.items.filter((item) => item.id !== lead.id));
        else setError(t(`errors.${result.error.code}`));
      });
    }, 60);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text, lead.id, t]);

  const merge = async () => {
    if (!chosen) return;
    setBusy(true);
    const result = await mutate('leads.merge', { keepId: lead.id, otherId: chosen.id });
    setBusy(false);
    if (result.ok) {
      showToast({ kind: 'message', text: t('leads.merge.done') });
      onClose();
    } else setError(t(`errors.${result.error.code}`));
  };

  if (chosen) {
    const other = chosen.name || t('leads.noName');
    return (
      <>
        <p>{t('leads.merge.confirmBody', { other, name })}</p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions dialog-actions">
          <button type="button" className="button button-quiet" onClick={() => setChosen(null)}>
            {t('leads.merge.back')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('leads.merge.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void merge()}
            autoFocus
          >
            {t('leads.merge.confirm')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <p>{t('leads.merge.intro', { name })}</p>
      <div className="field">
        <label htmlFor="merge-search">{t('leads.merge.searchLabel')}</label>
        <input
          id="merge-search"
          type="search"
          autoComplete="off"
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {results && results.length === 0 && <p className="note">{t('leads.merge.noResults')}</p>}
      {results && results.length > 0 && (
        <ul className="plain-list merge-results" aria-label={t('leads.merge.results')}>
          {results.map((item) => {
            const itemName = item.name || t('leads.noName');
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className="merge-choice"
                  aria-label={t('leads.merge.choose', { name: itemName })}
                  onClick={() => setChosen(item)}
                >
                  <strong>{itemName}</strong>
                  <span className="note">
                    {[displayPhone(item.phone, region), item.email, item.city, item.vehicle]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-actions dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('leads.merge.cancel')}
        </button>
      </div>
    </>
  );
}
