import type { CallEvent } from '../../shared/domain/call-event';
import type { CallRecord } from '../../shared/domain/call-record';
import type {
  CallbackListFilter,
  CallbackListPage,
  CallbackListSummary,
  CreateCallbackListInput,
  SkipReason,
} from '../../shared/domain/callback-list';
import {
  CallsQuerySchema,
  type CallRow,
  type CallsPage,
  type CallsQuery,
  type DialTarget,
  type DialerMode,
  type DialerView,
} from '../../shared/domain/dialer';
import type { Disposition, DoNotCallEntry, OutcomeInput } from '../../shared/domain/disposition';
import { leadDisplayName, type Lead } from '../../shared/domain/lead';
import { parsePhone } from '../../shared/phone';
import { AppFailure } from '../../shared/result';
import { createCallLog } from '../calls/call-log';
import { CallRecorder } from '../calls/call-recorder';
import { openOpenCalls } from '../calls/open-calls';
import { DEFAULT_ZONE } from '../leads/callback-due';
import { openMergedLeads } from '../leads/merged-leads';
import { silentLogger, type Logger } from '../log';
import { openDispositionBook } from '../outcomes/disposition-book';
import { openDoNotCallList } from '../outcomes/do-not-call';
import { openOutcomeLog } from '../outcomes/outcome-log';
import { checkOutcome, saveOutcome, type OutcomeDeps } from '../outcomes/save-outcome';
import { newRecordId, type Store } from '../store';
import { openCallbackLists } from './callback-lists';
import type { DialerEmit } from './events';
import type { LeadAccess } from './lead-access';
import { createListService } from './list-service';
import { transition, type Session, type Timings } from './machine';
import { recoverSession } from './recover-session';
import { openSessionFile } from './session-file';
import { checkNumber, chooseNumber } from './number-choice';
import { createPicker } from './picker';
import { realTimers, type CallPermission, type CallPlacer, type Timers } from './ports';
import { comingBack, reservedForOthers } from './list-order';
import { DialerRunner } from './runner';
import { skipNote } from './skip-note';
import { openSkipNoter } from './skip-note-log';

export interface DialerServiceDeps {
  store: Store;
  leads: LeadAccess;
  /** The calling rules (src/core/calling-rules), asked before every call. */
  permission: CallPermission;
  placer: CallPlacer;
  /** Read at each session start and skip note. */
  settings: () => { dialer: Timings; locale: 'fr' | 'en'; defaultRegion: string };
  /** The seller at this workstation (sellerName: sip.displayName, else "Vendeur"/"Seller" by locale). */
  seller: () => string;
  emit: DialerEmit;
  now?: () => number;
  timers?: Timers;
  /** The dealership's zone, for dates written in notes and exports. */
  zone?: string;
  /** false: no look-ahead (next lead chosen after the wrap-up, no prepare); for the bench's baseline. */
  prepareNext?: boolean;
  log?: Logger;
}

/** Callback lists, dialer sessions, call outcomes and the call log: what the contract exposes. */
export interface DialerService {
  /**
   * One softphone call event, acknowledged once kept on disk; `recorded` when the call's record is
   * in the journal (on `ended`, also when it was already).
   */
  report(event: CallEvent): Promise<{ recorded: boolean; recordId?: string }>;
  listCalls(query: CallsQuery): Promise<CallsPage>;
  /**
   * A recorded call's outcome. `unlessSellerChose`: refused (conflict) when the seller already
   * gave the call a disposition, for outcomes the app sets by itself (a voicemail drop logged late).
   */
  setCallOutcome(input: OutcomeInput & { recordId: string; unlessSellerChose?: boolean }): Promise<CallRow>;
  dispositions(): Disposition[];
  updateDispositions(set: readonly Disposition[]): Promise<Disposition[]>;
  doNotCall(): DoNotCallEntry[];
  /** The live set of numbers on the internal do-not-call list, for the calling rules. */
  readonly doNotCallNumbers: ReadonlySet<string>;
  addDoNotCall(number: string): Promise<DoNotCallEntry[]>;
  removeDoNotCall(number: string): Promise<DoNotCallEntry[]>;
  lists(): CallbackListSummary[];
  list(input: { id: string; offset?: number; limit?: number }): Promise<CallbackListPage>;
  countFilter(filter: CallbackListFilter): Promise<number>;
  createList(input: CreateCallbackListInput): Promise<CallbackListSummary>;
  refreshList(id: string): Promise<CallbackListSummary>;
  deleteList(id: string): Promise<boolean>;
  view(): DialerView;
  start(input: { listId: string; mode: DialerMode }): Promise<DialerView>;
  callNow(): DialerView;
  skip(): DialerView;
  /** `phoneProblem`: paused because the phone cannot place the coming call (see dialer.pause). */
  pause(phoneProblem?: string): DialerView;
  resume(): DialerView;
  stop(): DialerView;
  /** "Save disposition": resolves once the outcome is on disk. */
  saveOutcome(input: OutcomeInput): Promise<DialerView>;
  /** Resolves once the outcomes being applied to leads and list entries are done. */
  settled(): Promise<void>;
  /** App shutdown: stops the timers, waits for outcomes being applied; the session is left as it is on disk. */
  close(): Promise<void>;
}

export async function createDialerService(deps: DialerServiceDeps): Promise<DialerService> {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? silentLogger;
  const zone = deps.zone ?? DEFAULT_ZONE;
  const { store, leads, emit } = deps;
  const [book, dnc, lists, openCalls, sessionFile, merges] = await Promise.all([
    openDispositionBook(store, { onChange: (set) => emit('dispositions.changed', set) }),
    openDoNotCallList(store),
    openCallbackLists(store),
    openOpenCalls(store),
    openSessionFile(store),
    openMergedLeads(store),
  ]);
  const noteText = (skip: SkipReason) => skipNote(skip, deps.settings().locale, zone, deps.settings().defaultRegion);
  const noteSkip = await openSkipNoter({
    store,
    addNote: (id, text) => leads.addNote(id, text),
    text: noteText,
    zone,
    log,
  });
  const outcomes = openOutcomeLog(store);
  const recorder = new CallRecorder(openCalls, store.journal);
  // The calls of the leads merged into this one are its calls too.
  const lastCallAt = (leadId: string) => {
    let last: number | undefined;
    for (const id of merges.idsOf(leadId)) {
      const s = store.callsByLead.get(id);
      const t = s ? Date.parse(s.lastCallAt) : undefined;
      if (t !== undefined && (last === undefined || t > last)) last = t;
    }
    return last;
  };
  const peek = (id: string): Lead | undefined => {
    try {
      return leads.peek(id);
    } catch {
      return undefined; // still loading: rows show without names
    }
  };
  // Rows are named after their leads: read only after leadsForNames(), and a lookup that fails
  // fails the read, so a call never shows as "unnamed" because the leads were still loading.
  const callLog = createCallLog({
    journal: store.journal,
    outcomes,
    merges,
    leadName: (id) => {
      const lead = leads.peek(id);
      return lead ? leadDisplayName(lead.contact) : undefined;
    },
  });
  const leadsForNames = async (): Promise<void> => {
    try {
      await leads.ready();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error('calls: the leads could not be loaded to name the calls', { error: reason });
      throw new AppFailure('store-failure', `the leads could not be loaded to name the calls: ${reason}`);
    }
  };
  const outcomeDeps: OutcomeDeps = {
    dispositions: book,
    outcomes,
    doNotCall: dnc,
    leads,
    lists,
    now,
    seller: deps.seller,
    log,
  };
  const pick = createPicker({
    lists,
    leads,
    doNotCall: dnc,
    permission: deps.permission,
    now,
    seller: deps.seller,
    lastCallAt,
    noteSkip,
  });
  // Calls of the running session, for the entry's last call time and the live stats.
  const sessionCalls = new Map<string, CallRecord>();
  // Outcomes on disk whose lead and list entry are being updated, by record id.
  const applying = new Map<string, Promise<void>>();
  const listsChanged = (ids: string[]) => emit('callbackLists.changed', { ids });

  const updateEntry = async (target: DialTarget, change: (e: NonNullable<ReturnType<typeof lists.entry>>) => void) => {
    const entry = lists.entry(target.entryId);
    if (!entry) return;
    const next = structuredClone(entry);
    change(next);
    await lists.put([next]);
    listsChanged([entry.listId]);
  };

  const runner = new DialerRunner({
    placer: deps.placer,
    timers: deps.timers ?? realTimers,
    now,
    pick: async (session) => {
      await leads.ready();
      const target = await pick(session);
      listsChanged([session.listId]);
      return target;
    },
    async saveOutcome(effect, session) {
      const record = sessionCalls.get(effect.recordId);
      const { applied } = await saveOutcome(
        outcomeDeps,
        {
          recordId: effect.recordId,
          number: effect.target.number,
          startedAt: record?.startedAt ?? new Date(now()).toISOString(),
          leadId: effect.target.leadId,
          entryId: effect.target.entryId,
        },
        effect.outcome,
        effect.auto,
      );
      emit('calls.changed', { recordIds: [effect.recordId] });
      // The next call does not wait for the lead and the entry; "Save disposition" does.
      const done = applied.then(
        () => listsChanged([session.listId]),
        (error: unknown) => {
          log.error('outcome: the lead or list entry was not updated', {
            record: effect.recordId,
            error: error instanceof Error ? error.message : String(error),
          });
          throw error;
        },
      );
      applying.set(effect.recordId, done);
      done.catch(() => undefined).finally(() => applying.delete(effect.recordId));
    },
    recheck(target) {
      const at = new Date(now());
      const lead = peek(target.leadId);
      if (!lead) return { ok: false, skip: { kind: 'lead-missing', reasons: [], at: at.toISOString() } };
      const check = checkNumber(lead, target.number, (n) => dnc.has(n), deps.permission, at);
      return check.ok ? check : { ok: false, skip: { ...check.skip, at: at.toISOString() } };
    },
    async skipEntry(target, reason) {
      await updateEntry(target, (e) => {
        delete e.sessionId;
        e.status = 'skipped';
        e.skip = reason ?? { kind: 'seller', reasons: [], at: new Date(now()).toISOString() };
      });
      if (reason && reason.kind !== 'lead-missing') await noteSkip(target.leadId, reason);
    },
    releaseEntry: (target, attempted) =>
      updateEntry(target, (e) => {
        delete e.sessionId;
        e.status = 'to-call';
        if (attempted) {
          e.attempts++;
          e.lastCallAt = new Date(now()).toISOString();
        }
      }),
    beforePlace: (target, session) => sessionFile.dialing(session, target, new Date(now())),
    sessionEnded: (session) => sessionFile.end(session.id),
    markRingTimeout: (sessionId, callId) =>
      Promise.all(
        openCalls
          .all()
          .filter((c) => (callId ? c.callId === callId : c.dialerSessionId === sessionId))
          .map((c) => recorder.markRingTimeout(c.callId)),
      ).then(() => undefined),
    disposition: (id) => book.get(id),
    comesBack: (listId) => comingBack(lists.entries(listId), deps.seller(), now()),
    reservedForOthers: (listId) => reservedForOthers(lists.entries(listId), deps.seller()),
    onChange: (view) => emit('dialer.changed', view),
    log,
  });

  // Calls left in progress by an app that stopped are logged with what was known; a session it
  // did not stop waits as interrupted.
  await recorder.interruptAll();
  await recoverSession({
    open: sessionFile.open(),
    lists,
    leads,
    callLog,
    runner,
    sessionCalls,
    updateEntry,
    outcomeDeps,
    sessionFile,
    skipNote: noteText,
    now,
    log,
  });

  const command = (event: Parameters<DialerRunner['send']>[0]): DialerView => {
    const result = runner.send(event);
    if (!result.ok) throw new AppFailure('conflict', result.reason);
    return runner.view();
  };
  const listService = createListService({
    lists,
    leads,
    peek,
    lastCallAt,
    check: (lead, at) => chooseNumber(lead, (n) => dnc.has(n), deps.permission, at),
    inSession: (listId) => {
      const st = runner.state;
      return st.kind !== 'idle' && st.kind !== 'stopped' && st.session.listId === listId;
    },
    now,
    seller: deps.seller,
    changed: listsChanged,
  });
  const e164 = (number: string): string => {
    const parsed = parsePhone(number, deps.settings().defaultRegion);
    if (!parsed.ok)
      throw new AppFailure('invalid-request', `"${number}" is not a phone number (${parsed.reason})`, 'number');
    return parsed.e164;
  };

  let starting = false;
  return {
    async report(event) {
      // Whose call is it? Known before `ended` removes it from the calls in progress.
      const session = runner.state.kind === 'idle' ? undefined : runner.state.session;
      const ofSession =
        session !== undefined &&
        (event.type === 'started'
          ? event.dialerSessionId === session.id
          : openCalls.get(event.callId)?.dialerSessionId === session.id);
      const result = await recorder.report(event);
      // The session may have stopped while the record was written, and another begun dialing: a
      // step still waiting for its call id would take this call's end as its own.
      const stillRunning = ofSession && runner.state.kind !== 'idle' && runner.state.session.id === session.id;
      if (result.record) {
        emit('calls.changed', { recordIds: [result.record.id] });
        if (stillRunning) {
          sessionCalls.set(result.record.id, result.record);
          runner.noteCall(result.record);
        }
      }
      if (stillRunning) {
        const fed =
          event.type === 'started'
            ? runner.send({ type: 'call-placed', callId: event.callId })
            : event.type === 'ringing' || event.type === 'answered'
              ? runner.send({ type: event.type, callId: event.callId })
              : event.type === 'ended' && result.record
                ? runner.send({
                    type: 'ended',
                    callId: event.callId,
                    recordId: result.record.id,
                    ...(result.record.disposition ? { autoDisposition: result.record.disposition } : {}),
                  })
                : undefined;
        if (fed && !fed.ok)
          log.info('dialer: call event not for the current step', { type: event.type, reason: fed.reason });
      }
      return result.recordId ? { recorded: true, recordId: result.recordId } : { recorded: false };
    },

    async listCalls(query) {
      const parsed = CallsQuerySchema.parse(query);
      await leadsForNames();
      return callLog.list(parsed);
    },

    async setCallOutcome({ recordId, unlessSellerChose, ...input }) {
      const s = runner.state;
      if (s.kind === 'wrap-up' && s.recordId === recordId)
        throw new AppFailure(
          'conflict',
          'this call is in the dialer’s wrap-up: save its disposition there',
          'recordId',
        );
      await leadsForNames();
      const row = await callLog.find(recordId);
      if (!row) throw new AppFailure('not-found', `no call record ${recordId}`, 'recordId');
      if (unlessSellerChose && row.dispositionBy === 'seller')
        throw new AppFailure('conflict', `the seller already gave call ${recordId} its disposition`, 'recordId');
      const saved = await saveOutcome(
        outcomeDeps,
        { recordId, number: row.number, startedAt: row.startedAt, leadId: row.leadId },
        input,
        false,
      );
      await saved.applied;
      runner.noteDisposition(recordId, input.disposition);
      emit('calls.changed', { recordIds: [recordId] });
      return (await callLog.find(recordId))!;
    },

    dispositions: () => book.list(),
    updateDispositions: (set) => book.update(set),
    doNotCall: () => dnc.list(),
    doNotCallNumbers: dnc.numbers,
    addDoNotCall: async (number) =>
      dnc.add({ number: e164(number), reason: 'manual', by: deps.seller() }, new Date(now())),
    async removeDoNotCall(number) {
      await dnc.remove(e164(number));
      return dnc.list();
    },

    lists: () => listService.all(),
    list: (input) => listService.page(input),
    countFilter: (filter) => listService.countFilter(filter),
    createList: (input) => listService.create(input),
    refreshList: (id) => listService.refresh(id),
    deleteList: (id) => listService.delete(id),

    view: () => runner.view(),
    async start({ listId, mode }) {
      listService.require(listId, 'listId');
      await leads.ready();
      const session: Session = {
        id: newRecordId(now()),
        listId,
        mode,
        timings: { ...deps.settings().dialer },
        ...(deps.prepareNext === false ? { prepareNext: false as const } : {}),
      };
      // Asked of the machine first (pure), so a refused start does not replace the open session on disk.
      const can = transition(runner.state, { type: 'start', session });
      if (!can.ok) throw new AppFailure('conflict', can.reason);
      // Until the machine has it, a second start (another window) would pass the same check and
      // write its own session over this one's on disk.
      if (starting) throw new AppFailure('conflict', 'a dialer session is already starting');
      starting = true;
      try {
        // Skipped leads whose cause is gone (the hours have come, the consent is in…) are offered again.
        await listService.recheckSkipped(listId);
        await sessionFile.begin(session, new Date(now()));
        sessionCalls.clear();
        return command({ type: 'start', session });
      } finally {
        starting = false;
      }
    },
    callNow: () => command({ type: 'call-now' }),
    skip: () => command({ type: 'skip' }),
    pause: (phoneProblem) => command({ type: 'pause', ...(phoneProblem !== undefined ? { phoneProblem } : {}) }),
    resume: () => command({ type: 'resume' }),
    stop: () => command({ type: 'stop' }),
    async saveOutcome(input) {
      if (runner.state.kind !== 'wrap-up') throw new AppFailure('conflict', 'no call is waiting for its disposition');
      checkOutcome(book, input, now());
      const { recordId } = runner.state;
      command({ type: 'dispose', outcome: input });
      try {
        await runner.saving;
        await applying.get(recordId);
      } catch (error) {
        if (error instanceof AppFailure) throw error;
        throw new AppFailure('store-failure', `the disposition was not saved: ${(error as Error).message}`);
      }
      return runner.view();
    },
    settled: () => Promise.allSettled([...applying.values()]).then(() => undefined),
    async close() {
      runner.dispose();
      await Promise.allSettled([...applying.values()]);
    },
  };
}
