import 'i18next';
import type fr from './fr.json';
import type rules from '../../shared/i18n/rules.fr.json';

// Typed keys: a misspelt key is a compile error, not a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr & { rules: typeof rules } };
  }
}
