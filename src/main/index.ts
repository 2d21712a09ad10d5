import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog, session, shell } from 'electron';
import { createCore, type Core } from '../core/app-core';
import { openFileLogs } from '../core/log-files/file-logs';
import { consoleLogger, teeLogger } from '../core/log';
import { chooseSecretStore } from '../core/secrets/secret-store';
import { applyPermissionPolicy, confirmUnload, guardNavigation } from './guards';
import { forwardEvents, registerIpc } from './ipc';
import { captureConsole } from './logging';
import { APP_ENTRY_URL, sameOriginAs } from './origin';
import { registerAppScheme, serveAppContent } from './protocol';
import { provisioningFiles } from './provisioning-paths';
import { safeStorageEncryptor } from './safe-storage';
import { decideUpdates, detectInstall, type InstallFacts } from './update-gate';
import { loadElectronUpdater, UpdateController } from './updater';
import { createMainWindow } from './window';

/*
 * Lifecycle only: every decision about data lives in core. tel:/sip:/callto: are registered
 * by the installers (electron-builder.yml, build/installer.nsh); handling the links and the
 * tray are later work.
 */

// The dev server URL is honoured only in an unpackaged build: a packaged app must never
// be pointed at foreign content (which would then own the IPC bridge) by an env variable.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const startUrl = devServerUrl || APP_ENTRY_URL;
const isAppUrl = sameOriginAs(startUrl);

// Before `ready`: privileged schemes, sandbox, Chromium switches, paths.
registerAppScheme();
app.enableSandbox();
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
// The softphone page must free closed peer connections itself (renderer peer-connection-reaper.ts).
app.commandLine.appendSwitch('js-flags', '--expose-gc');

const dataDirFromEnv = process.env.RELANCE_DATA_DIR;
if (dataDirFromEnv) {
  // Chromium's own profile goes there too, and the single-instance lock is keyed on it,
  // so two test runs with different data dirs do not collide.
  app.setPath('userData', resolve(dataDirFromEnv));
}
const dataDir = app.getPath('userData');

// main.log, renderer.log and sip.log in <userData>/logs; the level follows the logLevel setting once core is up.
const fileLogs = openFileLogs({
  dataDir,
  onError: (stream, error) => process.stderr.write(`relance: cannot write ${stream}.log: ${String(error)}\n`),
});
const log = teeLogger(consoleLogger(), fileLogs.main);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isAppUrl));
  // The SIP user agent lives in the window: no window, no phone, so closing it quits (tray is deferred).
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log.error('startup failed', { error: message });
    dialog.showErrorBox('Relance', `Relance could not start.\n\n${message}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  serveAppContent(join(import.meta.dirname, '../renderer'));
  applyPermissionPolicy(session.defaultSession, isAppUrl);

  await mkdir(dataDir, { recursive: true });
  const install: InstallFacts = app.isPackaged
    ? detectInstall(process.platform, process.execPath, process.env)
    : { kind: 'unpackaged', perMachine: false, location: app.getAppPath() };
  let updates: UpdateController | null = null;
  // What only the shell has, for core's logs.append, updates.status and diagnostics.export.
  // Spread rather than listed: CoreOptions declares these fields once app-core wires those requests.
  const shellServices = {
    fileLogs,
    updateStatus: () => updates?.status ?? { state: 'idle' as const },
    shellFacts: () => ({ install, updates: updates?.status ?? null, logLevel: fileLogs.level() }),
  };
  const core = await createCore({
    dataDir,
    shell: 'electron',
    warmSearch: true,
    version: app.getVersion(),
    provisioningFiles: provisioningFiles(process.platform, process.resourcesPath, process.env),
    secrets: chooseSecretStore(join(dataDir, 'secrets.json'), safeStorageEncryptor()),
    openExternal: (url) => shell.openExternal(url),
    log,
    ...shellServices,
  });
  closeCoreOnQuit(core);
  fileLogs.setLevel(core.settings.current().logLevel);
  core.settings.onChange((view) => fileLogs.setLevel(view.values.logLevel));
  log.info('started', { version: app.getVersion(), electron: process.versions.electron, install: install.kind });

  const getWindow = () => mainWindow;
  registerIpc({ handlers: core.handlers, isAppUrl, getWindow, log });
  forwardEvents((sink) => core.subscribe(sink), { isAppUrl, getWindow });

  mainWindow = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  captureConsole(mainWindow.webContents, fileLogs.renderer);
  // The settings' language, read when asked: a change in Settings applies to the next question.
  confirmUnload(mainWindow, () => core.settings.current().locale);
  mainWindow.webContents.on('render-process-gone', (_event, details) =>
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  // A failed load leaves an empty window, not a dead app: the error is logged, the user can reload.
  mainWindow.loadURL(startUrl).catch((error: unknown) => log.error('load failed', { error: String(error) }));

  // Packaged builds only, never under a test runner, off when IT says so or the install is per-machine.
  updates = new UpdateController(
    decideUpdates({ isPackaged: app.isPackaged, env: process.env, settings: core.settings.current().updates, install }),
    install,
    { load: loadElectronUpdater, log },
  );
  await updates.start();
}

/** Holds the quit until the store has flushed and closed; a second quit goes through. */
function closeCoreOnQuit(core: Core): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    core
      .close()
      .catch((error: unknown) => log.error('core close failed', { error: String(error) }))
      .then(() => fileLogs.close())
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
