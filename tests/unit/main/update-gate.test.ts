import { describe, expect, it } from 'vitest';
import {
  decideUpdates,
  detectInstall,
  isTestEnvironment,
  type InstallFacts,
  type InstallProbe,
} from '../../../src/main/update-gate';

const perUser: InstallFacts = {
  kind: 'nsis',
  perMachine: false,
  location: 'C:\\Users\\ana\\AppData\\Local\\Programs\\Relance',
};
const feed = { enabled: true, url: 'https://updates.dealer.example/relance' };
const packaged = { isPackaged: true, env: {}, settings: feed, install: perUser };

describe('update gate', () => {
  it('runs only in a packaged build with updates on, a feed, and a per-user install', () => {
    expect(decideUpdates(packaged)).toEqual({ run: true, feedUrl: feed.url });
  });

  it('never runs in a development build', () => {
    expect(decideUpdates({ ...packaged, isPackaged: false })).toEqual({ run: false, reason: 'not-packaged' });
  });

  it('never runs under a test runner, even packaged', () => {
    for (const env of [{ NODE_ENV: 'test' }, { VITEST: 'true' }, { RELANCE_DISABLE_UPDATES: '1' }]) {
      expect(isTestEnvironment(env)).toBe(true);
      expect(decideUpdates({ ...packaged, env })).toEqual({ run: false, reason: 'test' });
    }
    expect(isTestEnvironment({ NODE_ENV: 'production' })).toBe(false);
  });

  it('is off when IT (or the user) turned updates off, or set no update server', () => {
    expect(decideUpdates({ ...packaged, settings: { ...feed, enabled: false } })).toEqual({
      run: false,
      reason: 'disabled',
    });
    expect(decideUpdates({ ...packaged, settings: { enabled: true, url: '' } })).toEqual({
      run: false,
      reason: 'no-feed',
    });
  });

  it('says a per-machine install cannot update itself instead of trying', () => {
    expect(decideUpdates({ ...packaged, install: { ...perUser, perMachine: true } })).toEqual({
      run: false,
      reason: 'per-machine',
    });
  });
});

const probe = (files: string[], writableDirs: string[]): InstallProbe => ({
  exists: (file) => files.includes(file),
  writable: (dir) => writableDirs.includes(dir),
});
const winEnv = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };

describe('install detection', () => {
  it('Windows: NSIS per-user under LocalAppData, NSIS per-machine under Program Files', () => {
    const user = 'C:\\Users\\ana\\AppData\\Local\\Programs\\Relance';
    expect(
      detectInstall('win32', `${user}\\Relance.exe`, winEnv, probe([`${user}\\Uninstall Relance.exe`], [])),
    ).toEqual({
      kind: 'nsis',
      perMachine: false,
      location: user,
    });
    const machine = 'C:\\Program Files\\Relance';
    expect(
      detectInstall(
        'win32',
        `${machine}\\Relance.exe`,
        winEnv,
        probe([`${machine}\\Uninstall Relance.exe`], [machine]),
      ),
    ).toMatchObject({ kind: 'nsis', perMachine: true });
  });

  it('Windows: an MSI install (no NSIS uninstaller) is managed by IT wherever it is', () => {
    expect(detectInstall('win32', 'D:\\Apps\\Relance\\Relance.exe', winEnv, probe([], []))).toMatchObject({
      kind: 'msi',
      perMachine: true,
    });
  });

  it('Linux: an AppImage in a folder the user owns updates itself; a deb does not', () => {
    const env = { APPIMAGE: '/home/ana/Apps/Relance.AppImage' };
    expect(detectInstall('linux', '/tmp/.mount_x/relance', env, probe([], ['/home/ana/Apps']))).toEqual({
      kind: 'appimage',
      perMachine: false,
      location: env.APPIMAGE,
    });
    expect(detectInstall('linux', '/tmp/.mount_x/relance', env, probe([], []))).toMatchObject({ perMachine: true });
    expect(detectInstall('linux', '/opt/Relance/relance', {}, probe([], ['/opt/Relance']))).toEqual({
      kind: 'linux-package',
      perMachine: true,
      location: '/opt/Relance',
    });
  });

  it('macOS: the bundle folder decides (an admin-owned /Applications is per machine)', () => {
    const exec = '/Applications/Relance.app/Contents/MacOS/Relance';
    expect(detectInstall('darwin', exec, {}, probe([], []))).toEqual({
      kind: 'mac-app',
      perMachine: true,
      location: '/Applications/Relance.app',
    });
    expect(detectInstall('darwin', exec, {}, probe([], ['/Applications']))).toMatchObject({ perMachine: false });
  });
});
