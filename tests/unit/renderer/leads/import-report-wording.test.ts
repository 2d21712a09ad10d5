import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../src/core/leads/import/run-import';
import type { Translate } from '../../../../src/renderer/dialer/translate';
import { createI18n } from '../../../../src/renderer/i18n/i18n';
import {
  asksWhatKeepValidWouldDo,
  keepValidWouldText,
  reportFigures,
  reportTitleKey,
} from '../../../../src/renderer/leads/import/report-wording';
import { realTarget } from '../../leads/import/helpers';

const tr = (language: 'fr' | 'en'): Translate => createI18n(language).t as unknown as Translate;
const title = (report: Parameters<typeof reportTitleKey>[0], language: 'fr' | 'en' = 'fr') =>
  tr(language)(`leads.import.report.${reportTitleKey(report)}`);
const counts = { imported: 0, merged: 0 };

describe('import report heading and figures', () => {
  it('never says « Importation terminée » alone when nothing was imported', () => {
    expect(title({ dryRun: false, refused: true, ...counts })).toBe('Importation refusée : aucun prospect enregistré');
    expect(title({ dryRun: false, refused: false, ...counts })).toBe(
      'Importation terminée : aucun prospect ajouté ni complété',
    );
    expect(title({ dryRun: false, refused: false, imported: 2, merged: 0 })).toBe('Importation terminée');
    expect(title({ dryRun: false, refused: false, imported: 0, merged: 1 })).toBe('Importation terminée');
    expect(title({ dryRun: true, refused: true, ...counts })).toBe("Simulation : rien n'a été enregistré");
    expect(title({ dryRun: false, refused: true, ...counts }, 'en')).toBe('Import refused: no lead saved');
  });

  it('a refused report shows no « Nouveaux prospects 0 »: only the rows read (and the rejects)', () => {
    expect(reportFigures({ refused: true })).toEqual(['rows']);
    expect(reportFigures({ refused: false })).toEqual(['rows', 'imported', 'merged', 'unchanged']);
  });
});

describe('what ticking the box would import', () => {
  const rejected = (n: number) => Array.from({ length: n }, (_, i) => ({ line: i + 2, reason: 'bad' }));

  it('is asked of core only for a refusal the box can change', () => {
    expect(asksWhatKeepValidWouldDo({ refused: true }, false)).toBe(true);
    expect(asksWhatKeepValidWouldDo({ refused: true }, true)).toBe(false);
    expect(asksWhatKeepValidWouldDo({ refused: false }, false)).toBe(false);
  });

  it('says it in French and English, with the merged rows when there are some', () => {
    const would = { refused: false, imported: 3, merged: 0, rejected: rejected(2) };
    expect(keepValidWouldText(would, tr('fr'), 'fr')).toBe(
      'Avec la case cochée, 3 nouveaux prospects seraient importés en ignorant les 2 lignes en erreur.',
    );
    expect(keepValidWouldText({ ...would, imported: 1, merged: 2, rejected: rejected(1) }, tr('fr'), 'fr')).toBe(
      'Avec la case cochée, 1 nouveau prospect serait importé et 2 lignes compléteraient des prospects déjà ' +
        'enregistrés, en ignorant la ligne en erreur.',
    );
    expect(keepValidWouldText({ ...would, imported: 12_500 }, tr('fr'), 'fr')).toContain(
      '12\u202f500 nouveaux prospects seraient importés',
    );
    expect(keepValidWouldText(would, tr('en'), 'en')).toBe(
      'With the box ticked, 3 new leads would be imported, skipping the 2 rows with errors.',
    );
  });

  it('says nothing when the box would not help (the file itself is refused)', () => {
    expect(keepValidWouldText({ refused: true, imported: 0, merged: 0, rejected: rejected(1) }, tr('fr'), 'fr')).toBe(
      null,
    );
  });

  it("takes core's figures: a refused dry run counts 0, the same dry run with keepValid counts the valid rows", async () => {
    const { service } = await realTarget();
    const bytes = Buffer.from(
      [
        'Nom;Prénom;Téléphone',
        'Martin;Élodie;06 12 34 56 78',
        'Petit;Zoé;12 34',
        'Durand;Léa;06 22 33 44 55',
        'Roux;Camille;pas de numéro',
        'Morel;Hugo;07 81 22 33 44',
      ].join('\n'),
    );
    const ask = (keepValid: boolean) =>
      runImport({ fileName: 'f.csv', bytes, keepValid, dryRun: true, region: 'FR' }, service);
    const { report } = await ask(false);
    expect(report).toMatchObject({ refused: true, imported: 0 });
    expect(asksWhatKeepValidWouldDo(report, false)).toBe(true);
    const { report: wouldBe } = await ask(true);
    expect(keepValidWouldText(wouldBe, tr('fr'), 'fr')).toBe(
      'Avec la case cochée, 3 nouveaux prospects seraient importés en ignorant les 2 lignes en erreur.',
    );
  });
});
