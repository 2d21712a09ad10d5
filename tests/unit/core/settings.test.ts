import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/app-core';
import { SessionSecretStore, type SecretStore } from '../../../src/core/secrets/secret-store';
import { dispatch } from '../../../src/core/rpc/dispatch';
import { emptyProvisioning } from '../../../src/core/settings/provisioning';
import { SettingsService, type UserSettingsFile } from '../../../src/core/settings/settings-service';
import { minimalProvisioning } from '../../fixtures/provisioning';

async function setup(provisioning?: object) {
  const root = await mkdtemp(join(tmpdir(), 'relance-settings-'));
  const dataDir = join(root, 'data');
  const files: string[] = [];
  if (provisioning) {
    files.push(join(root, 'provisioning.json'));
    await writeFile(files[0]!, JSON.stringify(provisioning));
  }
  const open = (secrets: SecretStore = new SessionSecretStore()) =>
    createCore({ dataDir, shell: 'web', version: 't', provisioningFiles: files, secrets });
  return { dataDir, open };
}

/** Every byte under the data folder, to prove a secret never lands in it. */
async function allText(dir: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if ((await stat(path)).isFile()) text += await readFile(path, 'utf8');
  }
  return text;
}

describe('settings', () => {
  it('starts in French with the documented defaults', async () => {
    const { open } = await setup();
    const core = await open();
    const view = await core.settings.view();
    expect(view.values.locale).toBe('fr');
    expect(view.values.ice).toEqual({ servers: [], gatheringTimeoutMs: 300 });
    expect(view.sipPassword).toEqual({ isSet: false, storage: 'session-only' });
    await core.close();
  });

  it('persists a user change across restarts', async () => {
    const { open } = await setup();
    const first = await open();
    await first.settings.update({ sip: { displayName: 'Élodie Martin' } });
    await first.close();
    const second = await open();
    expect(second.settings.current().sip.displayName).toBe('Élodie Martin');
    await second.close();
  });

  it('applies provisioning and keeps the provisioned password out of every data file', async () => {
    const { open, dataDir } = await setup(minimalProvisioning);
    const secrets = new SessionSecretStore();
    const core = await open(secrets);
    const view = await core.settings.view();
    expect(view.values.locale).toBe('en');
    expect(view.values.sip.uri).toBe('sip:alice@127.0.0.1');
    expect(view.sipPassword.isSet).toBe(true);
    expect(await secrets.get('sip.password')).toBe('alicepw');
    await core.settings.update({ sip: { displayName: 'Alice B.' } });
    await core.close();
    expect(await allText(dataDir)).not.toContain('alicepw');
  });

  it('refuses to change a locked field and lets the locked value win over an older user choice', async () => {
    const { open: openFree, dataDir } = await setup();
    const before = await openFree();
    await before.settings.update({ rules: 'US' });
    await before.close();

    const provisioningFile = join(dataDir, '..', 'provisioning.json');
    await writeFile(
      provisioningFile,
      JSON.stringify({ rules: 'FR', sip: { password: 'pw' }, locked: ['rules', 'sip.password'] }),
    );
    const core = await createCore({
      dataDir,
      shell: 'web',
      version: 't',
      provisioningFiles: [provisioningFile],
      secrets: new SessionSecretStore(),
    });
    expect(core.settings.current().rules).toBe('FR');
    const refused = await dispatch(core.handlers, 'settings.update', { rules: 'custom' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked-by-admin', field: 'rules' } });
    const password = await dispatch(core.handlers, 'settings.setSipPassword', { password: 'mine' });
    expect(password).toMatchObject({ ok: false, error: { code: 'locked-by-admin', field: 'sip.password' } });
    expect((await core.settings.view()).locked).toEqual(['rules', 'sip.password']);
    await core.close();
  });

  it('reports invalid provisioning by field and still starts with the valid part', async () => {
    const { open } = await setup({ locale: 'en', sip: { server: 'http://pbx' }, rules: 'XX' });
    const core = await open();
    const view = await core.settings.view();
    expect(view.values.locale).toBe('en');
    expect(view.values.sip.server).toBe('');
    expect(view.provisioning.issues.map((i) => i.field).sort()).toEqual(['rules', 'sip.server']);
    await core.close();
  });

  it('rejects an invalid edit and changes nothing', async () => {
    const { open } = await setup();
    const core = await open();
    const result = await dispatch(core.handlers, 'settings.update', { ice: { gatheringTimeoutMs: 5 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'ice.gatheringTimeoutMs' } });
    expect(core.settings.current().ice.gatheringTimeoutMs).toBe(300);
    await core.close();
  });

  it('takes a real time zone for the dealership and refuses a made-up one by name', async () => {
    const { open } = await setup();
    const core = await open();
    expect(core.settings.current().dealershipZone).toBe('Europe/Paris');
    const refused = await dispatch(core.handlers, 'settings.update', { dealershipZone: 'Europe/Lyon' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'dealershipZone' } });
    const accepted = await dispatch(core.handlers, 'settings.update', { dealershipZone: 'America/New_York' });
    expect(accepted.ok).toBe(true);
    expect(core.settings.current().dealershipZone).toBe('America/New_York');
    await core.close();
  });

  it('refuses a region libphonenumber cannot read numbers for, from every transport, by field', async () => {
    const { open } = await setup();
    const core = await open();
    const refused = await dispatch(core.handlers, 'settings.update', { defaultRegion: 'XX' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'defaultRegion', message: expect.stringMatching(/read phone numbers/) },
    });
    // The service itself (CLI, main process) refuses it too, not only the contract check.
    await expect(core.settings.update({ defaultRegion: 'XX' })).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'defaultRegion',
    });
    expect(core.settings.current().defaultRegion).toBe('FR');
    expect((await dispatch(core.handlers, 'settings.update', { defaultRegion: 'BE' })).ok).toBe(true);
    expect(core.settings.current().defaultRegion).toBe('BE');
    await core.close();
  });

  it('reports a provisioned region it cannot read numbers for, like any other bad value', async () => {
    const { open } = await setup({ defaultRegion: 'XX', rules: 'US' });
    const core = await open();
    const view = await core.settings.view();
    expect(view.values.defaultRegion).toBe('FR');
    expect(view.values.rules).toBe('US');
    expect(view.provisioning.issues).toEqual([
      expect.objectContaining({
        field: 'defaultRegion',
        message: 'not a country code Relance can read phone numbers for',
      }),
    ]);
    await core.close();
  });
});

describe('SettingsService', () => {
  /** A service over an in-memory user file holding `overrides`. */
  const serviceWith = (overrides: UserSettingsFile['overrides']) => {
    const file: UserSettingsFile = { schemaVersion: 1, overrides };
    const doc = { data: file, update: async (mutate: (draft: UserSettingsFile) => void) => mutate(file) };
    return new SettingsService(doc, emptyProvisioning(), new SessionSecretStore());
  };

  it('drops a saved choice that no longer passes its check, so other edits still save', async () => {
    const service = serviceWith({ defaultRegion: 'XX', 'sip.displayName': 'Élodie' });
    expect(service.current().defaultRegion).toBe('FR');
    expect(service.current().sip.displayName).toBe('Élodie');
    const view = await service.update({ rules: 'US' });
    expect(view.values).toMatchObject({ rules: 'US', defaultRegion: 'FR' });
  });
});
