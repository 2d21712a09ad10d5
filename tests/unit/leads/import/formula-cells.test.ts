import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/core/leads/import/csv/parse-csv';
import { adfRejectsCsv } from '../../../../src/core/leads/import/rejects-csv';
import { runImport } from '../../../../src/core/leads/import/run-import';
import { allLeads, realTarget } from './helpers';

describe('CSV reader: the export apostrophe before a formula-like cell comes off', () => {
  it('quoted and unquoted cells, header included; other apostrophes stay', () => {
    const csv = [
      `'=Nom;Prénom;Téléphone;Notes`,
      `'=1+2;'@SUM(A1);"'+33 6 87 84 65 31";'-5`,
      `L'Hermite;'Tis;'0612345678;"''=kept one"`,
      `'';';"'";"'\nkept"`,
      `x;"'\tindent";"'\r=cr";'`,
    ].join('\r\n');
    const parsed = parseCsv(csv, ';');
    expect(parsed.headers).toEqual(['=Nom', 'Prénom', 'Téléphone', 'Notes']);
    expect(parsed.records.map((r) => r.cells)).toEqual([
      ['=1+2', '@SUM(A1)', '+33 6 87 84 65 31', '-5'],
      ["L'Hermite", "'Tis", "'0612345678", "'=kept one"],
      // A lone apostrophe before the line break or separator is a value, not an escape; so is `'\n`.
      ["''", "'", "'", "'\nkept"],
      // `'\r` is (checked before line breaks become \n).
      ['x', '\tindent', '\n=cr', "'"],
    ]);
  });

  it('a cell starting with an apostrophe and a letter is left as is in tab-separated files too', () => {
    expect(parseCsv("A\tB\n'a\t'+1\n", '\t').records[0]!.cells).toEqual(["'a", '+1']);
  });
});

describe('rejects file', () => {
  it('escapes the rejected cells, and reading it back gives the cells as the user sent them', async () => {
    const { service } = await realTarget();
    const file = 'Nom;Prénom;Téléphone;Notes\r\n=1+2;@SUM(A1);12 34;-5\r\nMartin;Léa;06 12 34 56 78;ok\r\n';
    const { report, rejectsCsv } = await runImport(
      { fileName: 'in.csv', bytes: Buffer.from(file, 'utf8'), keepValid: true, dryRun: false, region: 'FR' },
      service,
    );
    expect(report).toMatchObject({ imported: 1 });
    expect(allLeads(service).map((l) => l.contact.lastName)).toEqual(['Martin']);
    const lines = rejectsCsv!.slice(1).split('\r\n');
    expect(lines[0]).toBe('Nom;Prénom;Téléphone;Notes;Motif du rejet;Ligne');
    expect(lines[1]).toBe(
      `"'=1+2";"'@SUM(A1)";12 34;"'-5";Téléphone : Le numéro «\u00a012 34\u00a0» n'est pas un numéro de téléphone valide;2`,
    );
    expect(parseCsv(rejectsCsv!.slice(1)).records[0]!.cells.slice(0, 4)).toEqual(['=1+2', '@SUM(A1)', '12 34', '-5']);
  });

  it('ADF rejects are escaped too', () => {
    const csv = adfRejectsCsv([{ line: 3, column: '@adf/prospect', reason: '=bad' }], 'fr');
    expect(Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data[1]).toEqual(['3', "'@adf/prospect", "'=bad"]);
  });
});
