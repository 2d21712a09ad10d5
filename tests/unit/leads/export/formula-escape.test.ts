import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { leadsToCsv } from '../../../../src/core/leads/export/csv-export';
import { exportLeads } from '../../../../src/core/leads/export/export-leads';
import { runImport } from '../../../../src/core/leads/import/run-import';
import type { LeadService } from '../../../../src/core/leads/lead-service';
import type { Lead, LeadDraft } from '../../../../src/shared/domain/lead';
import { allLeads, realTarget } from '../import/helpers';

const now = new Date('2026-01-15T10:00:00Z');

/** Lead data that a spreadsheet would run as formulas, as web lead providers may send it. */
const hostile: LeadDraft = {
  contact: {
    kind: 'individual',
    firstName: '=1+2',
    lastName: '@SUM(A1)',
    email: 'hostile@exemple.fr',
    phones: [{ e164: '+33687846531', raw: '06 87 84 65 31', type: 'mobile', preferred: true }],
    address: { city: '-5' },
  },
  vehicles: [{ interest: 'buy', make: '+Peugeot', model: '=HYPERLINK("http://x","clic")' }],
  stage: 'new',
  owner: '@Jérôme',
  tags: ['=cmd', '@vip'],
  consents: [],
  comments: "'=already an apostrophe\n\n-10 % on the trade-in",
  notes: ['=HYPERLINK("http://x","clic")\nsecond line of the note'],
  source: { name: '+Leboncoin', provider: '@provider' },
};
const ordinary: LeadDraft = {
  contact: {
    kind: 'individual',
    firstName: 'Élodie',
    lastName: "L'Hermite",
    email: 'elodie@exemple.fr',
    phones: [
      { e164: '+33612345678', raw: '06 12 34 56 78', type: 'home', preferred: true },
      { e164: '+442079460958', raw: '+44 20 7946 0958', type: 'work', preferred: false },
    ],
  },
  vehicles: [{ interest: 'lease', make: 'Renault', model: 'Clio' }],
  stage: 'contacted',
  tags: ['a'],
  consents: [],
  comments: "'Tis fine: 3 - 2 = 1",
};

function cells(csv: string, separator: ';' | ','): Record<string, string>[] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { delimiter: separator }).data;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('CSV export against spreadsheet formula injection', () => {
  it('puts an apostrophe before every cell starting with = + - @ (international phones included), and leaves the rest alone', () => {
    const [bad, good] = cells(leadsToCsv([hostile, ordinary], { separator: ';' }), ';');
    expect(bad).toMatchObject({
      Prénom: "'=1+2",
      Nom: "'@SUM(A1)",
      // French Excel gets French numbers as the French write them: nothing to escape.
      Téléphone: '06 87 84 65 31',
      Portable: '06 87 84 65 31',
      Ville: "'-5",
      Marque: "'+Peugeot",
      Modèle: `'=HYPERLINK("http://x","clic")`,
      Vendeur: "'@Jérôme",
      Étiquettes: "'=cmd, @vip",
      Source: "'+Leboncoin",
      Fournisseur: "'@provider",
      // A multi-line cell is caught too (papaparse's own pattern misses it).
      Notes: `'=HYPERLINK("http://x","clic")\nsecond line of the note`,
      // Already an apostrophe and a formula character: a second one, so the import gives it back.
      Message: "''=already an apostrophe\n\n-10 % on the trade-in",
      'E-mail': 'hostile@exemple.fr',
      Étape: 'nouveau',
    });
    expect(good).toMatchObject({
      Prénom: 'Élodie',
      Nom: "L'Hermite",
      'Tél. domicile': '06 12 34 56 78',
      'Tél. travail': "'+44 20 7946 0958",
      Marque: 'Renault',
      Message: "'Tis fine: 3 - 2 = 1",
      Intérêt: 'LOA',
    });
  });

  it('escapes tab and carriage-return starts too, in English form', () => {
    const [row] = cells(
      leadsToCsv([{ ...ordinary, contact: { ...ordinary.contact, lastName: '\tx' }, comments: '\r=1+2' }], {
        separator: ',',
      }),
      ',',
    );
    expect(row!['Last name']).toBe("'\tx");
    expect(row!['Message']).toBe("'\r=1+2");
    expect(row!['First name']).toBe('Élodie');
    // Not French Excel: every number international, so escaped.
    expect(row!['Home phone']).toBe("'+33 6 12 34 56 78");
  });

  it('the raw text: an international phone quoted with the apostrophe, other apostrophes as they are', () => {
    const csv = leadsToCsv([ordinary], { separator: ';' });
    expect(csv).toContain(`\r\nÉlodie;L'Hermite;;;06 12 34 56 78;;06 12 34 56 78;"'+44 20 7946 0958";`);
    expect(csv).toContain(";a;;'Tis fine: 3 - 2 = 1;");
  });
});

describe('export then re-import changes nothing', () => {
  const data = (l: Lead) => ({
    contact: { ...l.contact, phones: l.contact.phones.map(({ raw: _raw, ...p }) => p) },
    vehicles: l.vehicles,
    source: l.source,
    stage: l.stage,
    owner: l.owner,
    tags: l.tags,
    comments: l.comments,
    notes: l.timeline.flatMap((e) => (e.kind === 'note' ? [e.text] : [])),
  });
  async function exported(service: LeadService, separator: ';' | ',') {
    const out = await exportLeads(service, { format: 'csv', separator }, now);
    return Buffer.from(out.contentBase64, 'base64').toString('utf8');
  }

  it.each([';', ','] as const)(
    'leads with formula-like values come back identical (separator %s)',
    async (separator) => {
      const a = await realTarget();
      await a.service.importDrafts(
        [hostile, ordinary].map((draft, i) => ({ draft, line: i + 2 })),
        { dryRun: false, fileName: 'leads.csv', via: 'import' },
      );
      const before = allLeads(a.service);
      expect(before.map((l) => l.contact.firstName).sort()).toEqual(['=1+2', 'Élodie']);
      const csv1 = await exported(a.service, separator);
      expect(csv1).toContain(`"'=1+2"${separator}"'@SUM(A1)"`);

      const b = await realTarget();
      const { report } = await runImport(
        { fileName: 'export.csv', bytes: Buffer.from(csv1, 'utf8'), keepValid: false, dryRun: false, region: 'FR' },
        b.service,
      );
      expect(report.rejected).toEqual([]);
      expect(report.imported).toBe(2);
      const after = allLeads(b.service);
      expect(after.map(data)).toEqual(before.map(data));
      expect(after.find((l) => l.contact.firstName === '=1+2')!.comments).toMatch(/^'=already/);
      expect(await exported(b.service, separator)).toBe(csv1);

      // Importing the same file again changes nothing either.
      const again = await runImport(
        { fileName: 'export.csv', bytes: Buffer.from(csv1, 'utf8'), keepValid: false, dryRun: false, region: 'FR' },
        b.service,
      );
      expect(again.report).toMatchObject({ imported: 0, merged: 0, unchanged: 2 });
    },
  );
});
