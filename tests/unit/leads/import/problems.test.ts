import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importExportHandlers } from '../../../../src/core/leads/import/handlers';
import { openPresetStore } from '../../../../src/core/leads/import/presets';
import { adfRejectsCsv, rejectsCsv } from '../../../../src/core/leads/import/rejects-csv';
import { runImport, type ImportRequest } from '../../../../src/core/leads/import/run-import';
import type { ImportTarget } from '../../../../src/core/leads/import/target';
import { importProblemText } from '../../../../src/shared/domain/import-problems';
import { rejectText } from '../../../../src/renderer/leads/import/reject-text';
import { fixture, realTarget } from './helpers';

/** Counts what it is given; any reject refuses as the lead service does (the file's problems are tested here). */
const nullTarget: ImportTarget = {
  async importBatches(batches) {
    let imported = 0;
    for await (const b of batches) imported += b.items.length;
    return { imported, merged: 0, unchanged: 0, rejected: [] };
  },
};

const run = (bytes: Buffer | string, options: Partial<ImportRequest> = {}) =>
  runImport(
    {
      fileName: 'f.csv',
      bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
      keepValid: true,
      dryRun: true,
      region: 'FR',
      ...options,
    },
    nullTarget,
  );

const badRows = [
  'Nom;Téléphone;E-mail;Date de création;VIN',
  'Martin;06 12 34 56 78;;;',
  'Bad;06 1234;;;',
  'Mail;;x@;;',
  'Date;06 12 34 56 78;;31/02/2025;',
  'Vin;06 12 34 56 78;;;VF1-OOO',
  'Personne;;;;',
].join('\n');

describe('rejects carry a problem code with their English reason', () => {
  it('CSV rows: phone, e-mail, date, VIN and no contact', async () => {
    const { report } = await run(badRows);
    expect(report.imported).toBe(1);
    expect(report.rejected.map(({ line, column, problem }) => ({ line, column, problem }))).toEqual([
      { line: 3, column: 'Téléphone', problem: { code: 'phone-invalid', value: '06 1234' } },
      { line: 4, column: 'E-mail', problem: { code: 'email-invalid', value: 'x@' } },
      { line: 5, column: 'Date de création', problem: { code: 'date-not-exist', value: '31/02/2025' } },
      { line: 6, column: 'VIN', problem: { code: 'vin-invalid', value: 'VF1-OOO' } },
      { line: 7, column: undefined, problem: { code: 'no-contact-channel' } },
    ]);
    for (const r of report.rejected) expect(r.reason).toBe(importProblemText(r.problem!, 'en'));
    expect(report.rejected[0]!.reason).toBe("phone '06 1234' is not a valid number");
  });

  it('the same codes when the file is read in the import worker', async () => {
    const inWorker = await run(badRows, { worker: true });
    const here = await run(badRows, { worker: false });
    expect(inWorker.report.rejected).toEqual(here.report.rejected);
  });

  it('file level: not a text file, empty, no column matched, XML malformed', async () => {
    const xlsx = await run(Buffer.from('PK\u0003\u0004\u0000\u0000'));
    expect(xlsx.report.rejected).toEqual([
      {
        line: 1,
        reason: 'not a text file (an Excel workbook? save it as CSV first)',
        problem: { code: 'not-text-file' },
      },
    ]);
    expect((await run('')).report.rejected).toEqual([
      { line: 1, reason: 'the file is empty', problem: { code: 'file-empty' } },
    ]);
    expect((await run('Civilité;Bidule\nM.;x\n')).report.rejected[0]!.problem).toEqual({ code: 'no-column-matched' });
    const xml = await run(await fixture('adf-malformed.xml'), { fileName: 'f.xml' });
    expect(xml.report.rejected[0]!.problem).toMatchObject({ code: 'xml-malformed', line: 10 });
    expect(xml.report.rejected[0]!.reason).toMatch(/^XML is malformed at line 10, column \d+: /);
  });

  it('ADF: no contact, no customer contact, no prospect', async () => {
    const adf = `<?xml version="1.0"?>
<adf>
<prospect><customer><contact><name part="full">Sans Moyen</name></contact></customer></prospect>
<prospect><customer></customer></prospect>
</adf>`;
    const { report } = await run(adf, { fileName: 'feed.xml' });
    expect(report.rejected).toEqual([
      {
        line: 3,
        column: 'prospect[1]/customer/contact',
        reason: 'no phone and no e-mail: nothing to call',
        problem: { code: 'no-contact-channel' },
      },
      {
        line: 4,
        column: 'prospect[2]/customer/contact',
        reason: 'no customer contact: nothing to call',
        problem: { code: 'no-customer-contact' },
      },
    ]);
    expect((await run('<adf></adf>', { fileName: 'feed.xml' })).report.rejected[0]!.problem).toEqual({
      code: 'no-prospect',
    });
  });

  it('ADF: a value the lead schema refuses keeps its words and says what was too long', async () => {
    const long = 'x'.repeat(150);
    const adf = `<adf><prospect><customer><contact><name part="first">${long}</name><email>a@b.fr</email></contact></customer></prospect></adf>`;
    const { report } = await run(adf, { fileName: 'feed.xml' });
    expect(report.rejected).toHaveLength(1);
    const [reject] = report.rejected;
    expect(reject!.problem).toMatchObject({ code: 'value-refused', of: 'characters', max: 100 });
    expect(reject!.reason).toBe((reject!.problem as { message: string }).message);
    expect(importProblemText(reject!.problem!, 'fr')).toBe('Valeur trop longue : 100 caractères au plus');
  });

  it('a lead-service reject without a code keeps its words as an `other` problem', async () => {
    const target: ImportTarget = {
      importBatches: () =>
        Promise.resolve({
          imported: 0,
          merged: 0,
          unchanged: 0,
          rejected: [{ line: 2, field: 'tags', reason: 'tags: Too big' }],
        }),
    };
    const { report } = await runImport(
      {
        fileName: 'f.csv',
        bytes: Buffer.from('Nom;Tél\nMartin;0612345678\n'),
        keepValid: true,
        dryRun: false,
        region: 'FR',
      },
      target,
    );
    expect(report.rejected).toEqual([
      { line: 2, reason: 'tags: Too big', problem: { code: 'other', message: 'tags: Too big' } },
    ]);
  });
});

describe('rejects file in the dealership language', () => {
  const rows = [
    {
      record: { line: 3, cells: ['Bad', '06 1234'] },
      problems: [
        { column: 'Téléphone', problem: { code: 'phone-invalid', value: '06 1234' } as const },
        { problem: { code: 'no-contact-channel' } as const },
      ],
    },
  ];

  it('French: French headers and reasons, « » values, French colon', () => {
    const csv = rejectsCsv(['Nom', 'Téléphone'], rows, ';', 'fr');
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Nom;Téléphone;Motif du rejet;Ligne',
      'Bad;06 1234;"Téléphone : Le numéro «\u00a006 1234\u00a0» n\'est pas un numéro de téléphone valide ; Ni téléphone ni e-mail : aucun moyen de joindre ce prospect";3',
    ]);
  });

  it('English: the reasons the CLI prints', () => {
    const csv = rejectsCsv(['Nom', 'Téléphone'], rows, ',', 'en');
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Nom,Téléphone,Reject reason,Line',
      "Bad,06 1234,Téléphone: phone '06 1234' is not a valid number ; no phone and no e-mail: nothing to call,3",
    ]);
  });

  it('ADF rejects file: French or English; a reject without a code keeps its reason', () => {
    const rejects = [
      {
        line: 4,
        column: 'prospect[1]/customer/contact',
        reason: 'no customer contact: nothing to call',
        problem: { code: 'no-customer-contact' } as const,
      },
      { line: 9, reason: 'from an older report' },
    ];
    const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    expect(parse(adfRejectsCsv(rejects, 'fr'))).toEqual([
      ['Ligne', 'Élément', 'Motif du rejet'],
      ['4', 'prospect[1]/customer/contact', 'Aucun contact client : personne à appeler'],
      ['9', '', 'from an older report'],
    ]);
    expect(parse(adfRejectsCsv(rejects, 'en'))).toEqual([
      ['Line', 'Element', 'Reject reason'],
      ['4', 'prospect[1]/customer/contact', 'no customer contact: nothing to call'],
      ['9', '', 'from an older report'],
    ]);
  });

  it('the import handler writes it in the settings language, French by default; the report stays English', async () => {
    const { store, service } = await realTarget();
    const presets = await openPresetStore(store);
    const base = { target: service, presets, now: () => new Date(), defaultRegion: () => 'FR' };
    const request = {
      fileName: 'r.csv',
      contentBase64: Buffer.from(badRows).toString('base64'),
      keepValid: true,
      dryRun: true,
    };
    const text = (b64: string | undefined) => Buffer.from(b64!, 'base64').toString('utf8');
    let locale: 'fr' | 'en' = 'en';
    const english = await importExportHandlers({ ...base, locale: () => locale })['leads.import'](request);
    expect(text(english.rejectsCsvBase64)).toContain("Téléphone: phone '06 1234' is not a valid number");
    locale = 'fr';
    const french = await importExportHandlers({ ...base, locale: () => locale })['leads.import'](request);
    expect(text(french.rejectsCsvBase64)).toContain('Téléphone : Le numéro «\u00a006 1234\u00a0»');
    expect(french.rejected[0]!.reason).toBe("phone '06 1234' is not a valid number");
    const byDefault = await importExportHandlers(base)['leads.import'](request);
    expect(text(byDefault.rejectsCsvBase64)).toContain('Motif du rejet');
  });
});

describe('import screen: a reject in the screen language', () => {
  const reject = {
    reason: "phone '06 1234' is not a valid number",
    problem: { code: 'phone-invalid', value: '06 1234' } as const,
  };

  it('words the problem in the UI language, French for a language it does not know', () => {
    expect(rejectText(reject, 'fr')).toBe("Le numéro «\u00a006 1234\u00a0» n'est pas un numéro de téléphone valide");
    expect(rejectText(reject, 'en')).toBe(reject.reason);
    expect(rejectText(reject, 'de')).toBe(rejectText(reject, 'fr'));
  });

  it('shows the English reason of a report without a problem code', () => {
    expect(rejectText({ reason: 'from an older report' }, 'fr')).toBe('from an older report');
  });
});
