import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/shared/domain/settings';
import { electronModule, fake, FakeBrowserWindow, resetFake } from './fake-electron';

/*
 * The deployment wiring of src/main/index.ts: log files in the data folder at the level of the
 * settings, the page's console in renderer.log, and the update gate (electron-updater loaded
 * only when allowed). Core is a stub, as in lifecycle.test.ts.
 */

let settings: Settings = defaultSettings;
let settingsListener: ((view: { values: Settings }) => void) | null = null;
const createCore = vi.fn(async (_options: Record<string, unknown>) => ({
  handlers: {},
  subscribe: () => () => {},
  close: vi.fn(async () => {}),
  settings: {
    current: () => settings,
    onChange: (listener: (view: { values: Settings }) => void) => ((settingsListener = listener), () => {}),
  },
}));

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = null;
  setFeedURL = vi.fn();
  checkForUpdates = vi.fn(async () => null);
}
const updaterModuleLoaded = vi.fn();
let autoUpdater = new FakeAutoUpdater();

let dataDir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'relance-deploy-lifecycle-'));
  Object.defineProperty(process, 'resourcesPath', { value: '/opt/Relance/resources', configurable: true });
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));
afterEach(() => {
  process.env = { ...savedEnv };
  settings = defaultSettings;
  createCore.mockClear();
  updaterModuleLoaded.mockClear();
});

async function boot(setup: () => void | Promise<void> = () => {}) {
  resetFake();
  autoUpdater = new FakeAutoUpdater();
  delete process.env.ELECTRON_RENDERER_URL;
  process.env.RELANCE_DATA_DIR = dataDir;
  await setup();
  vi.resetModules();
  vi.doMock('electron', () => electronModule);
  vi.doMock('../../../src/core/app-core', () => ({ createCore }));
  vi.doMock('electron-updater', () => {
    updaterModuleLoaded();
    return { default: { autoUpdater } };
  });
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
}

/** A packaged build outside any test runner, installed as a per-user AppImage. */
async function packagedAppImage(appImageDir: string) {
  await writeFile(join(appImageDir, 'Relance.AppImage'), '');
  delete process.env.VITEST;
  delete process.env.NODE_ENV;
  process.env.APPIMAGE = join(appImageDir, 'Relance.AppImage');
  fake.app.isPackaged = true;
}

const readLog = async (name: string) => {
  const text = await readFile(join(dataDir, 'logs', name), 'utf8').catch(() => '');
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};

describe('main process: logs and updates', () => {
  it('writes main.log in <data folder>/logs and follows the logLevel setting', async () => {
    await boot();
    await vi.waitFor(async () => expect((await readLog('main.log')).map((l) => l.message)).toContain('started'));
    const passed = createCore.mock.calls[0]![0];
    expect(passed.fileLogs).toBeDefined();
    const fileLogs = passed.fileLogs as { level(): string; flush(): Promise<void> };
    expect(fileLogs.level()).toBe('info');
    settingsListener!({ values: { ...defaultSettings, logLevel: 'error' } });
    expect(fileLogs.level()).toBe('error');
  });

  it("puts the page's console into renderer.log, redacted", async () => {
    await boot();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    contents.emit('console-message', {
      level: 'warning',
      message: 'REGISTER failed\r\nAuthorization: Digest username="alice", response="0123456789abcdef"',
      sourceId: 'app://relance/assets/index.js',
      lineNumber: 12,
    });
    const fileLogs = createCore.mock.calls[0]![0].fileLogs as { flush(): Promise<void> };
    await fileLogs.flush();
    const lines = await readLog('renderer.log');
    expect(lines.at(-1)).toMatchObject({ level: 'warn', source: 'app://relance/assets/index.js:12' });
    expect(JSON.stringify(lines)).not.toContain('0123456789abcdef');
    expect(JSON.stringify(lines)).toContain('username=\\"alice\\"');
  });

  it('never loads electron-updater in a development build or under the test runner', async () => {
    await boot();
    await boot(() => {
      fake.app.isPackaged = true; // still under vitest: VITEST is set
    });
    expect(updaterModuleLoaded).not.toHaveBeenCalled();
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('a packaged per-user install checks the update server IT provisioned', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-appimage-'));
    settings = { ...defaultSettings, updates: { enabled: true, url: 'https://updates.dealer.example/relance' } };
    await boot(() => packagedAppImage(dir));
    await vi.waitFor(() => expect(autoUpdater.checkForUpdates).toHaveBeenCalledOnce());
    expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.dealer.example/relance',
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('IT turning updates off by provisioning keeps electron-updater unloaded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'relance-appimage-'));
    settings = { ...defaultSettings, updates: { enabled: false, url: 'https://updates.dealer.example/relance' } };
    await boot(() => packagedAppImage(dir));
    await vi.waitFor(async () =>
      expect((await readLog('main.log')).map((l) => l.message)).toContain(
        'updates off: turned off in the settings (or by IT provisioning)',
      ),
    );
    expect(updaterModuleLoaded).not.toHaveBeenCalled();
    await rm(dir, { recursive: true, force: true });
  });
});
