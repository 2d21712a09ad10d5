import type { TFunction } from 'i18next';

/**
 * The pure helpers of this folder build sentences from keys that depend on data (a reason code,
 * a state): they take this loose signature, and their tests check every key against the catalogs.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const looseT = (t: TFunction): Translate => t as unknown as Translate;

/** The catalogs' language for data that carries both (disposition labels, holiday names). */
export const catalogLanguage = (locale: string): 'fr' | 'en' => (locale.toLowerCase().startsWith('en') ? 'en' : 'fr');
