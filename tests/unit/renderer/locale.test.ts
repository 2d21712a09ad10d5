import { describe, expect, it } from 'vitest';
import { chooseLocale, localeFromSearch } from '../../../src/renderer/i18n/locale';

describe('localeFromSearch', () => {
  it('reads ?lang=en and ?lang=fr', () => {
    expect(localeFromSearch('?lang=en')).toBe('en');
    expect(localeFromSearch('?x=1&lang=fr')).toBe('fr');
    expect(localeFromSearch('?lang=EN')).toBe('en');
  });

  it('ignores absent or unsupported languages', () => {
    expect(localeFromSearch('')).toBeNull();
    expect(localeFromSearch('?lang=')).toBeNull();
    expect(localeFromSearch('?lang=de')).toBeNull();
  });
});

describe('chooseLocale', () => {
  it('prefers the URL override, then the setting, then French', () => {
    expect(chooseLocale('en', 'fr')).toBe('en');
    expect(chooseLocale(null, 'en')).toBe('en');
    expect(chooseLocale(null, undefined)).toBe('fr');
  });
});
