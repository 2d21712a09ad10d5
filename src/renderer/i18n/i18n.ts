import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/domain/settings';
import en from './en.json';
import fr from './fr.json';
import { fallbackLocale } from './locale';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

/** Both catalogs are bundled: switching language must be instant and work offline. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: fallbackLocale,
    initAsync: false,
    // React already escapes text.
    interpolation: { escapeValue: false },
  });
  return instance;
}
