import { BrowserWindow } from 'electron';

/**
 * The one application window. `webPreferences` stays an inline literal so that
 * electronegativity can read it (it misreports options passed as a variable).
 */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Relance',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
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
      // An incoming call must ring before the user has clicked anything.
      autoplayPolicy: 'no-user-gesture-required',
      // The SIP stack lives in this page: a hidden or minimised window must keep its timers (keep-alives, ringing).
      backgroundThrottling: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
