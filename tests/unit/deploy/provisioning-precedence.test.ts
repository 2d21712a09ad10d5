import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/app-core';
import { dispatch } from '../../../src/core/rpc/dispatch';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import type { SettingsView } from '../../../src/shared/domain/settings';
import { tempDir } from '../store/helpers';

/*
 * The order the Electron shell reads (src/main/provisioning-paths.ts): the file shipped in
 * resources/, then the machine-wide file IT deploys, then --provision (web host and CLI), then
 * the user's own changes, except what any of those files locked.
 */

async function workstation(files: { resources?: object; machine?: object; provision?: object }) {
  const root = tempDir('relance-precedence-');
  const paths = {
    resources: path.join(root, 'opt', 'Relance', 'resources', 'provisioning.json'),
    machine: path.join(root, 'etc', 'relance', 'provisioning.json'),
    provision: path.join(root, 'it', 'showroom.json'),
  };
  for (const [name, content] of Object.entries(files)) {
    const file = paths[name as keyof typeof paths];
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(content));
  }
  const dataDir = path.join(root, 'data');
  const open = () =>
    createCore({
      dataDir,
      shell: 'web',
      version: 't',
      provisioningFiles: [paths.resources, paths.machine, paths.provision],
      secrets: new SessionSecretStore(),
    });
  return { paths, open };
}

const view = async (core: Core) =>
  (await dispatch(core.handlers, 'settings.get', {})) as { ok: true; value: SettingsView };
const update = (core: Core, patch: object) => dispatch(core.handlers, 'settings.update', patch);

describe('provisioning precedence and locking', () => {
  it('reads resources, then the machine-wide file, then --provision: later files win field by field', async () => {
    const { open, paths } = await workstation({
      resources: {
        locale: 'en',
        sip: { server: 'wss://a.example/ws' },
        logLevel: 'warn',
        updates: { url: 'https://u.example/r' },
      },
      machine: { sip: { server: 'wss://b.example/ws' }, updates: { enabled: false } },
      provision: { logLevel: 'debug' },
    });
    const core = await open();
    const { value } = await view(core);
    expect(value.values).toMatchObject({
      locale: 'en',
      sip: { server: 'wss://b.example/ws' },
      logLevel: 'debug',
      updates: { enabled: false, url: 'https://u.example/r' },
    });
    expect(value.provisioning.sources).toEqual([paths.resources, paths.machine, paths.provision]);
    expect(value.provisioned).toEqual(['locale', 'logLevel', 'sip.server', 'updates.enabled', 'updates.url']);
    await core.close();
  });

  it('locks from every file add up; a locked field refuses edits, an unlocked one takes the user change', async () => {
    const { open } = await workstation({
      resources: { locale: 'en', updates: { enabled: true, url: 'https://u.example/r' }, locked: ['updates'] },
      machine: { logLevel: 'warn', locked: ['logLevel'] },
    });
    const core = await open();
    expect((await view(core)).value.locked).toEqual(['logLevel', 'updates.enabled', 'updates.url']);
    for (const patch of [{ updates: { enabled: false } }, { updates: { url: '' } }, { logLevel: 'debug' }]) {
      const result = await update(core, patch);
      expect(result).toMatchObject({ ok: false, error: { code: 'locked-by-admin' } });
    }
    expect(await update(core, { locale: 'fr' })).toMatchObject({ ok: true, value: { values: { locale: 'fr' } } });
    await core.close();
  });

  it('a lock added later wins over the user choice made before, which returns when IT unlocks', async () => {
    const first = await workstation({});
    let core = await first.open();
    expect(await update(core, { logLevel: 'error' })).toMatchObject({ ok: true });
    await core.close();

    await mkdir(path.dirname(first.paths.machine), { recursive: true });
    await writeFile(first.paths.machine, JSON.stringify({ logLevel: 'debug', locked: ['logLevel'] }));
    core = await first.open();
    expect((await view(core)).value.values.logLevel).toBe('debug');
    await core.close();

    await writeFile(first.paths.machine, JSON.stringify({ logLevel: 'debug' }));
    core = await first.open();
    expect((await view(core)).value.values.logLevel).toBe('error');
    await core.close();
  });

  it('a bad field in the machine-wide file is reported with its source; the earlier valid value stays', async () => {
    const { open, paths } = await workstation({
      resources: { updates: { url: 'https://u.example/r' } },
      machine: { updates: { url: 'ftp://u.example/r' }, logLevel: 'verbose', sip: { server: 'wss://b.example/ws' } },
    });
    const core = await open();
    const { value } = await view(core);
    expect(value.values.updates.url).toBe('https://u.example/r');
    expect(value.values.sip.server).toBe('wss://b.example/ws');
    expect(value.provisioning.issues).toEqual([
      { source: paths.machine, field: 'updates.url', message: expect.stringMatching(/http/) },
      { source: paths.machine, field: 'logLevel', message: expect.any(String) },
    ]);
    await core.close();
  });
});
