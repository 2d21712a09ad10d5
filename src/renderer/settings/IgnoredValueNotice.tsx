import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IgnoredSetting, Settings, SettingsField, SettingsView } from '../../shared/domain/settings';
import type { AppError } from '../../shared/result';
import { BusyButton } from '../app/BusyButton';
import { useClient } from '../app/connection-context';
import { looseT } from '../dialer/translate';
import { ServerErrorMessage } from './FieldProblem';
import {
  fieldPatch,
  ignoredSettingText,
  keepAppliedLabel,
  settingControlId,
  settingLabelKeys,
  settingValue,
} from './ignored-setting-text';
import './ignored-settings.css';

interface IgnoredValueNoticeProps {
  /** The message's id, for the control's `aria-describedby`. */
  id?: string;
  ignored: IgnoredSetting;
  values: Settings;
  onView: (view: SettingsView) => void;
}

/**
 * A saved value that no longer passes its check, said next to its field until that field is saved
 * again; the button saves the value that applies, which drops the saved one.
 */
export function IgnoredValueNotice({ id, ignored, values, onView }: IgnoredValueNoticeProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const keep = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await client.request(
      'settings.update',
      fieldPatch(ignored.field, settingValue(values, ignored.field)),
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onView(result.value);
    // The notice and its button go away: the keyboard goes on from the field itself.
    const control = settingControlId(ignored.field);
    if (control) document.getElementById(control)?.focus();
  };

  return (
    <div className="note-warning ignored-setting">
      <p id={id}>{ignoredSettingText(ignored, values, looseT(t))}</p>
      <BusyButton className="button" busy={busy} onClick={() => void keep()}>
        {keepAppliedLabel(ignored, looseT(t))}
      </BusyButton>
      {error && (
        <p className="form-error" role="alert">
          <ServerErrorMessage error={error} />
        </p>
      )}
    </div>
  );
}

/** The notice for `field` if its saved value was ignored, with the id its control is described by. */
export function ignoredNotice(
  field: SettingsField,
  controlId: string,
  view: SettingsView,
  onView: (view: SettingsView) => void,
): { notice?: ReactNode; describedBy: string[] } {
  const ignored = view.ignored.find((entry) => entry.field === field);
  if (!ignored) return { describedBy: [] };
  const id = `${controlId}-ignored`;
  return {
    notice: <IgnoredValueNotice id={id} ignored={ignored} values={view.values} onView={onView} />,
    describedBy: [id],
  };
}

/**
 * At the top of the page: which saved settings were ignored, each a link to its field (where the
 * notice says why), or the notice itself for the fields only IT sets, which have no control here.
 */
export function IgnoredSettingsSummary({ view, onView }: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  if (view.ignored.length === 0) return null;
  return (
    <section className="settings-section ignored-settings" aria-labelledby="settings-ignored-title">
      <h2 id="settings-ignored-title">{t('settings.ignored.title')}</h2>
      <p>{t('settings.ignored.intro')}</p>
      <ul className="plain-list">
        {view.ignored.map((ignored) => {
          const control = settingControlId(ignored.field);
          const label = looseT(t)(settingLabelKeys[ignored.field]);
          return (
            <li key={ignored.field}>
              {control ? (
                <button type="button" className="link-button" onClick={() => document.getElementById(control)?.focus()}>
                  {label}
                </button>
              ) : (
                <>
                  <strong>{label}</strong>
                  <IgnoredValueNotice ignored={ignored} values={view.values} onView={onView} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
