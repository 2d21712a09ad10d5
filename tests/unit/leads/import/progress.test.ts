// An import's progress: the share of a CSV file read batch by batch, then "writing" just before
// the leads go to disk (never on a dry run or a refusal), and the events a screen gets of it.
import { describe, expect, it } from 'vitest';
import { leadsToCsv } from '../../../../src/core/leads/export/csv-export';
import { importExportHandlers, progressEvents } from '../../../../src/core/leads/import/handlers';
import { openPresetStore } from '../../../../src/core/leads/import/presets';
import { runImport, type ImportRequest } from '../../../../src/core/leads/import/run-import';
import { generateSampleLeads } from '../../../../src/core/leads/sample/generate-leads';
import type { EventPayload } from '../../../../src/shared/contract';
import type { ImportProgress } from '../../../../src/shared/domain/import-report';
import { allLeads, fixture, realTarget } from './helpers';

/** 2,500 rows: three batches of the importer's 1,000. */
const rows = 2500;
const csv = Buffer.from(
  leadsToCsv(
    generateSampleLeads(rows, { seed: 5, now: new Date('2026-01-15T10:00:00Z') }).map((d, i) =>
      d.contact.email ? { ...d, contact: { ...d.contact, email: d.contact.email.replace('@', `.${i}@`) } } : d,
    ),
    { separator: ';' },
  ),
);

async function importWithProgress(request: Partial<ImportRequest> & { bytes: Uint8Array }) {
  const { service } = await realTarget();
  const seen: (ImportProgress & { leadsThen: number })[] = [];
  const { report } = await runImport(
    {
      fileName: 'leads.csv',
      keepValid: false,
      dryRun: false,
      region: 'FR',
      worker: false,
      ...request,
      onProgress: (p) => seen.push({ ...p, leadsThen: allLeads(service).length }),
    },
    service,
  );
  return { report, seen, service };
}

describe('import progress', () => {
  it('gives the share read after each batch, then writing once, before any lead is written', async () => {
    const { report, seen, service } = await importWithProgress({ bytes: csv });
    expect(report.refused).toBe(false);
    expect(seen.map((p) => p.phase)).toEqual(['reading', 'reading', 'reading', 'writing']);
    const shares = seen.flatMap((p) => (p.phase === 'reading' ? [p.read] : []));
    expect(shares[0]).toBeGreaterThan(0.3);
    expect(shares[0]).toBeLessThan(0.5);
    expect(shares[1]).toBeGreaterThan(0.7);
    expect(shares[1]).toBeLessThan(0.9);
    expect(shares[2]).toBe(1);
    expect(seen.at(-1)!.leadsThen).toBe(0);
    expect(allLeads(service).length).toBe(report.imported);
    expect(report.imported).toBeGreaterThan(2000);
  });

  it('gives the same shares when the file is read in the import worker', async () => {
    const here = await importWithProgress({ bytes: csv, worker: false, dryRun: true });
    const inWorker = await importWithProgress({ bytes: csv, worker: true, dryRun: true });
    expect(inWorker.seen).toEqual(here.seen);
    expect(here.seen).toHaveLength(3);
  });

  it('never says writing on a dry run or when a bad row refuses the file', async () => {
    const dry = await importWithProgress({ bytes: csv, dryRun: true });
    expect(dry.seen.map((p) => p.phase)).toEqual(['reading', 'reading', 'reading']);
    const refused = await importWithProgress({ bytes: await fixture('rejects-every-reason.csv') });
    expect(refused.report.refused).toBe(true);
    expect(refused.seen).toEqual([{ phase: 'reading', read: 1, leadsThen: 0 }]);
    const kept = await importWithProgress({ bytes: await fixture('rejects-every-reason.csv'), keepValid: true });
    expect(kept.seen.map((p) => p.phase)).toEqual(['reading', 'writing']);
  });

  it('reads an ADF file in one step, then writes', async () => {
    const { seen } = await importWithProgress({ bytes: await fixture('adf-two-prospects.xml'), fileName: 'a.xml' });
    expect(seen).toEqual([
      { phase: 'reading', read: 1, leadsThen: 0 },
      { phase: 'writing', leadsThen: 0 },
    ]);
  });
});

describe('import progress events', () => {
  it('sends a phase change and the end of reading at once, other shares at most every 100 ms', () => {
    const sent: EventPayload<'leads.importProgress'>[] = [];
    let now = 1000;
    const progress = progressEvents(
      'imp-1',
      (e) => sent.push(e),
      () => now,
    );
    const at = (t: number, p: ImportProgress) => {
      now = 1000 + t;
      progress(p);
    };
    at(0, { phase: 'reading', read: 0.1 });
    at(50, { phase: 'reading', read: 0.2 });
    at(99, { phase: 'reading', read: 0.3 });
    at(100, { phase: 'reading', read: 0.4 });
    at(130, { phase: 'reading', read: 1 });
    at(140, { phase: 'writing' });
    expect(sent).toEqual([
      { progressId: 'imp-1', progress: { phase: 'reading', read: 0.1 } },
      { progressId: 'imp-1', progress: { phase: 'reading', read: 0.4 } },
      { progressId: 'imp-1', progress: { phase: 'reading', read: 1 } },
      { progressId: 'imp-1', progress: { phase: 'writing' } },
    ]);
  });

  it('emits events with the progressId the screen chose, and none for an import that chose none', async () => {
    const { store, service } = await realTarget();
    const events: EventPayload<'leads.importProgress'>[] = [];
    const h = importExportHandlers({
      target: service,
      presets: await openPresetStore(store),
      now: () => new Date(),
      defaultRegion: () => 'FR',
      progress: (e) => events.push(e),
    });
    const contentBase64 = (await fixture('fr-1252-semicolon.csv')).toString('base64');
    await h['leads.import']({ fileName: 'a.csv', contentBase64, keepValid: false, dryRun: true });
    expect(events).toEqual([]);
    await h['leads.import']({ fileName: 'a.csv', contentBase64, keepValid: false, dryRun: false, progressId: 'p7' });
    expect(events).toEqual([
      { progressId: 'p7', progress: { phase: 'reading', read: 1 } },
      { progressId: 'p7', progress: { phase: 'writing' } },
    ]);
  });
});
