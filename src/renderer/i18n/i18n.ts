import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/domain/settings';
import { rulesCatalog } from '../../shared/i18n/rules-text';
import en from './en.json';
import fr from './fr.json';
import { fallbackLocale } from './locale';

// The calling-rule texts live in src/shared/i18n because core writes them on lead timelines too.
export const resources = {
  fr: { translation: { ...fr, rules: rulesCatalog.fr } },
  en: { translation: { ...en, rules: rulesCatalog.en } },
} as const;

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
