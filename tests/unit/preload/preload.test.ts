import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../src/shared/client';
import { fake, resetFake } from '../main/fake-electron';

vi.mock('electron', async () => (await import('../main/fake-electron')).electronModule);

const { EVENT_CHANNEL, REQUEST_CHANNEL } = await import('../../../src/shared/ipc-channels');

// The preload runs once, as in a page; each test then gets fresh fakes, which the
// preload reaches through the mocked module at call time.
await import('../../../src/preload/index');
const exposed = [...fake.contextBridge.exposeInMainWorld.mock.calls];

async function loadPreload(): Promise<Transport> {
  expect(exposed).toHaveLength(1);
  const [name, api] = exposed[0]!;
  expect(name).toBe('relance');
  return api as Transport;
}

describe('preload bridge', () => {
  beforeEach(resetFake);

  it('exposes exactly request and subscribe, under window.relance, and nothing else', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual(['request', 'subscribe']);
    expect(typeof api.request).toBe('function');
    expect(typeof api.subscribe).toBe('function');
    // No raw ipcRenderer (or any of its methods) reaches the page.
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('sends requests on the request channel and returns main’s Result', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { opened: true } });
    const api = await loadPreload();
    const result = await api.request('shell.openExternal', { url: 'https://example.com/' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(REQUEST_CHANNEL, {
      method: 'shell.openExternal',
      payload: { url: 'https://example.com/' },
    });
    expect(result).toEqual({ ok: true, value: { opened: true } });
  });

  it('turns a dead channel into a transport-closed Result instead of a rejection', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    const api = await loadPreload();
    await expect(api.request('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'transport-closed' },
    });
  });

  it('relays events as (name, payload) only, never the IpcRendererEvent', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    api.subscribe(listener);
    fake.ipcRenderer.emit(EVENT_CHANNEL, 'settings.changed', { locale: 'fr' });
    expect(listener).toHaveBeenCalledOnce();
    expect(listener.mock.calls[0]).toEqual(['settings.changed', { locale: 'fr' }]);
  });

  it('returns an unsubscribe that detaches the listener', async () => {
    const api = await loadPreload();
    const listener = vi.fn();
    const unsubscribe = api.subscribe(listener);
    unsubscribe();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledOnce();
    expect(fake.rendererListeners.get(EVENT_CHANNEL)?.size ?? 0).toBe(0);
    fake.ipcRenderer.emit(EVENT_CHANNEL, 'settings.changed', {});
    expect(listener).not.toHaveBeenCalled();
  });
});
