import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, FakeSession, FakeWebContents, navigationEvent, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { applyPermissionPolicy, confirmUnload, guardNavigation } = await import('../../../src/main/guards');
const { APP_ENTRY_URL, sameOriginAs } = await import('../../../src/main/origin');

const isAppUrl = sameOriginAs(APP_ENTRY_URL);
type Guarded = Parameters<typeof guardNavigation>[0];
type GuardedSession = Parameters<typeof applyPermissionPolicy>[0];

function guardedContents() {
  const contents = new FakeWebContents().navigateTo(APP_ENTRY_URL);
  guardNavigation(contents as unknown as Guarded, isAppUrl);
  return contents;
}

describe('navigation guards', () => {
  beforeEach(resetFake);

  it('prevents navigation away from the app and hands a safe link to the browser', () => {
    const contents = guardedContents();
    const event = navigationEvent('https://evil.example/phish');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://evil.example/phish');
  });

  it('prevents navigation to file: and javascript: without opening anything', () => {
    const contents = guardedContents();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets the app reload its own pages', () => {
    const contents = guardedContents();
    const event = navigationEvent('app://relance/index.html#/calls');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks redirects to other origins', () => {
    const contents = guardedContents();
    const event = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', event, event.url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('refuses to attach a <webview>', () => {
    const contents = guardedContents();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every window.open; a safe https URL goes to shell.openExternal', () => {
    const open = guardedContents().windowOpenHandler!;
    expect(open({ url: 'https://www.example.com/car/42' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.example.com/car/42');
  });

  it('denies window.open for javascript:, file: and same-app URLs without opening them', () => {
    const open = guardedContents().windowOpenHandler!;
    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'app://relance/index.html']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('unsaved changes before a reload or a close', () => {
  beforeEach(resetFake);

  /** A window whose page cancels its `beforeunload` (Electron then asks the shell). */
  function guardedWindow(locale: 'fr' | 'en', choice: number) {
    const window = new FakeBrowserWindow({});
    confirmUnload(window as unknown as Parameters<typeof confirmUnload>[0], () => locale);
    fake.dialog.showMessageBox.mockResolvedValue({ response: choice, checkboxChecked: false });
    const holdUnload = () => {
      const event = { preventDefault: vi.fn() };
      window.webContents.emit('will-prevent-unload', event);
      return event;
    };
    return { window, holdUnload };
  }
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('asks in French, modal to the window, without blocking, and reloads once the seller discards', async () => {
    const { window, holdUnload } = guardedWindow('fr', 0);
    const first = holdUnload();
    // The unload is kept while the question is open: the process (and core) goes on meanwhile.
    expect(first.preventDefault).not.toHaveBeenCalled();
    const [owner, options] = fake.dialog.showMessageBox.mock.calls[0]!;
    expect(owner).toBe(window);
    expect(options).toMatchObject({
      type: 'question',
      message: 'Abandonner les modifications ?',
      buttons: ['Abandonner les modifications', 'Continuer la saisie'],
      // Enter and Esc both keep what was typed.
      defaultId: 1,
      cancelId: 1,
    });
    expect((options as { detail: string }).detail).toContain('perdu');
    await settle();
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    // The reload meets the page's beforeunload again: let through this time, without asking twice.
    const again = holdUnload();
    expect(again.preventDefault).toHaveBeenCalledOnce();
    expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce();
    // The new page starts with nothing confirmed.
    window.webContents.emit('did-finish-load');
    expect(holdUnload().preventDefault).not.toHaveBeenCalled();
  });

  it('closes the window, not reloads it, when the question came from a close', async () => {
    const { window, holdUnload } = guardedWindow('fr', 0);
    window.emit('close', { preventDefault: vi.fn() });
    holdUnload();
    await settle();
    expect(window.close).toHaveBeenCalledOnce();
    expect(window.webContents.reload).not.toHaveBeenCalled();
    expect(holdUnload().preventDefault).toHaveBeenCalledOnce();
  });

  it('keeps the page when the seller stays, and speaks English when the settings say so', async () => {
    const { window, holdUnload } = guardedWindow('en', 1);
    window.emit('close', { preventDefault: vi.fn() });
    expect(holdUnload().preventDefault).not.toHaveBeenCalled();
    expect(fake.dialog.showMessageBox.mock.calls[0]![1]).toMatchObject({
      message: 'Discard your changes?',
      buttons: ['Discard the changes', 'Keep editing'],
    });
    await settle();
    expect(window.close).not.toHaveBeenCalled();
    expect(window.webContents.reload).not.toHaveBeenCalled();
    // Staying forgot the close: a later reload's question leads to a reload.
    fake.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    holdUnload();
    await settle();
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(window.close).not.toHaveBeenCalled();
  });
});

describe('permission policy', () => {
  let session: FakeSession;
  beforeEach(() => {
    resetFake();
    session = new FakeSession();
    applyPermissionPolicy(session as unknown as GuardedSession, isAppUrl);
  });

  const request = (permission: string, details: Record<string, unknown>) => {
    const callback = vi.fn();
    session.requestHandler!({}, permission, callback, { isMainFrame: true, ...details });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]![0] as boolean;
  };

  it('grants the microphone to the app origin', () => {
    expect(
      request('media', { requestingUrl: APP_ENTRY_URL, securityOrigin: 'app://relance/', mediaTypes: ['audio'] }),
    ).toBe(true);
  });

  it('grants the camera only when asked with it, and notifications / speaker selection, to the app', () => {
    expect(request('media', { requestingUrl: APP_ENTRY_URL, mediaTypes: ['audio', 'video'] })).toBe(true);
    expect(request('notifications', { requestingUrl: APP_ENTRY_URL })).toBe(true);
    expect(request('speaker-selection', { requestingUrl: APP_ENTRY_URL })).toBe(true);
  });

  it('denies geolocation and every other permission, even to the app', () => {
    for (const permission of ['geolocation', 'display-capture', 'clipboard-read', 'openExternal', 'midiSysex', 'hid']) {
      expect(request(permission, { requestingUrl: APP_ENTRY_URL })).toBe(false);
    }
  });

  it('denies media to any other origin', () => {
    expect(request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] })).toBe(false);
    expect(request('media', { requestingUrl: 'file:///tmp/x.html', mediaTypes: ['audio'] })).toBe(false);
    // A frame of ours cannot vouch for a foreign security origin.
    expect(
      request('media', {
        requestingUrl: APP_ENTRY_URL,
        securityOrigin: 'https://evil.example/',
        mediaTypes: ['audio'],
      }),
    ).toBe(false);
  });

  it('denies media to a subframe', () => {
    expect(request('media', { requestingUrl: APP_ENTRY_URL, mediaTypes: ['audio'], isMainFrame: false })).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = session.checkHandler!;
    expect(check({}, 'media', 'app://relance', { isMainFrame: true, mediaType: 'audio' })).toBe(true);
    expect(check({}, 'media', 'app://relance', { isMainFrame: true, mediaType: 'unknown' })).toBe(true);
    expect(check({}, 'speaker-selection', 'app://relance', { isMainFrame: true })).toBe(true);
    expect(check({}, 'geolocation', 'app://relance', { isMainFrame: true })).toBe(false);
    expect(check({}, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(check({}, 'notifications', '', { isMainFrame: true })).toBe(false);
  });
});
