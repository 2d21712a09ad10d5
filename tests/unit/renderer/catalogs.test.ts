import { describe, expect, it } from 'vitest';
import { StoreProblemSchema } from '../../../src/shared/domain/store-problem';
import { errorCodes } from '../../../src/shared/result';
import { rulesCatalog } from '../../../src/shared/i18n/rules-text';
import en from '../../../src/renderer/i18n/en.json';
import fr from '../../../src/renderer/i18n/fr.json';
import { problemOutcome } from '../../../src/renderer/store-problems/describe-problem';
import { routes } from '../../../src/renderer/app/routes';

function leaves(catalog: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (catalog !== null && typeof catalog === 'object' && !Array.isArray(catalog)) {
    for (const [key, value] of Object.entries(catalog)) {
      for (const [leaf, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(leaf, v);
    }
  } else out.set(prefix, catalog);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const catalogs = {
  fr: leaves({ ...fr, rules: rulesCatalog.fr }),
  en: leaves({ ...en, rules: rulesCatalog.en }),
};

describe('translation catalogs', () => {
  it('have the same keys in French and English', () => {
    expect([...catalogs.en.keys()].sort()).toEqual([...catalogs.fr.keys()].sort());
  });

  it('have only non-empty string values', () => {
    for (const [lang, catalog] of Object.entries(catalogs)) {
      for (const [key, value] of catalog) {
        expect(typeof value, `${lang}:${key}`).toBe('string');
        expect((value as string).trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of catalogs.fr) {
      expect(placeholders(String(catalogs.en.get(key))), key).toEqual(placeholders(String(value)));
    }
  });

  it('translate every error code, store problem kind and outcome, and page', () => {
    const kinds = StoreProblemSchema.shape.kind.options;
    const outcomes = kinds.map((kind) => problemOutcome({ file: 'f', kind, detail: '', at: '' }));
    const required = [
      ...errorCodes.map((code) => `errors.${code}`),
      ...kinds.map((kind) => `storeProblems.kind.${kind}`),
      ...outcomes.map((outcome) => `storeProblems.outcome.${outcome}`),
      'storeProblems.outcome.restored-from-backup',
      ...routes.map((route) => `nav.${route}`),
    ];
    for (const key of required) {
      expect(catalogs.fr.has(key), `fr:${key}`).toBe(true);
      expect(catalogs.en.has(key), `en:${key}`).toBe(true);
    }
  });
});
