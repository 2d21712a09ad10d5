import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPack from '../../../scripts/package/after-pack.mjs';
import { applyFuses, readFuses, relanceFuses } from '../../../scripts/package/fuses.mjs';
import { ELECTRON_DEFAULT_WIRE, FUSE_SENTINEL, standInBinary } from '../../../scripts/package/stand-in-electron.mjs';
import { tempDir } from '../store/helpers';

const expected = {
  RunAsNode: 'disabled',
  EnableCookieEncryption: 'enabled',
  EnableNodeOptionsEnvironmentVariable: 'disabled',
  EnableNodeCliInspectArguments: 'disabled',
  EnableEmbeddedAsarIntegrityValidation: 'enabled',
  OnlyLoadAppFromAsar: 'enabled',
  LoadBrowserProcessSpecificV8Snapshot: 'disabled',
  GrantFileProtocolExtraPrivileges: 'disabled',
  WasmTrapHandlers: 'enabled',
};

async function fakeBinary(dir: string, name: string, wire = ELECTRON_DEFAULT_WIRE) {
  const file = path.join(dir, name);
  // Megabytes of code around the wire, as in a real binary.
  await writeFile(file, Buffer.concat([Buffer.alloc(3 << 20, 0x90), standInBinary(wire), Buffer.alloc(1 << 20, 0x90)]));
  await chmod(file, 0o755);
  return file;
}

describe('Electron fuses', () => {
  it('the stand-in carries Electron 45 defaults (RunAsNode, NODE_OPTIONS and inspect on)', async () => {
    const file = await fakeBinary(tempDir('relance-fuses-'), 'electron');
    expect(await readFuses(file)).toMatchObject({
      RunAsNode: 'enabled',
      EnableNodeOptionsEnvironmentVariable: 'enabled',
      OnlyLoadAppFromAsar: 'disabled',
    });
  });

  it('flips every fuse to the hardened value and reads them back', async () => {
    const file = await fakeBinary(tempDir('relance-fuses-'), 'relance');
    expect(await applyFuses(file, { platform: 'linux', arch: 'x64' })).toEqual(expected);
    expect(await readFuses(file)).toEqual(expected);
    expect(Object.keys(relanceFuses)).toEqual(Object.keys(expected));
  });

  it('the afterPack hook finds the binary electron-builder laid out (Linux executable, Windows .exe)', async () => {
    const dir = tempDir('relance-afterpack-');
    const linux = await fakeBinary(dir, 'relance');
    const win = await fakeBinary(dir, 'Relance.exe');
    const packager = { appInfo: { productFilename: 'Relance' }, executableName: 'relance' };
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager });
    await afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager });
    expect(await readFuses(linux)).toEqual(expected);
    expect(await readFuses(win)).toEqual(expected);
  });

  it('fails the build when Electron adds a fuse nobody decided on', async () => {
    const file = await fakeBinary(tempDir('relance-fuses-'), 'relance', `${ELECTRON_DEFAULT_WIRE}1`);
    await expect(applyFuses(file, { platform: 'linux', arch: 'x64' })).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('fails the build on a binary without a fuse wire', async () => {
    const file = path.join(tempDir('relance-fuses-'), 'relance');
    await writeFile(file, 'not electron');
    await expect(applyFuses(file, { platform: 'linux', arch: 'x64' })).rejects.toThrow(/sentinel/);
    expect((await readFile(file, 'utf8')).includes(FUSE_SENTINEL)).toBe(false);
  });
});
