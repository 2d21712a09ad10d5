// A core as the web host opens it, on a fresh data folder: no provisioning, secrets in memory.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/app-core';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';

/** A core as the web host opens it on `dataDir` (which may hold files a test wrote first). */
export function openCoreAt(dataDir: string): Promise<Core> {
  return createCore({ dataDir, shell: 'web', version: 't', provisioningFiles: [], secrets: new SessionSecretStore() });
}

export async function openTestCore(prefix: string): Promise<{ core: Core; dataDir: string }> {
  const dataDir = join(await mkdtemp(join(tmpdir(), prefix)), 'data');
  return { core: await openCoreAt(dataDir), dataDir };
}
