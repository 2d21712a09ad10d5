import { describe, expect, it } from 'vitest';
import en from '../../../../src/renderer/i18n/en.json';
import fr from '../../../../src/renderer/i18n/fr.json';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import { focusAfter, importFocusIds, refusedAdvice } from '../../../../src/renderer/leads/import/import-steps';

describe('import screen focus', () => {
  it('starts on the file field, and comes back to it for another file', () => {
    expect(focusAfter({ kind: 'arrived' })).toBe('file');
    expect(focusAfter({ kind: 'restarted' })).toBe('file');
  });

  it('goes to what the file showed, or back to the field a refused file describes', () => {
    expect(focusAfter({ kind: 'picked', ok: true })).toBe('detected');
    expect(focusAfter({ kind: 'picked', ok: false })).toBe('file');
  });

  it('goes to the report after a dry run or an import, to the error when it failed', () => {
    expect(focusAfter({ kind: 'ran', ok: true })).toBe('report');
    expect(focusAfter({ kind: 'ran', ok: false })).toBe('error');
  });

  it('names distinct elements', () => {
    expect(new Set(Object.values(importFocusIds)).size).toBe(Object.keys(importFocusIds).length);
  });
});

describe('import report wording', () => {
  const report = { fr: fr.leads.import.report, en: en.leads.import.report } as unknown as Record<
    string,
    Record<string, string>
  >;

  it('asks to tick the box by its real label only while it is not ticked', () => {
    const fr = createI18n('fr');
    const advice = (keepValid: boolean) =>
      fr.t(`leads.import.report.${refusedAdvice(keepValid)}`, { box: fr.t('leads.import.keepValid') });
    expect(advice(false)).toContain('cochez « Importer les lignes valides et ignorer les lignes en erreur ».');
    expect(advice(true)).not.toMatch(/cochez/);
    expect(advice(true)).toMatch(/maintenant cochée/);
    const en = createI18n('en');
    expect(en.t(`leads.import.report.${refusedAdvice(false)}`, { box: en.t('leads.import.keepValid') })).toContain(
      'tick “Import the valid rows and skip the rows with errors”.',
    );
    expect(report.en![refusedAdvice(true)]).toMatch(/now ticked/);
  });

  it('does not claim every merged row matched a lead already saved (rows of the same file merge too)', () => {
    expect(report.fr!.merged).not.toMatch(/existant/);
    expect(report.en!.merged).not.toMatch(/existing/);
    expect(report.fr!.matchedHint).toMatch(/déjà enregistré ou d'une ligne plus haut dans le fichier/);
    expect(report.en!.matchedHint).toMatch(/already saved or of an earlier row of the file/);
  });
});
