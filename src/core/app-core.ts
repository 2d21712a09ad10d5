import { EventEmitter } from 'node:events';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ruleSetPresets } from '../shared/domain/calling-rules';
import type { AppInfo, EventName, EventPayload, EventSink, Handlers, RequestName } from '../shared/contract';
import { dialerRequests } from '../shared/domain/dialer';
import { voicemailRequests } from '../shared/domain/voicemail';
import type { Lead } from '../shared/domain/lead';
import type { StoreProblem } from '../shared/domain/store-problem';
import { isSafeExternalUrl } from '../shared/external-url';
import type { UpdateStatus } from '../shared/domain/updates';
import { activeRuleSet, openCustomRules } from './calling-rules/custom-rules';
import { openOpenCalls } from './calls/open-calls';
import { recentAttempts } from './calls/recent-attempts';
import { diagnosticsHandlers } from './diagnostics/handlers';
import { createDialerService } from './dialer/dialer-service';
import { dialerHandlers } from './dialer/handlers';
import { leadAccess } from './dialer/lead-access';
import { callPermission } from './dialer/permission';
import { openNationalLists } from './outcomes/national-do-not-call';
import { realTimers } from './dialer/ports';
import { RendererCallPlacer } from './dialer/renderer-placer';
import { leadHandlers } from './leads/handlers';
import { importExportHandlers, type ImportExportHandlers } from './leads/import/handlers';
import { openPresetStore } from './leads/import/presets';
import { FirstPageSnapshot } from './leads/first-page-snapshot';
import { LeadService } from './leads/lead-service';
import { openMergedLeads } from './leads/merged-leads';
import { leadCollectionOptions } from './leads/shared-strings';
import { matchCaller } from './phone/caller-match';
import { silentLogger, type Logger } from './log';
import type { FileLogs } from './log-files/file-logs';
import { forwardedLogSink } from './log-files/forwarded';
import { logHandlers } from './log-files/handlers';
import type { SecretStore } from './secrets/secret-store';
import { loadProvisioning } from './settings/load-provisioning';
import { sellerName } from './settings/seller-name';
import { SettingsService, userSettingsDefaults, type UserSettingsFile } from './settings/settings-service';
import { callLookup, markVoicemailLeftVia, openVoicemailService, voicemailHandlers } from './voicemail';
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
  /** Rotating log files (<dataDir>/logs); the page's renderer and SIP lines go there too. */
  fileLogs?: FileLogs;
  /** The shell's updater (Electron); absent means not packaged. */
  updateStatus?: () => UpdateStatus;
  /** What only the shell knows (install kind, update status), for diagnostics. */
  shellFacts?: () => Record<string, unknown>;
  /** false: the dialer neither chooses nor prepares the next call during the wrap-up (bench baseline only). */
  prepareNextCall?: boolean;
  /** The long-running shells (web host, Electron) warm the lead search once it is built; a one-shot CLI command does not. */
  warmSearch?: boolean;
}

export interface Core {
  readonly handlers: Handlers;
  readonly store: Store;
  /**
   * Leads load after the shell reports ready: the app frame and the phone do not wait for
   * 100k leads to parse (~0.9 s). Anything that needs them awaits this.
   */
  readonly leads: Promise<Collection<Lead>>;
  /** Every lead operation (search, edits, merge, import target); awaits `leads` itself. */
  readonly leadService: LeadService;
  readonly settings: SettingsService;
  subscribe(sink: EventSink): () => void;
  close(): Promise<void>;
}

/** The leads collection: its shard files are in `<dataDir>/leads/`. */
const LEADS = 'leads';

/** Opens the store and wires every service; both shells call this and nothing else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? silentLogger;
  const attempts = recentAttempts();
  const store = await openStore({ dataDir: options.dataDir, projections: [attempts] });
  for (const problem of store.problems) log.warn('store problem', { ...problem });
  // Which lead each merged-away lead went into: its calls (journal records) follow that lead.
  const mergedLeads = await openMergedLeads(store);

  const leadsStartedAt = performance.now();
  // No itemSchema: validating 100k leads on every open would cost ~1.2 s; the lead service
  // validates each lead on write instead.
  const leads = store.collection<Lead>(LEADS, leadCollectionOptions);
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
  // The dealership's own rule set (calling-rules.json, used when settings say custom), re-read on change.
  const customRules = await openCustomRules({ dataDir: options.dataDir, log, watch: true });
  // Copies of the national do-not-call lists (`relance dnc import`), looked at again every 10 s.
  const nationalLists = await openNationalLists(options.dataDir, {
    report: (problem) => log.warn('national do-not-call list problem', { ...problem }),
  });
  let nationalCheckedAt = Date.now();
  const nationalList = (e164: string) => {
    if (Date.now() - nationalCheckedAt > 10_000) {
      nationalCheckedAt = Date.now();
      void nationalLists.reloadIfChanged();
    }
    return nationalLists.forNumber(e164);
  };

  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => bus.emit('event', event, payload);
  settings.onChange((view) => emit('settings.changed', view));
  // A merge moves the calls of the lead merged away: the timeline and Appels read them again.
  mergedLeads.onChange(() => emit('calls.changed', { recordIds: [] }));
  const leadService = new LeadService({
    collection: leads,
    seller: () => sellerName(settings.current()),
    region: () => settings.current().defaultRegion,
    emit: (ids) => emit('leads.changed', { ids }),
    merges: mergedLeads,
    log,
    warmUp: options.warmSearch ?? false,
    firstPage: new FirstPageSnapshot({
      dataDir: options.dataDir,
      shardDir: path.join(options.dataDir, LEADS),
      appVersion: options.version,
    }),
  });
  // Build the search index as soon as the leads are in, after the shell reported ready.
  leads
    .then(() => leadService.ready())
    .catch((error: unknown) => log.error('lead index could not be built', { error: String(error) }));
  const presets = await openPresetStore(store);
  const importExport = whenReady(
    leadService,
    importExportHandlers({
      target: leadService,
      presets,
      now: () => new Date(),
      defaultRegion: () => settings.current().defaultRegion,
      locale: () => settings.current().locale,
      progress: (event) => emit('leads.importProgress', event),
    }),
  );
  store.onProblem((problem: StoreProblem) => emit('store.problem', problem));

  // The dialer asks the softphone (in the page) to place calls through events; the rules decide first.
  const placer = new RendererCallPlacer(emit, realTimers);
  let doNotCall: ReadonlySet<string> = new Set();
  // Not awaited: its files load beside 100k leads, and the window and the phone must not wait.
  // Its requests wait for it instead (deferHandlers).
  const dialerReady = createDialerService({
    store,
    leads: leadAccess(leadService),
    permission: callPermission({
      settings: () => settings.current(),
      attempts: (leadId) => attempts.of(mergedLeads.idsOf(leadId)),
      doNotCall: () => doNotCall,
      nationalList,
      customRules: () => customRules.current(),
      log,
    }),
    placer,
    settings: () => {
      const { dialer: timings, locale, defaultRegion } = settings.current();
      return { dialer: timings, locale, defaultRegion };
    },
    seller: () => sellerName(settings.current()),
    zone: settings.current().dealershipZone,
    ...(options.prepareNextCall === false ? { prepareNext: false } : {}),
    emit,
    log,
  });
  const voicemailReady = dialerReady.then(async (dialer) => {
    doNotCall = dialer.doNotCallNumbers;
    const voicemail = await openVoicemailService({
      store,
      // With an invalid custom file no call is placed; voicemail falls back on the built-in custom set.
      rules: () => activeRuleSet(settings.current().rules, customRules.current()) ?? ruleSetPresets.custom,
      region: () => settings.current().defaultRegion,
      lead: async (id) => {
        try {
          return await leadService.get(id);
        } catch {
          return undefined;
        }
      },
      leadIdByNumber: async (number) => (await matchCaller(leadService, number, settings.current().defaultRegion))?.id,
      findCall: callLookup(await openOpenCalls(store)),
      markVoicemailLeft: markVoicemailLeftVia(dialer),
      onChange: (list) => emit('voicemail.changed', list),
      log,
    });
    // A drop logged before its call record existed is retried once the record is written.
    bus.on('event', (event: EventName) => {
      if (event === 'calls.changed' || event === 'dialer.changed') void voicemail.retryPending();
    });
    void voicemail.retryPending();
    return voicemail;
  });
  voicemailReady.catch((error: unknown) => log.error('dialer could not start', { error: String(error) }));

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Relance', version: options.version, shell: options.shell, dataDir: options.dataDir }),
    'settings.get': () => settings.view(),
    'settings.update': (patch) => settings.update(patch),
    'settings.setSipPassword': ({ password }) => settings.setSipPassword(password),
    'settings.clearSipPassword': () => settings.clearSipPassword(),
    'phone.credentials': async () => ({ password: await settings.sipPassword() }),
    'phone.matchCaller': async ({ number }) => ({
      lead: await matchCaller(leadService, number, settings.current().defaultRegion),
    }),
    'store.problems': () => [...store.problems],
    ...leadHandlers(leadService),
    ...importExport,
    ...deferHandlers(
      [...(Object.keys(dialerRequests) as (keyof typeof dialerRequests)[]), 'calls.report'],
      dialerReady.then((dialer) => dialerHandlers(dialer, placer)),
    ),
    ...deferHandlers(
      Object.keys(voicemailRequests) as (keyof typeof voicemailRequests)[],
      voicemailReady.then(voicemailHandlers),
    ),
    ...diagnosticsHandlers({
      dataDir: options.dataDir,
      version: options.version,
      shell: options.shell,
      settings: () => settings.view(),
      ...(options.fileLogs ? { flushLogs: () => options.fileLogs!.flush() } : {}),
      ...(options.shellFacts ? { shellFacts: options.shellFacts } : {}),
    }),
    ...logHandlers(
      options.fileLogs ? forwardedLogSink(options.fileLogs) : (entries) => ({ written: 0, dropped: entries.length }),
    ),
    'updates.status': () => options.updateStatus?.() ?? { state: 'off', reason: 'not-packaged', install: 'unpackaged' },
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
    leadService,
    settings,
    subscribe(sink) {
      const listener = (event: EventName, payload: unknown) => sink(event, payload as never);
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    async close() {
      customRules.close();
      await leads.catch(() => undefined);
      // Let the dialer and voicemail finish opening before the store closes under them.
      await Promise.allSettled([voicemailReady]);
      await dialerReady.then((dialer) => dialer.close()).catch(() => undefined);
      await leadService.close();
      await store.close();
    },
  };
}

/** Handlers of a service that is still opening: each request waits for it to be ready. */
function deferHandlers<K extends RequestName>(
  names: readonly K[],
  ready: Promise<Pick<Handlers, K>>,
): Pick<Handlers, K> {
  // A failed start is logged where it happens and reported to each request that waits for it.
  ready.catch(() => undefined);
  const deferred: Record<string, (input: never) => Promise<unknown>> = {};
  for (const name of names) {
    deferred[name] = async (input) => ((await ready)[name] as (input: never) => unknown)(input);
  }
  return deferred as unknown as Pick<Handlers, K>;
}

/** Import/export read the index synchronously (export's query): each waits for the leads first. */
function whenReady(service: LeadService, handlers: ImportExportHandlers): ImportExportHandlers {
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: never) => unknown][]) {
    wrapped[name] = async (input) => {
      await service.ready();
      return handler(input);
    };
  }
  return wrapped as unknown as ImportExportHandlers;
}
