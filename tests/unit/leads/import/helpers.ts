import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImport, type ImportRequest } from '../../../../src/core/leads/import/run-import';
import { LeadService } from '../../../../src/core/leads/lead-service';
import { openStore, type Store } from '../../../../src/core/store';
import type { Lead } from '../../../../src/shared/domain/lead';

export const fixtures = path.join(import.meta.dirname, '../../../fixtures/leads');
export const fixture = (name: string) => readFile(path.join(fixtures, name));

/** A real store in a temp dir with the real lead service: what the app runs. */
export async function realTarget(): Promise<{ dataDir: string; store: Store; service: LeadService }> {
  const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'relance-import-')), 'data');
  const store = await openStore({ dataDir });
  const service = new LeadService({
    collection: store.collection<Lead>('leads'),
    seller: () => 'Vendeur',
    region: () => 'FR',
    emit: () => undefined,
  });
  await service.ready();
  return { dataDir, store, service };
}

export async function importFile(
  service: LeadService,
  name: string,
  options: Partial<Omit<ImportRequest, 'bytes' | 'fileName'>> = {},
) {
  return runImport(
    { fileName: name, bytes: await fixture(name), keepValid: false, dryRun: false, region: 'FR', ...options },
    service,
  );
}

/** Every file under the data dir with a hash of its bytes: "the store is unchanged" means equal maps. */
export async function snapshot(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dataDir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

export const allLeads = (service: LeadService) => service.query({ text: '', sort: 'name', direction: 'asc' });
