import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventSink, Handlers } from '../../../src/shared/contract';
import { fake, FakeBrowserWindow, FakeFrame, FakeWebContents, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { forwardEvents, registerIpc } = await import('../../../src/main/ipc');
const { EVENT_CHANNEL, REQUEST_CHANNEL } = await import('../../../src/shared/ipc-channels');
const { APP_ENTRY_URL, sameOriginAs } = await import('../../../src/main/origin');

const isAppUrl = sameOriginAs(APP_ENTRY_URL);

function setup() {
  const window = new FakeBrowserWindow({});
  window.webContents.navigateTo(APP_ENTRY_URL);
  const openExternal = vi.fn(async ({ url }: { url: string }) => ({ opened: url.startsWith('https:') }));
  const handlers = { 'shell.openExternal': openExternal } as unknown as Handlers;
  registerIpc({ handlers, isAppUrl, getWindow: () => window as never });
  const handler = fake.ipcMainHandlers.get(REQUEST_CHANNEL)!;
  const invoke = (sender: FakeWebContents, senderFrame: FakeFrame | null, envelope: unknown) =>
    handler({ sender, senderFrame }, envelope) as Promise<unknown>;
  return { window, openExternal, invoke };
}

const valid = { method: 'shell.openExternal', payload: { url: 'https://example.com/' } };

describe('IPC transport', () => {
  beforeEach(resetFake);

  it('registers exactly one request channel', () => {
    setup();
    expect([...fake.ipcMainHandlers.keys()]).toEqual([REQUEST_CHANNEL]);
  });

  it('passes a valid request from our window to the handler', async () => {
    const { window, openExternal, invoke } = setup();
    const result = await invoke(window.webContents, window.webContents.mainFrame, valid);
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith({ url: 'https://example.com/' });
  });

  it('refuses a frame showing a foreign URL', async () => {
    const { window, openExternal, invoke } = setup();
    const result = await invoke(window.webContents, new FakeFrame('https://evil.example/'), valid);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a file: page, which shares no origin with the app', async () => {
    const { window, openExternal, invoke } = setup();
    const result = await invoke(window.webContents, new FakeFrame('file:///tmp/index.html'), valid);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a same-origin iframe', async () => {
    const { window, openExternal, invoke } = setup();
    const child = new FakeFrame(APP_ENTRY_URL, window.webContents.mainFrame);
    expect(await invoke(window.webContents, child, valid)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a WebContents that is not our window, even showing app content', async () => {
    const { openExternal, invoke } = setup();
    const stranger = new FakeWebContents().navigateTo(APP_ENTRY_URL);
    expect(await invoke(stranger, stranger.mainFrame, valid)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const otherWindow = new FakeBrowserWindow({});
    otherWindow.webContents.navigateTo(APP_ENTRY_URL);
    expect(await invoke(otherWindow.webContents, otherWindow.webContents.mainFrame, valid)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a destroyed frame (null senderFrame) and a closed window', async () => {
    const { window, openExternal, invoke } = setup();
    expect(await invoke(window.webContents, null, valid)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    window.destroyed = true;
    expect(await invoke(window.webContents, window.webContents.mainFrame, valid)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('answers invalid-request for a payload that breaks the contract, without calling the handler', async () => {
    const { window, openExternal, invoke } = setup();
    const frame = window.webContents.mainFrame;
    for (const payload of [{ url: 42 }, { url: 'https://x/', extra: true }, 'https://x/']) {
      const result = await invoke(window.webContents, frame, { method: 'shell.openExternal', payload });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('answers invalid-request for a malformed envelope and unknown-method for an unknown one', async () => {
    const { window, openExternal, invoke } = setup();
    const frame = window.webContents.mainFrame;
    for (const envelope of [null, 'shell.openExternal', { payload: {} }, { method: 7 }, { ...valid, sneaky: 1 }]) {
      expect(await invoke(window.webContents, frame, envelope)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await invoke(window.webContents, frame, { method: 'constructor', payload: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('core events', () => {
  beforeEach(resetFake);

  function subscribeWith() {
    let sink: EventSink | null = null;
    const subscribe = (next: EventSink) => {
      sink = next;
      return () => {
        sink = null;
      };
    };
    return { subscribe, emit: (...args: Parameters<EventSink>) => sink?.(...args) };
  }

  it('go to our window on the event channel', () => {
    const window = new FakeBrowserWindow({});
    window.webContents.navigateTo(APP_ENTRY_URL);
    const bus = subscribeWith();
    forwardEvents(bus.subscribe, { isAppUrl, getWindow: () => window as never });
    const problem = { kind: 'x' } as never;
    bus.emit('store.problem', problem);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'store.problem', problem);
  });

  it('are not sent to a window that shows foreign content, or to a destroyed one', () => {
    const window = new FakeBrowserWindow({});
    window.webContents.navigateTo('https://evil.example/');
    const bus = subscribeWith();
    forwardEvents(bus.subscribe, { isAppUrl, getWindow: () => window as never });
    bus.emit('store.problem', {} as never);
    window.webContents.navigateTo(APP_ENTRY_URL);
    window.destroyed = true;
    bus.emit('store.problem', {} as never);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });
});
