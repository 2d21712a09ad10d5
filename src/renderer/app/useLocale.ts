import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, SettingsView } from '../../shared/domain/settings';
import type { Result } from '../../shared/result';
import { chooseLocale, localeFromSearch } from '../i18n/locale';
import { useClient } from './connection-context';
import type { SettingsState } from '../settings/useSettingsView';

/**
 * The UI language: `?lang=` for this page, else the saved setting. Choosing a language switches
 * at once and saves it; if saving fails the previous language comes back.
 */
export function useLocale(settings: SettingsState, onSaved: (view: SettingsView) => void) {
  const client = useClient();
  const { i18n } = useTranslation();
  const [override, setOverride] = useState<Locale | null>(() => localeFromSearch(window.location.search));
  const locale = chooseLocale(override, settings.status === 'ready' ? settings.view.values.locale : undefined);

  useEffect(() => {
    document.documentElement.lang = locale;
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  const changeLocale = async (next: Locale): Promise<Result<unknown>> => {
    const previous = override;
    setOverride(next);
    const result = await client.request('settings.update', { locale: next });
    if (result.ok) {
      onSaved(result.value);
      // The setting now says `next`; drop the override so later changes (other windows) apply.
      setOverride(null);
    } else setOverride(previous);
    return result;
  };

  return { locale, changeLocale };
}
