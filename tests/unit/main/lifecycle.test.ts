import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { provisioningFiles } from '../../../src/main/provisioning-paths';
import { defaultSettings, type Settings } from '../../../src/shared/domain/settings';
import { electronModule, fake, FakeBrowserWindow, FakeWebContents, resetFake } from './fake-electron';

/*
 * src/main/index.ts runs on import, like Electron's entry point. Each test re-imports it
 * with fresh fakes; core is replaced by a stub (this is the shell's wiring, not core).
 */

const fakeCore = () => ({
  handlers: {},
  subscribe: vi.fn(() => () => {}),
  close: vi.fn(async () => {}),
  settings: { current: () => coreSettings, onChange: vi.fn(() => () => {}) },
});
let coreSettings: Settings = defaultSettings;
const createCore = vi.fn(async (_options: Record<string, unknown>) => fakeCore());

let dataDir: string;
const savedEnv = { ...process.env };
const resourcesPath = '/opt/Relance/resources';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'relance-lifecycle-'));
  Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true });
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));
afterEach(() => {
  process.env = { ...savedEnv };
  createCore.mockClear();
});

async function boot(setup: (f: typeof fake) => void = () => {}) {
  resetFake();
  delete process.env.ELECTRON_RENDERER_URL;
  process.env.RELANCE_DATA_DIR = dataDir;
  setup(fake);
  vi.resetModules();
  vi.doMock('electron', () => electronModule);
  vi.doMock('../../../src/core/app-core', () => ({ createCore }));
  await import('../../../src/main/index');
}

const booted = () => vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
const order = (spy: { mock: { invocationCallOrder: number[] } }) => spy.mock.invocationCallOrder[0]!;

describe('main process lifecycle', () => {
  it('a second instance quits without opening anything (the first one gets focused)', async () => {
    await boot((f) => {
      f.app.gotLock = false;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('prepares Chromium before ready: app scheme, sandbox, autoplay, gc for the page, data dir before the lock', async () => {
    await boot();
    await booted();
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('autoplay-policy', 'no-user-gesture-required');
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('js-flags', '--expose-gc');
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(order(fake.protocol.registerSchemesAsPrivileged)).toBeLessThan(order(fake.app.whenReady));
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(order(fake.app.setPath)).toBeLessThan(order(fake.app.requestSingleInstanceLock));
  });

  it('creates core with the data dir, provisioning files and the secret store, then the window', async () => {
    await boot((f) => {
      f.safeStorage.backend = 'basic_text';
    });
    await booted();
    expect(createCore).toHaveBeenCalledOnce();
    const options = createCore.mock.calls[0]![0] as Record<string, unknown> & { secrets: { storage: string } };
    expect(options).toMatchObject({ dataDir, shell: 'electron', version: '0.1.0-test' });
    expect(options.provisioningFiles).toEqual(provisioningFiles(process.platform, resourcesPath, process.env));
    expect(options.secrets.storage).toBe(process.platform === 'linux' ? 'session-only' : 'os-keychain');

    const window = FakeBrowserWindow.instances[0]!;
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://relance/index.html');
    expect((window.options.webPreferences as { preload: string }).preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect([...fake.ipcMainHandlers.keys()]).toEqual(['relance:request']);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(fake.session.requestHandler).not.toBeNull();
    expect(fake.session.checkHandler).not.toBeNull();
  });

  it('guards every WebContents that gets created', async () => {
    await boot();
    await booted();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it("asks before the window's page drops unsaved changes, in the settings' language of the moment", async () => {
    await boot();
    await booted();
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    const ask = () => {
      fake.dialog.showMessageBox.mockClear();
      fake.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
      contents.emit('will-prevent-unload', { preventDefault: vi.fn() });
      return (fake.dialog.showMessageBox.mock.calls[0]?.[1] as { message?: string } | undefined)?.message;
    };
    expect(ask()).toBe('Abandonner les modifications ?');
    coreSettings = { ...defaultSettings, locale: 'en' };
    try {
      expect(ask()).toBe('Discard your changes?');
    } finally {
      coreSettings = defaultSettings;
    }
  });

  it('focuses and restores the window when a second instance starts', async () => {
    await boot();
    await booted();
    const window = FakeBrowserWindow.instances[0]!;
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('holds the quit until core is closed', async () => {
    await boot();
    await booted();
    const core = await createCore.mock.results[0]!.value;
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());
    expect(core.close).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('loads the dev server only in an unpackaged build', async () => {
    await boot(() => {
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    });
    await booted();
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');

    await boot((f) => {
      f.app.isPackaged = true;
      process.env.ELECTRON_RENDERER_URL = 'http://evil.example:5173';
    });
    await booted();
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://relance/index.html');
  });

  it('reports a startup failure and exits', async () => {
    createCore.mockRejectedValueOnce(new Error('store locked'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await boot();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1));
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Relance', expect.stringContaining('store locked'));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('startup failed'));
    stderr.mockRestore();
  });
});
