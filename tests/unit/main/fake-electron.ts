import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/*
 * Small stand-ins for the parts of `electron` the shell uses. Tests install them with
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 * and drive them through `fake`. The Electron binary never runs here.
 */

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

/** What Electron passes to `will-navigate` / `will-redirect` listeners. */
export const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  url = '';
  mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  send = vi.fn();
  reload = vi.fn();
  getURL = () => this.url;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  /** Puts the page at `url`, as a finished load would. */
  navigateTo(url: string) {
    this.url = url;
    this.mainFrame.url = url;
    return this;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static nextId = 1;
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((window) => window.webContents === contents) ?? null;
  }
  readonly id = FakeBrowserWindow.nextId++;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (url: string) => {
    this.webContents.navigateTo(url);
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  close = vi.fn(() => {
    this.emit('close', { preventDefault: vi.fn() });
  });
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
    this.checkHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  gotLock = true;
  paths = new Map<string, string>([['userData', '/fake/userData']]);
  readyPromise = Promise.resolve();
  commandLine = { appendSwitch: vi.fn() };
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => this.readyPromise);
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  getVersion = () => '0.1.0-test';
  getAppPath = () => '/fake/app';
  getPath = (name: string) => this.paths.get(name) ?? `/fake/${name}`;
  setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
}

function createFake() {
  const ipcMainHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const rendererListeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  return {
    app: new FakeApp(),
    session: new FakeSession(),
    ipcMainHandlers,
    rendererListeners,
    protocolHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (ipcMainHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcMainHandlers.set(channel, handler);
      }),
      removeHandler: vi.fn((channel: string) => ipcMainHandlers.delete(channel)),
    },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
        rendererListeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        rendererListeners.get(channel)?.delete(listener);
      }),
      /** Main sending to the renderer: what `webContents.send` would deliver. */
      emit(channel: string, ...args: unknown[]) {
        const event = { sender: { secret: 'ipcRenderer' }, senderId: 0, ports: [] };
        for (const listener of rendererListeners.get(channel) ?? []) listener(event, ...args);
      },
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        protocolHandlers.set(scheme, handler);
      }),
    },
    safeStorage: {
      available: true,
      backend: 'gnome_libsecret' as ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>,
      isEncryptionAvailable: vi.fn(() => fake.safeStorage.available),
      getSelectedStorageBackend: vi.fn(() => fake.safeStorage.backend),
      encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
      decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^enc:/, '')),
    },
    dialog: {
      showErrorBox: vi.fn(),
      /** The button index the "user" picks; 0 unless a test says otherwise. */
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    },
  };
}

export let fake = createFake();

/** Fresh fakes for each test; the module object below always reads the current ones. */
export function resetFake() {
  fake = createFake();
  FakeBrowserWindow.instances = [];
}

export const electronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  get contextBridge() {
    return fake.contextBridge;
  },
  get shell() {
    return fake.shell;
  },
  get protocol() {
    return fake.protocol;
  },
  get safeStorage() {
    return fake.safeStorage;
  },
  get dialog() {
    return fake.dialog;
  },
  get session() {
    return { defaultSession: fake.session };
  },
  BrowserWindow: FakeBrowserWindow,
};
