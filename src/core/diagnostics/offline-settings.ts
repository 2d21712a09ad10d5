import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SettingsView } from '../../shared/domain/settings';
import { AppFailure } from '../../shared/result';
import type { SecretName, SecretStore } from '../secrets/secret-store';
import { loadProvisioning } from '../settings/load-provisioning';
import { SettingsService, userSettingsDefaults, type UserSettingsFile } from '../settings/settings-service';
import { ignoredSettingNote } from '../settings/stored-overrides';

/** Reads settings.json as it is on disk; a missing or damaged file reads as "no user changes". */
async function readUserSettings(dataDir: string): Promise<{ file: UserSettingsFile; note?: string }> {
  const file = path.join(dataDir, 'settings.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { file: userSettingsDefaults() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<UserSettingsFile>;
    if (parsed && typeof parsed.overrides === 'object' && parsed.overrides !== null) {
      return { file: { schemaVersion: 1, overrides: parsed.overrides } };
    }
    return { file: userSettingsDefaults(), note: 'settings.json has no "overrides": shown without user changes' };
  } catch (error) {
    return {
      file: userSettingsDefaults(),
      note: `settings.json is damaged (${(error as Error).message}): shown without user changes`,
    };
  }
}

/** Whether a password is saved is read from secrets.json's keys; nothing is decrypted. */
class SecretPresenceProbe implements SecretStore {
  constructor(
    readonly storage: SecretStore['storage'],
    private readonly names: ReadonlySet<string>,
  ) {}
  async get(name: SecretName) {
    return this.names.has(name) ? '(set)' : null;
  }
  async set(): Promise<void> {
    throw new AppFailure('forbidden', 'read-only');
  }
  async delete(): Promise<void> {
    throw new AppFailure('forbidden', 'read-only');
  }
}

async function secretsProbe(dataDir: string): Promise<SecretStore> {
  try {
    const all = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, unknown>;
    return new SecretPresenceProbe('os-keychain', new Set(Object.keys(all)));
  } catch {
    return new SecretPresenceProbe('session-only', new Set());
  }
}

/**
 * The effective settings of a data folder without opening the store (which would take the
 * write side): defaults, provisioning files in precedence order, the user's changes.
 */
export async function readSettingsOffline(
  dataDir: string,
  provisioningFiles: string[],
): Promise<{ view: SettingsView; notes: string[] }> {
  const { file, note } = await readUserSettings(dataDir);
  const provisioning = await loadProvisioning(provisioningFiles);
  const doc = {
    data: file,
    update: async () => {
      throw new AppFailure('forbidden', 'read-only');
    },
  };
  const service = new SettingsService(doc, provisioning, await secretsProbe(dataDir));
  const view = await service.view();
  return { view, notes: [...(note ? [note] : []), ...view.ignored.map(ignoredSettingNote)] };
}
