// A core as the web host opens it, on a fresh data folder: no provisioning, secrets in memory.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/app-core';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';

export async function openTestCore(prefix: string): Promise<{ core: Core; dataDir: string }> {
  const dataDir = join(await mkdtemp(join(tmpdir(), prefix)), 'data');
  const core = await createCore({
    dataDir,
    shell: 'web',
    version: 't',
    provisioningFiles: [],
    secrets: new SessionSecretStore(),
  });
  return { core, dataDir };
}
