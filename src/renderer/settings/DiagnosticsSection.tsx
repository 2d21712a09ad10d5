import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestOutput } from '../../shared/contract';
import { LogLevelSchema, type SettingsView } from '../../shared/domain/settings';
import type { AppError } from '../../shared/result';
import { useClient } from '../app/connection-context';
import { downloadBase64 } from '../leads/download';
import { Field } from './Field';
import type { FieldProblem } from './FieldProblem';
import { ignoredNotice } from './IgnoredValueNotice';

type UpdateStatus = RequestOutput<'updates.status'>;
const logLevels = LogLevelSchema.options;
type ExportState =
  | { state: 'idle' }
  | { state: 'exporting' }
  | { state: 'done'; fileName: string; kilobytes: number }
  | { state: 'failed'; error: AppError };

/**
 * What IT asks a seller for when something goes wrong: the log detail level, where updates
 * stand, and one zip with everything needed to diagnose (no lead, note or password in it).
 */
export function DiagnosticsSection({ view, onView }: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [levelProblem, setLevelProblem] = useState<FieldProblem>();
  const [exported, setExported] = useState<ExportState>({ state: 'idle' });
  const [updates, setUpdates] = useState<UpdateStatus | null>(null);

  useEffect(() => {
    let live = true;
    void client.request('updates.status', {}).then((result) => {
      if (live && result.ok) setUpdates(result.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const changeLevel = async (value: string) => {
    const level = logLevels.find((candidate) => candidate === value);
    if (!level) return;
    setLevelProblem(undefined);
    const result = await client.request('settings.update', { logLevel: level });
    if (result.ok) onView(result.value);
    else setLevelProblem({ kind: 'server', code: result.error.code, detail: result.error.message });
  };

  const exportDiagnostics = async () => {
    setExported({ state: 'exporting' });
    const result = await client.request('diagnostics.export', {});
    if (!result.ok) {
      setExported({ state: 'failed', error: result.error });
      return;
    }
    const { contentBase64, fileName, mimeType, bytes } = result.value;
    downloadBase64(contentBase64, fileName, mimeType);
    setExported({ state: 'done', fileName, kilobytes: Math.ceil(bytes / 1024) });
  };

  return (
    <section className="settings-section">
      <h2>{t('settings.sections.diagnostics')}</h2>
      <Field
        id="settings-log-level"
        label={t('settings.fields.logLevel.label')}
        hint={t('settings.fields.logLevel.hint')}
        locked={view.locked.includes('logLevel')}
        problem={levelProblem}
        {...ignoredNotice('logLevel', 'settings-log-level', view, onView)}
      >
        {(control) => (
          <select {...control} value={view.values.logLevel} onChange={(event) => void changeLevel(event.target.value)}>
            {logLevels.map((level) => (
              <option key={level} value={level}>
                {t(`settings.fields.logLevel.${level}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      {updates && (
        <p className="note" id="settings-update-status">
          {updates.state === 'off'
            ? t(`settings.updates.off.${updates.reason}`)
            : updates.state === 'downloading'
              ? t('settings.updates.downloading', { version: updates.version, percent: updates.percent })
              : updates.state === 'ready'
                ? t('settings.updates.ready', { version: updates.version })
                : updates.state === 'error'
                  ? t('settings.updates.error', { message: updates.message })
                  : t(`settings.updates.${updates.state}`)}
        </p>
      )}

      <p className="note">{t('settings.diagnostics.intro')}</p>
      <button
        type="button"
        className="button"
        onClick={() => void exportDiagnostics()}
        disabled={exported.state === 'exporting'}
        aria-describedby="settings-diagnostics-result"
      >
        {exported.state === 'exporting' ? t('settings.diagnostics.exporting') : t('settings.diagnostics.export')}
      </button>
      <p id="settings-diagnostics-result" role="status" className={exported.state === 'failed' ? 'form-error' : 'note'}>
        {exported.state === 'done' &&
          t('settings.diagnostics.exported', { fileName: exported.fileName, size: exported.kilobytes })}
        {exported.state === 'failed' && (
          <>
            {t('settings.diagnostics.failed')} {t(`errors.${exported.error.code}`)}
          </>
        )}
      </p>
    </section>
  );
}
