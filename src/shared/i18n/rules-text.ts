import type { CallReason } from '../domain/calling-rules';
import en from './rules.en.json';
import fr from './rules.fr.json';

/**
 * Calling-rule reasons in words. Shared because both the screens (through i18next, under
 * `rules.*`) and core (the note written on a lead's timeline when the dialer skips it) say them.
 */
export const rulesCatalog = { fr, en } as const;

/** Core's plain rendering: `{{name}}` replaced by the reason's own parameters. */
export function describeReason(reason: CallReason, locale: 'fr' | 'en'): string {
  const template = (rulesCatalog[locale].reasons as Record<string, string>)[reason.code] ?? reason.code;
  const params = reason as unknown as Record<string, unknown>;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => paramText(params[key], locale));
}

function paramText(value: unknown, locale: 'fr' | 'en'): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object' && 'fr' in value && 'en' in value)
    return String((value as Record<string, unknown>)[locale]);
  if (Array.isArray(value)) return value.map((v) => paramText(v, locale)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
