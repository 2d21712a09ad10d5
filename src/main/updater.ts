import type { Logger } from '../core/log';
import type { InstallFacts, UpdateDecision, UpdateOffReason } from './update-gate';

/** What the UI shows under Settings > Updates, and what diagnostics report. */
export type UpdateStatus =
  | { state: 'off'; reason: UpdateOffReason; install: InstallFacts['kind'] }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up-to-date'; checkedAt: string }
  | { state: 'downloading'; version: string; percent: number }
  /** Downloaded: installs when Relance closes (at the end of the day, not mid-call). */
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string; at: string };

/** The slice of electron-updater's AppUpdater this module drives. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: unknown;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** electron-updater, loaded only when updates run (it reads the install on load). */
export async function loadElectronUpdater(): Promise<AutoUpdaterLike> {
  const module = (await import('electron-updater')) as unknown as {
    autoUpdater?: AutoUpdaterLike;
    default?: { autoUpdater: AutoUpdaterLike };
  };
  // CommonJS from ESM: the getter lives on the default export.
  return module.default?.autoUpdater ?? module.autoUpdater!;
}

export interface UpdateControllerDeps {
  load: () => Promise<AutoUpdaterLike>;
  log: Logger;
  now?: () => Date;
  /** Checks again this often while the app stays open (sellers rarely quit). */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const FOUR_HOURS = 4 * 60 * 60 * 1000;

const offMessage: Record<UpdateOffReason, string> = {
  'not-packaged': 'updates off: development build',
  test: 'updates off: test run',
  disabled: 'updates off: turned off in the settings (or by IT provisioning)',
  'no-feed': 'updates off: no update server set (updates.url)',
  'per-machine':
    'updates off: this copy is installed for every user of the computer and cannot replace itself; IT deploys new versions',
};

/**
 * Update states as explicit transitions driven by electron-updater's events:
 * off | idle -> checking -> (up-to-date | downloading -> ready) ; any -> error -> checking…
 */
export class UpdateController {
  #status: UpdateStatus;
  #listeners = new Set<(status: UpdateStatus) => void>();
  #timer: unknown = null;
  #updater: AutoUpdaterLike | null = null;

  constructor(
    private readonly decision: UpdateDecision,
    private readonly install: InstallFacts,
    private readonly deps: UpdateControllerDeps,
  ) {
    this.#status = decision.run ? { state: 'idle' } : { state: 'off', reason: decision.reason, install: install.kind };
  }

  get status(): UpdateStatus {
    return this.#status;
  }

  onChange(listener: (status: UpdateStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    const { log } = this.deps;
    if (!this.decision.run) {
      const meta = { install: this.install.kind, location: this.install.location };
      // A per-machine install that cannot update says so, where IT will look.
      if (this.decision.reason === 'per-machine') log.warn(offMessage['per-machine'], meta);
      else log.info(offMessage[this.decision.reason], meta);
      return;
    }
    let updater: AutoUpdaterLike;
    try {
      updater = await this.deps.load();
    } catch (error) {
      this.#fail(error);
      return;
    }
    this.#updater = updater;
    updater.logger = { info: () => {}, warn: (m: unknown) => log.warn(`updater: ${String(m)}`), error: () => {} };
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.setFeedURL({ provider: 'generic', url: this.decision.feedUrl });
    updater.on('checking-for-update', () => this.#set({ state: 'checking' }));
    updater.on('update-not-available', () => this.#set({ state: 'up-to-date', checkedAt: this.#now() }));
    updater.on('update-available', (info: { version: string }) =>
      this.#set({ state: 'downloading', version: info.version, percent: 0 }),
    );
    updater.on('download-progress', (progress: { percent: number }) => {
      if (this.#status.state === 'downloading') {
        this.#set({ ...this.#status, percent: Math.round(progress.percent) }, false);
      }
    });
    updater.on('update-downloaded', (info: { version: string }) => {
      this.#set({ state: 'ready', version: info.version });
      this.stop();
    });
    updater.on('error', (error: unknown) => this.#fail(error));
    log.info('updates on', { feed: this.decision.feedUrl, install: this.install.kind });
    this.#check();
    this.#timer = (this.deps.setInterval ?? setInterval)(() => this.#check(), this.deps.intervalMs ?? FOUR_HOURS);
  }

  stop(): void {
    if (this.#timer !== null) (this.deps.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout)))(this.#timer);
    this.#timer = null;
  }

  #check(): void {
    const state = this.#status.state;
    if (!this.#updater || state === 'checking' || state === 'downloading' || state === 'ready') return;
    // electron-updater both emits 'error' and rejects: report the failure once.
    this.#updater.checkForUpdates().catch((error: unknown) => {
      if (this.#status.state !== 'error') this.#fail(error);
    });
  }

  #fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const denied = code === 'EACCES' || code === 'EPERM';
    this.deps.log.error('update failed', {
      error: message,
      ...(denied ? { hint: 'no write access to the install folder' } : {}),
    });
    this.#set({
      state: 'error',
      message: denied ? `no write access to the install folder: ${message}` : message,
      at: this.#now(),
    });
  }

  #set(status: UpdateStatus, announce = true): void {
    this.#status = status;
    if (announce && status.state !== 'error') this.deps.log.info('update status', { ...status });
    for (const listener of this.#listeners) listener(status);
  }

  #now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
