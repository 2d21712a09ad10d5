import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createMainWindow } = await import('../../../src/main/window');

describe('main window', () => {
  beforeEach(resetFake);

  it('uses exactly the hardened webPreferences', () => {
    createMainWindow('/app/out/preload/index.cjs');
    const window = FakeBrowserWindow.instances[0]!;
    // toStrictEqual: a weakened flag, a removed flag or an added one (nodeIntegration: true,
    // allowRunningInsecureContent, experimentalFeatures, ...) all fail here.
    expect(window.options.webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    });
  });

  it('stays hidden until the first paint is ready', () => {
    createMainWindow('/p.cjs');
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});
