import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { AppInfo, EventName, EventPayload, EventSink, Handlers } from '../shared/contract';
import type { StoreProblem } from '../shared/domain/store-problem';
import { isSafeExternalUrl } from '../shared/external-url';
import { silentLogger, type Logger } from './log';
import type { SecretStore } from './secrets/secret-store';
import { loadProvisioning } from './settings/load-provisioning';
import { SettingsService, userSettingsDefaults, type UserSettingsFile } from './settings/settings-service';
import { openStore, type Collection, type Store } from './store';

export interface CoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  version: string;
  /** Provisioning files, lowest precedence first (resources, then machine-wide, then --provision). */
  provisioningFiles: string[];
  secrets: SecretStore;
  /** The shell's way to open a vetted link outside the app; absent where the page opens links itself. */
  openExternal?: (url: string) => Promise<void>;
  log?: Logger;
}

/** A lead as stored; the leads issue gives it its schema and service. */
export type StoredLead = { id: string } & Record<string, unknown>;

export interface Core {
  readonly handlers: Handlers;
  readonly store: Store;
  /**
   * Leads load after the shell reports ready: the app frame and the phone do not wait for
   * 100k leads to parse (~0.9 s). Anything that needs them awaits this.
   */
  readonly leads: Promise<Collection<StoredLead>>;
  readonly settings: SettingsService;
  subscribe(sink: EventSink): () => void;
  close(): Promise<void>;
}

/** Opens the store and wires every service; both shells call this and nothing else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? silentLogger;
  const store = await openStore({ dataDir: options.dataDir });
  for (const problem of store.problems) log.warn('store problem', { ...problem });

  const leadsStartedAt = performance.now();
  const leads = store.collection<StoredLead>('leads');
  leads.then(
    (collection) =>
      log.info('leads loaded', { count: collection.size, ms: Math.round(performance.now() - leadsStartedAt) }),
    (error: unknown) => log.error('leads could not be loaded', { error: String(error) }),
  );

  const provisioning = await loadProvisioning(options.provisioningFiles);
  for (const issue of provisioning.issues) log.warn('provisioning issue', { ...issue });

  const settingsDoc = await store.document<UserSettingsFile>('settings', {
    schemaVersion: 1,
    migrations: [],
    defaults: userSettingsDefaults,
  });
  const settings = new SettingsService(settingsDoc, provisioning, options.secrets);
  await settings.applyProvisionedSecrets();

  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => bus.emit('event', event, payload);
  settings.onChange((view) => emit('settings.changed', view));
  store.onProblem((problem: StoreProblem) => emit('store.problem', problem));

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Relance', version: options.version, shell: options.shell, dataDir: options.dataDir }),
    'settings.get': () => settings.view(),
    'settings.update': (patch) => settings.update(patch),
    'settings.setSipPassword': ({ password }) => settings.setSipPassword(password),
    'settings.clearSipPassword': () => settings.clearSipPassword(),
    'store.problems': () => [...store.problems],
    'shell.openExternal': async ({ url }) => {
      if (!options.openExternal || !isSafeExternalUrl(url)) return { opened: false };
      await options.openExternal(url);
      return { opened: true };
    },
  };

  return {
    handlers,
    store,
    leads,
    settings,
    subscribe(sink) {
      const listener = (event: EventName, payload: unknown) => sink(event, payload as never);
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    async close() {
      await leads.catch(() => undefined);
      await store.close();
    },
  };
}
