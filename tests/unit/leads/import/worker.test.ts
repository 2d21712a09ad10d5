import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../../../src/core/leads/import/csv/csv-file';
import { readCsvFileInWorker } from '../../../../src/core/leads/import/csv/csv-in-worker';
import { encodeWindows1252 } from '../../../../src/core/leads/import/csv/windows-1252';
import { runImport } from '../../../../src/core/leads/import/run-import';
import type { Lead } from '../../../../src/shared/domain/lead';
import { fuzzCsv } from './fuzz-rows';
import { LeadService } from '../../../../src/core/leads/lead-service';
import { openStore } from '../../../../src/core/store';
import { allLeads } from './helpers';
import { tempDir } from '../helpers';

const ctx = { region: 'FR', zone: 'Europe/Paris' };
// Rows good and bad, a truncated last row, in Windows-1252 (what the worker decodes itself).
const bytes = encodeWindows1252(`${fuzzCsv(2500, 11)}\r\nMartin;"never closed`);

/** A lead without what differs between two imports of the same rows: ids. */
const comparable = (lead: Lead) => ({
  ...lead,
  id: '*',
  timeline: lead.timeline.map((e) => ({ ...e, id: '*' })),
});

describe('the import worker', () => {
  it('reads the file in the same steps as this thread: head, the same batches, the same end', async () => {
    const options = { ctx, batch: 400 };
    const here = [...readCsvFile(bytes, options)];
    const there: unknown[] = [];
    for await (const step of readCsvFileInWorker(bytes, options)) there.push(step);
    expect(here.length).toBeGreaterThan(5);
    expect(there).toEqual(here);
  });

  it('imports the same leads and reports the same as an import on this thread', async () => {
    const outcomes = [];
    for (const worker of [false, true]) {
      const store = await openStore({ dataDir: tempDir() });
      const service = new LeadService({
        collection: store.collection<Lead>('leads'),
        seller: () => 'Vendeur',
        region: () => 'FR',
        emit: () => undefined,
        now: () => Date.parse('2025-06-01T10:00:00Z'),
      });
      // A Buffer, as the CLI reads files: the worker must not take the caller's memory with it.
      const file = Buffer.from(bytes);
      const request = { fileName: 'fuzz.csv', bytes: file, keepValid: true, dryRun: false, region: 'FR', worker };
      const { report, rejectsCsv } = await runImport(request, service);
      expect(file.equals(bytes)).toBe(true);
      outcomes.push({ report, rejectsCsv, leads: allLeads(service).map(comparable) });
      await store.close();
    }
    // The fuzzed rows share a few numbers: most merge, and merges past the lead limits are rejected.
    const { report } = outcomes[0]!;
    expect(report.rows).toBeGreaterThan(2400);
    expect(report.imported + report.merged + report.unchanged).toBeGreaterThan(500);
    expect(report.rejected.length).toBeGreaterThan(500);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});
