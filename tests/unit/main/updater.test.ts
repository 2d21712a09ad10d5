import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { InstallFacts } from '../../../src/main/update-gate';
import { UpdateController, type AutoUpdaterLike } from '../../../src/main/updater';

class FakeUpdater extends EventEmitter implements AutoUpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = null;
  setFeedURL = vi.fn();
  checkForUpdates = vi.fn(async () => {
    this.emit('checking-for-update');
    return null;
  });
}

const install: InstallFacts = { kind: 'appimage', perMachine: false, location: '/home/ana/Relance.AppImage' };
const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });
const manualTimers = () => {
  const ticks: (() => void)[] = [];
  return {
    ticks,
    setInterval: vi.fn((fn: () => void) => (ticks.push(fn), ticks.length)),
    clearInterval: vi.fn(),
  };
};

describe('update controller', () => {
  it('does not even load electron-updater when the gate says no, and logs why', async () => {
    const load = vi.fn(async () => new FakeUpdater());
    const logger = log();
    const controller = new UpdateController(
      { run: false, reason: 'per-machine' },
      { ...install, perMachine: true },
      { load, log: logger },
    );
    await controller.start();
    expect(load).not.toHaveBeenCalled();
    expect(controller.status).toEqual({ state: 'off', reason: 'per-machine', install: 'appimage' });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('cannot replace itself'), expect.anything());
  });

  it('uses the provisioned generic feed and walks checking -> downloading -> ready', async () => {
    const updater = new FakeUpdater();
    const timers = manualTimers();
    const controller = new UpdateController({ run: true, feedUrl: 'https://updates.dealer.example/relance' }, install, {
      load: async () => updater,
      log: log(),
      ...timers,
    });
    const seen: string[] = [];
    controller.onChange((status) => seen.push(status.state));
    await controller.start();
    expect(updater.setFeedURL).toHaveBeenCalledWith({
      provider: 'generic',
      url: 'https://updates.dealer.example/relance',
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    updater.emit('update-available', { version: '0.2.0' });
    updater.emit('download-progress', { percent: 42.4 });
    expect(controller.status).toEqual({ state: 'downloading', version: '0.2.0', percent: 42 });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(controller.status).toEqual({ state: 'ready', version: '0.2.0' });
    expect(seen).toEqual(['checking', 'downloading', 'downloading', 'ready']);
    // Ready: no more checks, the install waits for the app to close.
    expect(timers.clearInterval).toHaveBeenCalled();
  });

  it('checks again on the interval, and reports up to date', async () => {
    const updater = new FakeUpdater();
    const timers = manualTimers();
    const controller = new UpdateController({ run: true, feedUrl: 'https://u.example' }, install, {
      load: async () => updater,
      log: log(),
      now: () => new Date('2026-03-02T08:00:00Z'),
      ...timers,
    });
    await controller.start();
    updater.emit('update-not-available');
    expect(controller.status).toEqual({ state: 'up-to-date', checkedAt: '2026-03-02T08:00:00.000Z' });
    timers.ticks[0]!();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('reports a failure once, and names a missing write permission', async () => {
    const updater = new FakeUpdater();
    const denied = Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
    updater.checkForUpdates.mockImplementationOnce(async () => {
      updater.emit('checking-for-update');
      updater.emit('error', denied);
      throw denied;
    });
    const logger = log();
    const controller = new UpdateController({ run: true, feedUrl: 'https://u.example' }, install, {
      load: async () => updater,
      log: logger,
      ...manualTimers(),
    });
    await controller.start();
    await vi.waitFor(() => expect(controller.status.state).toBe('error'));
    expect(controller.status).toMatchObject({ message: expect.stringContaining('no write access') });
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
