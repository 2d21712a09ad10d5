import { locales, type Locale } from '../../shared/domain/settings';

export const fallbackLocale: Locale = 'fr';

export const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/** `?lang=en` in the page URL (the web host's way to pick a language for one page); null when absent or unknown. */
export function localeFromSearch(search: string): Locale | null {
  const value = new URLSearchParams(search).get('lang')?.trim().toLowerCase() ?? '';
  return isLocale(value) ? value : null;
}

/** The URL override wins for this page, then the saved setting, then French. */
export function chooseLocale(override: Locale | null, setting: Locale | undefined): Locale {
  return override ?? setting ?? fallbackLocale;
}
