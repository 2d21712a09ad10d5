// A saved choice that its field's check now refuses (a region "XX" saved before regions were
// checked) is left out of the settings, kept in the file, and reported until that field is saved.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettingsOffline } from '../../../src/core/diagnostics/offline-settings';
import { dispatch } from '../../../src/core/rpc/dispatch';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import { emptyProvisioning, parseProvisioning, type Provisioning } from '../../../src/core/settings/provisioning';
import { SettingsService, type UserSettingsFile } from '../../../src/core/settings/settings-service';
import { ignoredSettingNote, readStoredOverrides } from '../../../src/core/settings/stored-overrides';
import {
  defaultSettings,
  settingValueText,
  settingsFields,
  unknownRegionMessage,
} from '../../../src/shared/domain/settings';
import { refusedValues } from '../support/refused-settings';
import { openCoreAt } from '../support/test-core';

/** A service over an in-memory settings file, which the test can read back. */
function serviceWith(overrides: UserSettingsFile['overrides'], provisioning: Provisioning = emptyProvisioning()) {
  const file: UserSettingsFile = { schemaVersion: 1, overrides: structuredClone(overrides) };
  const doc = { data: file, update: async (mutate: (draft: UserSettingsFile) => void) => mutate(file) };
  return { service: new SettingsService(doc, provisioning, new SessionSecretStore()), file };
}

describe('a saved setting its check now refuses', () => {
  it('is reported by field, stored value and reason, and the default applies', async () => {
    const { service, file } = serviceWith({ defaultRegion: 'XX', 'sip.displayName': 'Élodie' });
    const view = await service.view();
    expect(view.values.defaultRegion).toBe('FR');
    expect(view.values.sip.displayName).toBe('Élodie');
    expect(view.ignored).toEqual([
      { field: 'defaultRegion', stored: 'XX', reason: unknownRegionMessage, instead: 'default', applied: 'FR' },
    ]);
    expect(file.overrides).toEqual({ defaultRegion: 'XX', 'sip.displayName': 'Élodie' });
  });

  it('covers every settings field, not only the region', async () => {
    const { service } = serviceWith(refusedValues);
    const view = await service.view();
    expect(view.ignored.map((entry) => entry.field)).toEqual([...settingsFields]);
    expect(view.values).toEqual(defaultSettings);
    for (const entry of view.ignored) {
      expect(entry.reason, entry.field).not.toBe('');
      expect(entry.stored, entry.field).toBe(settingValueText(refusedValues[entry.field]));
    }
    expect(view.ignored.find((entry) => entry.field === 'audio.microphoneId')?.stored).toHaveLength(120);
  });

  it('names the value IT provisioned when that applies instead', async () => {
    const provisioning = parseProvisioning(JSON.stringify({ defaultRegion: 'BE' }), 'it.json');
    const { service } = serviceWith({ defaultRegion: 'XX' }, provisioning);
    const view = await service.view();
    expect(view.values.defaultRegion).toBe('BE');
    expect(view.ignored).toEqual([
      { field: 'defaultRegion', stored: 'XX', reason: unknownRegionMessage, instead: 'provisioned', applied: 'BE' },
    ]);
  });

  it('is not reported for a field IT locked (the lock already says who sets it)', async () => {
    const provisioning = parseProvisioning(JSON.stringify({ defaultRegion: 'BE', locked: ['defaultRegion'] }), 'it');
    const { service } = serviceWith({ defaultRegion: 'XX' }, provisioning);
    expect((await service.view()).ignored).toEqual([]);
  });

  it('stays in the file and in the report while other fields are saved', async () => {
    const { service, file } = serviceWith({ defaultRegion: 'XX' });
    const view = await service.update({ rules: 'US' });
    expect(view.values).toMatchObject({ rules: 'US', defaultRegion: 'FR' });
    expect(view.ignored.map((entry) => entry.field)).toEqual(['defaultRegion']);
    expect(file.overrides).toEqual({ defaultRegion: 'XX', rules: 'US' });
  });

  it('goes once the field is saved again with a value it accepts', async () => {
    const { service, file } = serviceWith({ defaultRegion: 'XX' });
    const view = await service.update({ defaultRegion: 'BE' });
    expect(view.values.defaultRegion).toBe('BE');
    expect(view.ignored).toEqual([]);
    expect(file.overrides).toEqual({ defaultRegion: 'BE' });
  });

  it('is removed, not pinned, when the user keeps the value that applies', async () => {
    const provisioning = parseProvisioning(JSON.stringify({ defaultRegion: 'BE' }), 'it.json');
    const { service, file } = serviceWith({ defaultRegion: 'XX', 'phone.maxLines': 9 }, provisioning);
    const kept = await service.update({ defaultRegion: 'BE', phone: { maxLines: 2 } });
    expect(kept.ignored).toEqual([]);
    expect(kept.values).toMatchObject({ defaultRegion: 'BE', phone: { maxLines: 2 } });
    // Both follow the default / IT again, as the report said they would.
    expect(file.overrides).toEqual({});
  });

  it('never repeats a TURN server’s credential (the report reaches the CLI and the diagnostics)', () => {
    const { ignored } = readStoredOverrides(
      { 'ice.servers': [{ urls: '', username: 'relance', credential: 'turn-s3cret' }] },
      emptyProvisioning(),
    );
    expect(ignored).toHaveLength(1);
    expect(ignored[0]!.stored).toContain('"username":"relance"');
    expect(ignored[0]!.stored).not.toContain('turn-s3cret');
    expect(ignoredSettingNote(ignored[0]!)).not.toContain('turn-s3cret');
  });

  it('is read the same way by the pure reader', () => {
    const { applied, ignored } = readStoredOverrides(
      { logLevel: 'trace', rules: 'US', unknown: 1 },
      emptyProvisioning(),
    );
    expect(applied).toEqual({ rules: 'US' });
    expect(ignored).toEqual([
      {
        field: 'logLevel',
        stored: 'trace',
        reason: expect.stringMatching(/^Invalid option/),
        instead: 'default',
        applied: 'info',
      },
    ]);
  });
});

describe('a refused saved setting on disk', () => {
  async function dataDirWith(overrides: Record<string, unknown>) {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'relance-ignored-')), 'data');
    await mkdir(dataDir, { recursive: true });
    const text = JSON.stringify({ schemaVersion: 1, overrides });
    await writeFile(join(dataDir, 'settings.json'), text);
    return { dataDir, text };
  }

  it('reaches the page through settings.get and the file is left as it was', async () => {
    const { dataDir } = await dataDirWith({ defaultRegion: 'XX', 'sip.displayName': 'Ana' });
    const core = await openCoreAt(dataDir);
    const got = await dispatch(core.handlers, 'settings.get', {});
    expect(got).toMatchObject({
      ok: true,
      value: {
        values: { defaultRegion: 'FR', sip: { displayName: 'Ana' } },
        ignored: [{ field: 'defaultRegion', stored: 'XX', instead: 'default', applied: 'FR' }],
      },
    });
    await core.settings.update({ rules: 'US' });
    await core.close();
    const onDisk = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as UserSettingsFile;
    expect(onDisk.overrides).toMatchObject({ defaultRegion: 'XX', 'sip.displayName': 'Ana', rules: 'US' });
  });

  it('is in the settings the command line reads without opening the store', async () => {
    const { dataDir } = await dataDirWith({ defaultRegion: 'XX' });
    const { view } = await readSettingsOffline(dataDir, []);
    expect(view.ignored.map(ignoredSettingNote)).toEqual([
      `defaultRegion: the saved value "XX" is ignored (${unknownRegionMessage}); the default (FR) applies until the setting is saved again`,
    ]);
  });
});

describe('ignoredSettingNote', () => {
  it('says an empty value and a provisioned one in words', () => {
    expect(
      ignoredSettingNote({
        field: 'dealershipZone',
        stored: '',
        reason: 'r',
        instead: 'provisioned',
        applied: 'Europe/Brussels',
      }),
    ).toBe(
      'dealershipZone: the saved empty value is ignored (r); the value set by IT (Europe/Brussels) applies until the setting is saved again',
    );
    expect(
      ignoredSettingNote({ field: 'ice.servers', stored: '[1]', reason: 'r', instead: 'default', applied: '' }),
    ).toBe(
      'ice.servers: the saved value "[1]" is ignored (r); the default (none) applies until the setting is saved again',
    );
  });
});
