import { describe, expect, it } from 'vitest';
import { importExportHandlers } from '../../../../src/core/leads/import/handlers';
import { openPresetStore } from '../../../../src/core/leads/import/presets';
import { runImport } from '../../../../src/core/leads/import/run-import';
import { ImportReportSchema } from '../../../../src/shared/domain/import-report';
import { allLeads, fixture, importFile, realTarget, snapshot } from './helpers';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('import engine against the real store', () => {
  it('imports a French 1252 file: report with detected encoding, separator and mapping', async () => {
    const { service } = await realTarget();
    const { report, rejectsCsv } = await importFile(service, 'fr-1252-semicolon.csv');
    expect(report).toMatchObject({
      format: 'csv',
      refused: false,
      rows: 3,
      imported: 3,
      merged: 0,
      unchanged: 0,
      rejected: [],
    });
    expect(report.detected).toMatchObject({ encoding: 'Windows-1252', separator: ';' });
    expect(report.mapping).toMatchObject({
      Prénom: 'firstName',
      Portable: 'phoneMobile',
      'Kilométrage reprise': 'tradeInMileage',
    });
    expect(rejectsCsv).toBeUndefined();
    const elodie = allLeads(service).find((l) => l.contact.firstName === 'Élodie')!;
    expect(elodie.timeline.some((e) => e.kind === 'note' && e.text.startsWith('Rappeler après 18h.\nIntéressée'))).toBe(
      true,
    );
    expect(elodie.vehicles[0]!.price).toEqual({ amount: 38990, currency: 'EUR' });
  });

  it('all or nothing: one bad row and the store is byte-for-byte unchanged; the report lists every reject', async () => {
    const { dataDir, store, service } = await realTarget();
    await importFile(service, 'tab-separated.tsv');
    await store.flush();
    const before = await snapshot(dataDir);
    const { report, rejectsCsv } = await importFile(service, 'rejects-every-reason.csv');
    await store.flush();
    expect(report.refused).toBe(true);
    expect([report.imported, report.merged, report.unchanged]).toEqual([0, 0, 0]);
    expect(report.rejected).toHaveLength(12);
    expect(rejectsCsv).toBeDefined();
    expect(await snapshot(dataDir)).toEqual(before);
    expect(allLeads(service)).toHaveLength(2);
  });

  it('keepValid imports the valid rows and gives the rejects back as CSV with the original columns and a reason', async () => {
    const { service } = await realTarget();
    const { report, rejectsCsv } = await importFile(service, 'rejects-every-reason.csv', { keepValid: true });
    expect(report).toMatchObject({ refused: false, imported: 1 });
    expect(allLeads(service).map((l) => l.contact.firstName)).toEqual(['Alice']);
    expect(rejectsCsv!.charCodeAt(0)).toBe(0xfeff);
    const lines = rejectsCsv!.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nom;Prénom;Téléphone;E-mail;Marque;Modèle;Année;Prix;Étape;Date de création;VIN;Kilométrage;Pays;Motif du rejet;Ligne',
    );
    expect(lines[1]).toBe(
      "Mauvais;Tel;12 34;;;;;;;;;;;Téléphone : Le numéro «\u00a012 34\u00a0» n'est pas un numéro de téléphone valide;3",
    );
    expect(lines).toHaveLength(13); // header + 12 rejected rows
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const { dataDir, store, service } = await realTarget();
    await store.flush();
    const before = await snapshot(dataDir);
    const dry = await importFile(service, 'fr-1252-semicolon.csv', { dryRun: true });
    await store.flush();
    expect(dry.report).toMatchObject({ dryRun: true, refused: false, imported: 3 });
    expect(await snapshot(dataDir)).toEqual(before);
    expect(allLeads(service)).toHaveLength(0);
  });

  it('importing the same file twice changes nothing the second time (CSV and ADF)', async () => {
    const { dataDir, store, service } = await realTarget();
    for (const name of ['fr-1252-semicolon.csv', 'adf-two-prospects.xml']) {
      const first = await importFile(service, name);
      expect(first.report.imported).toBeGreaterThan(0);
      await store.flush();
      const before = await snapshot(dataDir);
      const second = await importFile(service, name);
      await store.flush();
      expect(second.report).toMatchObject({ imported: 0, merged: 0, unchanged: first.report.rows });
      expect(await snapshot(dataDir)).toEqual(before);
    }
  });

  it('merges duplicates within the file and against the store instead of doubling them', async () => {
    const { service } = await realTarget();
    const csv = [
      'Nom;Prénom;Portable;E-mail;Commentaire',
      'Martin;Léa;06 12 34 56 78;;premier',
      'Martin;Léa;+33 6 12 34 56 78;lea@exemple.fr;second',
      'Petit;Hugo;;LEA@exemple.fr;même e-mail',
    ].join('\n');
    const r = await runImport(
      { fileName: 'dups.csv', bytes: Buffer.from(csv), keepValid: false, dryRun: false, region: 'FR' },
      service,
    );
    expect(r.report).toMatchObject({ imported: 1, merged: 2 });
    const [lea] = allLeads(service);
    expect(allLeads(service)).toHaveLength(1);
    expect(lea!.contact.email).toBe('lea@exemple.fr');
    const again = await runImport(
      {
        fileName: 'other.csv',
        bytes: Buffer.from('Tél;Commentaire\n0612345678;rappel demandé'),
        keepValid: false,
        dryRun: false,
        region: 'FR',
      },
      service,
    );
    expect(again.report).toMatchObject({ imported: 0, merged: 1 });
    expect(allLeads(service)).toHaveLength(1);
  });

  it('rejects a row whose merge would break a lead rule, with line, column and reason, instead of refusing the file', async () => {
    const tags = (p: string) => Array.from({ length: 30 }, (_, i) => `${p}${i}`).join(', ');
    const csv = [
      'Nom;Portable;Étiquettes;E-mail',
      `Martin;06 12 34 56 78;${tags('a')};`,
      'Petit;07 81 22 33 44;;hugo@exemple.fr',
      `Martin;+33 6 12 34 56 78;${tags('b')};`,
    ].join('\n');
    // English rejects file: the lead service's own words, whether or not they come with a code.
    const request = {
      fileName: 'tags.csv',
      bytes: Buffer.from(csv),
      dryRun: false,
      region: 'FR',
      locale: 'en' as const,
    };
    const reject = {
      line: 4,
      column: 'Étiquettes',
      reason: expect.stringMatching(/^same person as the lead of line 2 .*tags: Too big/),
    };

    const { dataDir, store, service } = await realTarget();
    await store.flush();
    const before = await snapshot(dataDir);
    const strict = await runImport({ ...request, keepValid: false }, service);
    expect(strict.report).toMatchObject({ refused: true, imported: 0, merged: 0, rejected: [reject] });
    await store.flush();
    expect(await snapshot(dataDir)).toEqual(before);

    const kept = await runImport({ ...request, keepValid: true }, service);
    expect(kept.report).toMatchObject({ refused: false, imported: 2, merged: 0, rejected: [reject] });
    expect(allLeads(service).map((l) => [l.contact.lastName, l.tags.length])).toEqual([
      ['Martin', 30],
      ['Petit', 0],
    ]);
    const lines = kept.rejectsCsv!.slice(1).split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^Martin;"'\+33 6 12 34 56 78";b0, b1,.*;;Étiquettes: same person as the lead of line 2 .*;4$/,
    );
  });

  it('refuses files that cannot be imported at all, whatever keepValid says', async () => {
    const { service } = await realTarget();
    for (const [name, reason] of [
      ['adf-malformed.xml', /^XML is malformed at line 10/],
      ['truncated.csv', /never closes/],
    ] as const) {
      const { report } = await importFile(service, name, { keepValid: name !== 'truncated.csv' });
      expect(report.refused, name).toBe(true);
      expect(report.rejected.map((r) => r.reason).join('\n')).toMatch(reason);
    }
    const xlsx = await runImport(
      {
        fileName: 'a.xlsx',
        bytes: Buffer.from('PK\u0003\u0004\u0000\u0000'),
        keepValid: true,
        dryRun: false,
        region: 'FR',
      },
      service,
    );
    expect(xlsx.report).toMatchObject({
      refused: true,
      rejected: [{ line: 1, reason: expect.stringMatching(/not a text file/) }],
    });
    const none = await runImport(
      {
        fileName: 'b.csv',
        bytes: Buffer.from('Civilité;Bidule\nM.;x\n'),
        keepValid: true,
        dryRun: false,
        region: 'FR',
      },
      service,
    );
    expect(none.report).toMatchObject({
      refused: true,
      rejected: [{ line: 1, reason: expect.stringMatching(/no column could be matched/) }],
    });
    expect(allLeads(service)).toHaveLength(0);
  });

  it('a row with no name is imported and reported as a warning; a plain 06 number is a mobile', async () => {
    const { service } = await realTarget();
    const bytes = Buffer.from('Nom;Prénom;Téléphone;Ville\n;;06 55 44 33 22;Lille\n');
    const { report } = await runImport(
      { fileName: 'web.csv', bytes, keepValid: false, dryRun: false, region: 'FR' },
      service,
    );
    expect(report).toMatchObject({ refused: false, imported: 1, rejected: [] });
    expect(ImportReportSchema.parse(report).warnings).toEqual([
      expect.objectContaining({ line: 2, notice: { code: 'no-name', where: ['Nom', 'Prénom'] } }),
    ]);
    expect(allLeads(service)[0]!.contact.phones).toMatchObject([{ e164: '+33655443322', type: 'mobile' }]);
  });

  it('uses an explicit mapping instead of the guesses', async () => {
    const { service } = await realTarget();
    const bytes = Buffer.from('Col A;Col B\nDurand;0612345678\n');
    const { report } = await runImport(
      {
        fileName: 'm.csv',
        bytes,
        mapping: { 'Col A': 'lastName', 'Col B': 'mobile' },
        keepValid: false,
        dryRun: false,
        region: 'FR',
      },
      service,
    );
    expect(report.imported).toBe(1);
    expect(allLeads(service)[0]!.contact).toMatchObject({ lastName: 'Durand', phones: [{ type: 'mobile' }] });
    await expect(
      runImport(
        { fileName: 'm.csv', bytes, mapping: { 'Col A': 'shoeSize' }, keepValid: false, dryRun: false, region: 'FR' },
        service,
      ),
    ).rejects.toThrow(/shoeSize/);
  });
});

describe('import/export handlers', () => {
  it('inspects a file: format by content, encoding, separator, headers, five rows, suggested mapping', async () => {
    const { store, service } = await realTarget();
    const h = importExportHandlers({
      target: service,
      presets: await openPresetStore(store),
      now: () => new Date('2025-12-31T12:00:00Z'),
      defaultRegion: () => 'FR',
    });
    const csv = await h['leads.inspectImport']({
      fileName: 'x.csv',
      contentBase64: b64(await fixture('fr-1252-semicolon.csv')),
    });
    expect(csv).toMatchObject({
      format: 'csv',
      encoding: 'Windows-1252',
      separator: ';',
      suggestedMapping: { Tél: 'phone', CP: 'postalCode' },
    });
    expect(csv.sampleRows.map((r) => r[1])).toEqual(['Élodie', 'Anaïs', 'François']);
    const adf = await h['leads.inspectImport']({
      fileName: 'feed.txt',
      contentBase64: b64(await fixture('adf-concatenated.xml')),
    });
    expect(adf.format).toBe('adf');
  });

  it('imports through the handler with the rejects as base64, and saves presets in the store', async () => {
    const { store, service } = await realTarget();
    const presets = await openPresetStore(store);
    const h = importExportHandlers({ target: service, presets, now: () => new Date(), defaultRegion: () => 'FR' });
    const out = await h['leads.import']({
      fileName: 'r.csv',
      contentBase64: b64(await fixture('rejects-every-reason.csv')),
      keepValid: true,
      dryRun: false,
    });
    expect(out.imported).toBe(1);
    expect(Buffer.from(out.rejectsCsvBase64!, 'base64').toString('utf8')).toMatch(/Motif du rejet/);
    await expect(
      h['leads.import']({ fileName: 'r.csv', contentBase64: 'not base64!', keepValid: false, dryRun: false }),
    ).rejects.toThrow(/not base64/);

    await h['leads.saveMappingPreset']({
      name: 'Export DMS Renault',
      mapping: { 'N° client': 'ignore', Tél: 'phone' },
    });
    expect(await h['leads.saveMappingPreset']({ name: 'export dms renault', mapping: { Tél: 'phoneMobile' } })).toEqual(
      [{ name: 'export dms renault', mapping: { Tél: 'phoneMobile' } }],
    );
    await expect(h['leads.saveMappingPreset']({ name: 'x', mapping: { a: 'nope' } })).rejects.toThrow(/nope/);
    await store.close();
    const { openStore } = await import('../../../../src/core/store');
    const reopened = await openPresetStore(await openStore({ dataDir: store.dataDir }));
    expect(reopened.list()).toEqual([{ name: 'export dms renault', mapping: { Tél: 'phoneMobile' } }]);
  });
});
