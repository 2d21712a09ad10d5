import { describe, expect, it } from 'vitest';
import { leadsToAdf, xmlEscape } from '../../../../src/core/leads/export/adf-export';
import { leadsToCsv } from '../../../../src/core/leads/export/csv-export';
import { exportLeads } from '../../../../src/core/leads/export/export-leads';
import { parseAdf } from '../../../../src/core/leads/import/adf/parse-adf';
import { runImport } from '../../../../src/core/leads/import/run-import';
import type { LeadService } from '../../../../src/core/leads/lead-service';
import { generateSampleLeads } from '../../../../src/core/leads/sample/generate-leads';
import type { Lead } from '../../../../src/shared/domain/lead';
import { allLeads, importFile, realTarget } from '../import/helpers';

const now = new Date('2026-01-15T10:00:00Z');
const text = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

async function exported(service: LeadService, format: 'csv' | 'adf', separator?: ';' | ',') {
  return text((await exportLeads(service, { format, ...(separator ? { separator } : {}) }, now)).contentBase64);
}
async function reimport(content: string, name: string) {
  const b = await realTarget();
  const { report } = await runImport(
    { fileName: name, bytes: Buffer.from(content, 'utf8'), keepValid: false, dryRun: false, region: 'FR' },
    b.service,
  );
  expect(report.rejected).toEqual([]);
  return b.service;
}
/**
 * A lead's data, without identity, bookkeeping or the phone as typed. Phones sorted: CSV groups
 * them by type column, so their order across types is not kept.
 */
const data = (l: Lead) => ({
  contact: {
    ...l.contact,
    phones: l.contact.phones.map(({ raw: _raw, ...p }) => p).sort((a, b) => a.e164.localeCompare(b.e164)),
  },
  vehicles: l.vehicles,
  tradeIn: l.tradeIn,
  source: l.source,
  stage: l.stage,
  owner: l.owner,
  tags: l.tags,
  consents: l.consents.map(({ id: _id, ...c }) => c),
  comments: l.comments,
  notes: l.timeline.flatMap((e) => (e.kind === 'note' ? [e.text] : [])),
  createdAt: l.createdAt,
  lastContactAt: l.lastContactAt,
});

describe('CSV export', () => {
  it('writes French Excel CSV: BOM, ;, French headers, dates and decimal comma, preferred phone first', async () => {
    const { service } = await realTarget();
    await importFile(service, 'fr-1252-semicolon.csv');
    const csv = await exported(service, 'csv', ';');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).split('\r\n');
    expect(header!.startsWith('Prénom;Nom;Nom complet;Société;Téléphone;Portable;Tél. domicile;')).toBe(true);
    expect(header!.endsWith(';Créé le;Dernier contact;Prochain rappel')).toBe(true);
    const elodie = rows.find((r) => r.startsWith('Élodie'))!;
    // French numbers as the French write them: Excel keeps them as text, with no apostrophe shown.
    expect(elodie).toContain(`;01 42 68 53 00;06 12 34 56 78;;;;01 42 68 53 00;`);
    expect(elodie).toContain(';38990;EUR;');
    expect(elodie).toContain(';31/12/2025 14:30;');
    expect(elodie).toContain('"Rappeler après 18h.\nIntéressée par la reprise ; veut un devis\navec « financement »"');
  });

  it('writes , with English headers and ISO dates otherwise', async () => {
    const { service } = await realTarget();
    await importFile(service, 'en-utf8-bom-comma.csv');
    const csv = await exported(service, 'csv', ',');
    expect(csv.slice(1).split('\r\n')[0]!.startsWith('First name,Last name,Full name,Company,Phone,Mobile,')).toBe(
      true,
    );
    expect(csv).toContain('2025-10-01T09:00:00.000Z');
    expect(csv).toContain('"Paris, 15e"');
  });

  it('exports the leads of a query only', async () => {
    const { service } = await realTarget();
    await importFile(service, 'tab-separated.tsv');
    const out = await exportLeads(service, { format: 'csv', query: { stages: ['sold'] } }, now);
    expect(out).toMatchObject({
      count: 1,
      fileName: 'relance-leads-2026-01-15.csv',
      mimeType: 'text/csv;charset=utf-8',
    });
    expect(text(out.contentBase64)).toContain('Théo');
    expect(text(out.contentBase64)).not.toContain('Inès');
  });
});

describe('round trips', () => {
  it('CSV -> store -> CSV -> store gives the same leads, in French and in English form', async () => {
    for (const separator of [';', ','] as const) {
      const a = await realTarget();
      for (const f of ['fr-1252-semicolon.csv', 'en-utf8-bom-comma.csv', 'tab-separated.tsv'])
        await importFile(a.service, f);
      const csv1 = await exported(a.service, 'csv', separator);
      const b = await reimport(csv1, `export${separator}.csv`);
      // French dates stop at the second; leads created without a date got the import's instant.
      const seconds = (l: Lead) => ({
        ...data(l),
        createdAt: separator === ';' ? l.createdAt.replace(/\.\d+Z$/, '.000Z') : l.createdAt,
      });
      expect(allLeads(b).map(seconds)).toEqual(allLeads(a.service).map(seconds));
      expect(await exported(b, 'csv', separator)).toBe(csv1);
    }
  });

  it('round-trips generated leads (consents, trade-ins, tags, owners, stages) through CSV', async () => {
    const a = await realTarget();
    const drafts = generateSampleLeads(150, { seed: 7, now }).map((d) => ({ ...d, vehicles: d.vehicles.slice(0, 1) }));
    await a.service.importDrafts(
      drafts.map((draft, i) => ({ draft, line: i + 2 })),
      { dryRun: false, fileName: 's', via: 'import' },
    );
    const csv1 = await exported(a.service, 'csv', ';');
    const b = await reimport(csv1, 'sample.csv');
    expect(allLeads(b)).toHaveLength(allLeads(a.service).length);
    expect(await exported(b, 'csv', ';')).toBe(csv1);
  });

  it('ADF -> store -> ADF -> store gives the same leads and the same ADF', async () => {
    const a = await realTarget();
    for (const f of ['adf-two-prospects.xml', 'adf-concatenated.xml']) await importFile(a.service, f);
    const adf1 = await exported(a.service, 'adf');
    const b = await reimport(adf1, 'export.xml');
    const adfData = (l: Lead) => {
      const { stage: _s, owner: _o, tags: _t, consents: _c, notes: _n, lastContactAt: _l, ...rest } = data(l);
      return rest;
    };
    expect(allLeads(b).map(adfData)).toEqual(allLeads(a.service).map(adfData));
    expect(await exported(b, 'adf')).toBe(adf1);
    // And the export still carries what the original feed said.
    const again = parseAdf(adf1, { region: 'FR', zone: 'Europe/Paris' });
    expect(again.warnings).toEqual([]);
    expect(again.items.find((i) => i.draft.source?.externalId === 'LC-2025-0001')!.draft.tradeIn).toEqual({
      year: 2015,
      make: 'Renault',
      model: 'Mégane',
      mileage: { value: 142000, unit: 'km' },
    });
  });
});

describe('ADF export', () => {
  it('escapes text and attributes, and drops characters XML cannot carry', () => {
    expect(xmlEscape(`a & b < c > "d" 'e'\u0001`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
    const xml = leadsToAdf([
      {
        contact: {
          kind: 'business',
          fullName: 'Dupont & Fils <SARL>',
          phones: [{ e164: '+33612345678', raw: '', type: 'mobile', preferred: true }],
        },
        vehicles: [{ interest: 'buy', make: 'Citroën', model: 'C5 "Aircross"' }],
        comments: ']]> <script>',
      },
    ]);
    expect(xml).toContain('<name part="full" type="business">Dupont &amp; Fils &lt;SARL&gt;</name>');
    expect(xml).toContain('<model>C5 &quot;Aircross&quot;</model>');
    expect(xml).toContain('<phone type="cellphone" preferredcontact="1">+33612345678</phone>');
    expect(parseAdf(xml, { region: 'FR', zone: 'Europe/Paris' }).items[0]!.draft).toMatchObject({
      contact: { fullName: 'Dupont & Fils <SARL>' },
      comments: ']]> <script>',
    });
  });

  it('is served as application/x-adf+xml', async () => {
    const { service } = await realTarget();
    expect(await exportLeads(service, { format: 'adf' }, now)).toMatchObject({
      mimeType: 'application/x-adf+xml',
      fileName: 'relance-leads-2026-01-15.xml',
      count: 0,
    });
  });

  it('CSV writer quotes separators, quotes and newlines (papaparse unparse)', () => {
    const csv = leadsToCsv(
      [
        {
          contact: { kind: 'individual', lastName: 'O"Neil; Jr', phones: [] },
          vehicles: [],
          stage: 'new',
          tags: ['a', 'b'],
          consents: [],
          comments: 'x\ny',
        },
      ],
      { separator: ';' },
    );
    expect(csv).toContain(';"O""Neil; Jr";');
    expect(csv).toContain('"x\ny"');
    expect(csv).toContain(';a, b;');
  });
});
