import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackListSummary } from '../../shared/domain/callback-list';
import type { DialerMode } from '../../shared/domain/dialer';
import type { RunCommand } from './hooks';

/** Pick a list and a mode, and go. */
export function StartSession({
  lists,
  listId,
  onListChange,
  previewSeconds,
  wrapUpSeconds,
  run,
}: {
  lists: readonly CallbackListSummary[];
  listId: string | null;
  onListChange: (id: string) => void;
  previewSeconds: number;
  wrapUpSeconds: number;
  run: RunCommand;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<DialerMode>('preview');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), list: useId() };
  const chosen = lists.find((l) => l.id === listId) ?? lists[0];

  const start = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await run('dialer.start', { listId: chosen.id, mode });
    setBusy(false);
    if (!result.ok)
      setError(result.error.code === 'conflict' ? t('dialer.commandRefused') : t(`errors.${result.error.code}`));
  };

  return (
    <section className="dialer-start" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('dialer.start.title')}</h2>
      {lists.length === 0 ? (
        <p className="note">{t('dialer.start.noList')}</p>
      ) : (
        <>
          <div className="dialer-start-row">
            <div className="field">
              <label htmlFor={ids.list}>{t('dialer.start.list')}</label>
              <select id={ids.list} value={chosen?.id ?? ''} onChange={(event) => onListChange(event.target.value)}>
                {lists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="dialer-modes">
              <legend>{t('dialer.start.mode')}</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name="dialer-mode"
                  checked={mode === 'preview'}
                  onChange={() => setMode('preview')}
                />
                <span>
                  <strong>{t('dialer.start.preview')}</strong>
                  <span className="field-hint">
                    {previewSeconds > 0
                      ? t('dialer.start.previewHint', { seconds: previewSeconds })
                      : t('dialer.start.previewHintManual')}
                  </span>
                </span>
              </label>
              <label className="checkbox">
                <input type="radio" name="dialer-mode" checked={mode === 'power'} onChange={() => setMode('power')} />
                <span>
                  <strong>{t('dialer.start.power')}</strong>
                  <span className="field-hint">
                    {wrapUpSeconds > 0
                      ? t('dialer.start.powerHint', { seconds: wrapUpSeconds })
                      : t('dialer.start.powerHintNow')}
                  </span>
                </span>
              </label>
            </fieldset>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !chosen}
              onClick={() => void start()}
            >
              {t('dialer.start.button')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
