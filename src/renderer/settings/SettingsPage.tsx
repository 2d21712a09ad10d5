import { useTranslation } from 'react-i18next';
import type { Locale, SettingsView } from '../../shared/domain/settings';
import type { Result } from '../../shared/result';
import { AudioSection } from './AudioSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { DispositionsSection } from './dispositions/DispositionsSection';
import { ignoredNotice, IgnoredSettingsSummary } from './IgnoredValueNotice';
import { LanguageSection } from './LanguageSection';
import { ProvisioningSection } from './ProvisioningSection';
import { SettingsForm } from './SettingsForm';
import { VoicemailSection } from './VoicemailSection';
import { SipPasswordSection } from './SipPasswordSection';
import type { SettingsState } from './useSettingsView';

interface SettingsPageProps {
  state: SettingsState;
  onView: (view: SettingsView) => void;
  locale: Locale;
  onLocaleChange: (locale: Locale) => Promise<Result<unknown>>;
}

export function SettingsPage({ state, onView, locale, onLocaleChange }: SettingsPageProps) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p>{t('settings.loading')}</p>;
  if (state.status === 'failed') {
    return (
      <p className="form-error" role="alert">
        {t('settings.loadFailed')}{' '}
        {/* Reloaded automatically on reconnect, so "the action may not have gone through" would mislead here. */}
        {state.error.code === 'transport-closed' ? t('settings.loadWhenConnected') : t(`errors.${state.error.code}`)}
      </p>
    );
  }
  const { view } = state;
  return (
    <div className="settings">
      <IgnoredSettingsSummary view={view} onView={onView} />
      <LanguageSection
        locale={locale}
        locked={view.locked.includes('locale')}
        ignored={ignoredNotice('locale', 'settings-locale', view, onView)}
        onLocaleChange={onLocaleChange}
      />
      <SettingsForm view={view} onView={onView} />
      <SipPasswordSection view={view} onView={onView} />
      <AudioSection view={view} onView={onView} />
      <VoicemailSection view={view} />
      <DispositionsSection />
      <DiagnosticsSection view={view} onView={onView} />
      <ProvisioningSection provisioning={view.provisioning} />
    </div>
  );
}
