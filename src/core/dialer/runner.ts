import type { CallRecord } from '../../shared/domain/call-record';
import type { SkipReason } from '../../shared/domain/callback-list';
import type { DialTarget, DialerView } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import { sessionStats } from '../calls/session-stats';
import type { Logger } from '../log';
import {
  transition,
  type DialerEvent,
  type DialerState,
  type Effect,
  type Pending,
  type Session,
  type TimerName,
  type Transition,
} from './machine';
import type { CallPlacer, Timers } from './ports';

export type SaveOutcomeEffect = Extract<Effect, { type: 'save-outcome' }>;

export interface RunnerDeps {
  placer: CallPlacer;
  timers: Timers;
  now: () => number;
  /** Chooses and claims the next lead of the session's list, or null when none is callable now. */
  pick(session: Session): Promise<DialTarget | null>;
  saveOutcome(effect: SaveOutcomeEffect, session: Session): Promise<void>;
  /** The last check before a call leaves (time has passed since the lead was chosen). */
  recheck(target: DialTarget): { ok: true } | { ok: false; skip: SkipReason };
  skipEntry(target: DialTarget, reason: SkipReason | undefined, session: Session): Promise<void>;
  releaseEntry(target: DialTarget, attempted: boolean, session: Session): Promise<void>;
  /**
   * On disk before the call leaves: which entry is being dialled, so a restart after a crash
   * never dials it again without knowing whether the first call left.
   */
  beforePlace(target: DialTarget, session: Session): Promise<void>;
  /** The session is over (stopped or list done): a restart does not offer it again. */
  sessionEnded(session: Session): Promise<void>;
  /** Tells the call recorder that the dialer's ring timeout cancels the call (its 487 is then "no answer"). */
  markRingTimeout(dialerSessionId: string, callId?: string): Promise<void>;
  disposition(id: string): Pick<Disposition, 'appointment'> | undefined;
  /** A list done for now: the leads it offers later (see comingBack in list-order.ts). */
  comesBack?(listId: string): DialerView['comesBack'];
  /** A list done for now: how many of its leads only other sellers may call (see reservedForOthers in list-order.ts). */
  reservedForOthers?(listId: string): number;
  onChange(view: DialerView): void;
  log: Logger;
}

interface SessionCall {
  direction: CallRecord['direction'];
  answeredAt?: string | undefined;
  endedAt?: string | undefined;
  disposition?: string | undefined;
}

/**
 * Runs the dialer machine: feeds it events one at a time, executes the effects it returns, and
 * turns their results (a lead chosen, a call placed, an outcome saved, a timer) into events.
 * Holds no rule of its own: every decision is the machine's.
 */
export class DialerRunner {
  #state: DialerState = { kind: 'idle' };
  readonly #deps: RunnerDeps;
  readonly #queue: DialerEvent[] = [];
  #running = false;
  #changePending = false;
  readonly #timers = new Map<TimerName, { handle: unknown; endsAt: number; generation: number }>();
  #generation = 0;
  #saving: Promise<void> | null = null;
  #problem: string | undefined;
  // Session time, for calls per hour: pauses do not count.
  #startedAt = 0;
  #pausedMs = 0;
  #pausedSince: number | null = null;
  #endedAt: number | null = null;
  readonly #calls = new Map<string, SessionCall>();
  #uncertain: DialTarget[] = [];
  /** The next entry's dialling note, written while the disposition is saved (see #noteAhead). */
  #noted: { entryId: string; done: Promise<void> } | undefined;

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
  }

  get state(): DialerState {
    return this.#state;
  }

  /** The current session, while one runs or finishes. */
  get session(): Session | undefined {
    return this.#state.kind === 'idle' ? undefined : this.#state.session;
  }

  /** The outcome being saved, if any: "Save disposition" resolves with it. */
  get saving(): Promise<void> | null {
    return this.#saving;
  }

  /** Applies one event now (or right after the one being applied); returns what the machine said. */
  send(event: DialerEvent): Transition {
    if (this.#running) {
      // An effect fed an event back synchronously: apply it after the current one.
      this.#queue.push(event);
      return { ok: true, state: this.#state, effects: [] };
    }
    this.#running = true;
    try {
      const result = this.#apply(event);
      while (this.#queue.length > 0) this.#apply(this.#queue.shift()!);
      return result;
    } finally {
      this.#running = false;
    }
  }

  /** Stops every timer (app shutdown). */
  dispose(): void {
    for (const t of [...this.#timers.keys()]) this.#cancel(t);
  }

  /**
   * A session the app did not stop, found on restart: its calls so far count in the stats, and
   * it waits as `interrupted` for the seller to resume or stop it.
   */
  restore(input: {
    session: Session;
    /** Session time already spent before the app stopped (the downtime does not count). */
    activeMs: number;
    calls: readonly Pick<CallRecord, 'id' | 'direction' | 'answeredAt' | 'endedAt' | 'disposition'>[];
    pending?: Pending | undefined;
    uncertain: readonly DialTarget[];
  }): Transition {
    if (this.#state.kind !== 'idle') return { ok: false, reason: 'a dialer session is already open' };
    this.#startedAt = this.#deps.now() - input.activeMs;
    this.#pausedMs = 0;
    this.#pausedSince = null;
    this.#endedAt = null;
    this.#calls.clear();
    this.#uncertain = [...input.uncertain];
    for (const call of input.calls) this.#calls.set(call.id, pick(call));
    return this.send({ type: 'restore', session: input.session, ...(input.pending ? { pending: input.pending } : {}) });
  }

  /** A call of this session was saved: counted in the live stats. */
  noteCall(record: Pick<CallRecord, 'id' | 'direction' | 'answeredAt' | 'endedAt' | 'disposition'>): void {
    this.#calls.set(record.id, pick(record));
    this.#changed();
  }

  noteDisposition(recordId: string, disposition: string): void {
    const call = this.#calls.get(recordId);
    if (call) call.disposition = disposition;
  }

  view(): DialerView {
    const s = this.#state;
    const now = this.#deps.now();
    const end = this.#endedAt ?? now;
    const paused = this.#pausedMs + (this.#pausedSince === null ? 0 : end - this.#pausedSince);
    const stats = sessionStats([...this.#calls.values()], this.#deps.disposition, end - this.#startedAt - paused);
    const iso = (t: TimerName) => {
      const timer = this.#timers.get(t);
      return timer ? new Date(timer.endsAt).toISOString() : undefined;
    };
    const view: DialerView = { state: s.kind, stats };
    if (s.kind === 'idle') return view;
    Object.assign(view, { sessionId: s.session.id, listId: s.session.listId, mode: s.session.mode });
    const set = <K extends keyof DialerView>(key: K, value: DialerView[K] | undefined) => {
      if (value !== undefined) view[key] = value;
    };
    switch (s.kind) {
      case 'preview':
        set('current', s.target);
        set('countdownEndsAt', iso('countdown'));
        break;
      case 'dialing':
      case 'ringing':
      case 'connected':
        set('current', s.target);
        set('callId', s.callId);
        set('then', s.after);
        break;
      case 'wrap-up':
        set('current', s.target);
        set('callId', s.callId);
        set('recordId', s.recordId);
        set('disposition', s.disposition);
        set('autoDisposition', s.autoDisposition);
        set('then', s.after);
        set('wrapUpEndsAt', iso('wrap-up'));
        set('problem', s.problem);
        if (s.next.status === 'ready') set('next', s.next.target);
        break;
      case 'paused':
        set('pauseReason', s.reason);
        set('problem', s.problem);
        if (s.next.status === 'ready') set('next', s.next.target);
        break;
      case 'stopped':
        set('stopReason', s.reason);
        if (s.reason === 'list-done') {
          set('comesBack', this.#deps.comesBack?.(s.session.listId));
          const reserved = this.#deps.reservedForOthers?.(s.session.listId) ?? 0;
          if (reserved > 0) view.reservedForOthers = reserved;
        }
        set('problem', this.#problem);
        break;
      case 'choosing':
        break;
      case 'interrupted':
        if (s.pending) {
          set('current', s.pending.target);
          set('callId', s.pending.callId);
          set('recordId', s.pending.recordId);
        }
        if (this.#uncertain.length > 0) set('uncertain', this.#uncertain.slice(0, 50));
        break;
    }
    return view;
  }

  #apply(event: DialerEvent): Transition {
    const before = this.#state;
    const result = transition(before, event);
    if (!result.ok) return result;
    this.#state = result.state;
    this.#trackPause(before, result.state);
    for (const effect of result.effects) this.#run(effect);
    this.#noteAhead();
    this.#changed();
    return result;
  }

  /**
   * When the next call will leave as soon as the disposition is on disk (power mode, no wrap-up
   * time, next lead chosen), its dialling note is written at the same time as the disposition
   * rather than after it: two disk writes side by side instead of one after the other. A crash
   * in between only makes that lead "uncertain" (skipped, never dialled twice).
   */
  #noteAhead(): void {
    const s = this.#state;
    if (s.kind !== 'wrap-up' || s.disposition !== 'saving' || s.next.status !== 'ready') return;
    const immediate =
      s.session.mode === 'power' &&
      s.after === 'next' &&
      (s.autoDisposition !== undefined || s.session.timings.wrapUpSeconds === 0);
    const target = s.next.target;
    if (!immediate || this.#noted?.entryId === target.entryId) return;
    const done = this.#deps.beforePlace(target, s.session);
    done.catch(() => undefined); // awaited (and reported) by the placement
    this.#noted = { entryId: target.entryId, done };
  }

  #trackPause(before: DialerState, after: DialerState): void {
    const now = this.#deps.now();
    // Waiting to be resumed after a restart counts as a pause.
    const idle = (s: DialerState) => s.kind === 'paused' || s.kind === 'interrupted';
    if (idle(after) && !idle(before)) this.#pausedSince = now;
    if (idle(before) && !idle(after) && this.#pausedSince !== null) {
      this.#pausedMs += now - this.#pausedSince;
      this.#pausedSince = null;
    }
  }

  #run(effect: Effect): void {
    const d = this.#deps;
    const session = this.session!;
    switch (effect.type) {
      case 'session-started':
        this.#startedAt = d.now();
        this.#pausedMs = 0;
        this.#pausedSince = null;
        this.#endedAt = null;
        this.#problem = undefined;
        this.#calls.clear();
        this.#uncertain = [];
        return;
      case 'session-ended':
        this.#endedAt = d.now();
        this.#uncertain = [];
        for (const t of [...this.#timers.keys()]) this.#cancel(t);
        d.sessionEnded(session).catch((error: unknown) =>
          d.log.error('dialer: the session end was not written', { session: session.id, error: message(error) }),
        );
        return;
      case 'pick-next':
        d.pick(session).then(
          (target) => this.send(target ? { type: 'next-ready', target } : { type: 'list-done' }),
          (error: unknown) => {
            this.#problem = `the next lead could not be chosen: ${message(error)}`;
            d.log.error('dialer: choosing the next lead failed', { session: session.id, error: message(error) });
            this.send({ type: 'list-done' });
          },
        );
        return;
      case 'prepare':
        try {
          d.placer.prepare({ leadId: effect.target.leadId, number: effect.target.number });
        } catch (error) {
          d.log.warn('dialer: preparing the next call failed', { error: message(error) });
        }
        return;
      case 'place': {
        // The lead was chosen earlier (during the wrap-up, or before a preview): ask again now.
        const check = d.recheck(effect.target);
        if (!check.ok) {
          this.send({ type: 'place-refused', skip: check.skip });
          return;
        }
        const noted =
          this.#noted?.entryId === effect.target.entryId ? this.#noted.done : d.beforePlace(effect.target, session);
        this.#noted = undefined;
        noted
          .then(() =>
            d.placer.place({ dialerSessionId: session.id, leadId: effect.target.leadId, number: effect.target.number }),
          )
          .then(
            ({ callId }) => this.#feed({ type: 'call-placed', callId }),
            (error: unknown) => this.#feed({ type: 'place-failed', problem: message(error) }),
          );
        return;
      }
      case 'hangup':
        if (effect.cause === 'ring-timeout')
          d.markRingTimeout(session.id, effect.callId).catch((error: unknown) =>
            d.log.warn('dialer: ring timeout not noted', { error: message(error) }),
          );
        d.placer.hangup({ dialerSessionId: session.id, ...(effect.callId ? { callId: effect.callId } : {}) });
        return;
      case 'start-timer': {
        this.#cancel(effect.timer);
        const generation = ++this.#generation;
        const handle = d.timers.set(() => {
          // A timer cancelled or replaced after it fired must not reach the machine.
          if (this.#timers.get(effect.timer)?.generation !== generation) return;
          this.#timers.delete(effect.timer);
          this.send({ type: timerEvent[effect.timer] });
        }, effect.ms);
        this.#timers.set(effect.timer, { handle, endsAt: d.now() + effect.ms, generation });
        return;
      }
      case 'cancel-timer':
        this.#cancel(effect.timer);
        return;
      case 'save-outcome': {
        const saving = d.saveOutcome(effect, session).then(
          () => {
            this.noteDisposition(effect.recordId, effect.outcome.disposition);
            this.send({ type: 'outcome-saved' });
          },
          (error: unknown) => {
            this.send({ type: 'outcome-failed', problem: message(error) });
            throw error;
          },
        );
        this.#saving = saving;
        saving.catch(() => undefined).finally(() => this.#saving === saving && (this.#saving = null));
        return;
      }
      case 'skip-entry':
        d.skipEntry(effect.target, effect.reason, session).catch((error: unknown) =>
          d.log.error('dialer: the skip was not written', { lead: effect.target.leadId, error: message(error) }),
        );
        return;
      case 'release-entry':
        d.releaseEntry(effect.target, effect.attempted, session).catch((error: unknown) =>
          d.log.error('dialer: the entry was not given back', { lead: effect.target.leadId, error: message(error) }),
        );
        return;
    }
  }

  #cancel(timer: TimerName): void {
    const t = this.#timers.get(timer);
    if (!t) return;
    this.#deps.timers.clear(t.handle);
    this.#timers.delete(timer);
  }

  /** Results of a placement: refused ones are normal after a stop (logged, not thrown). */
  #feed(event: DialerEvent): void {
    const result = this.send(event);
    if (!result.ok) this.#deps.log.info('dialer: late result ignored', { event: event.type, reason: result.reason });
  }

  /**
   * One view per turn of the event loop: a call's end, its disposition and the next lead chosen
   * are often several transitions in a row, and the screen only needs the last of them.
   */
  #changed(): void {
    if (this.#changePending) return;
    this.#changePending = true;
    setImmediate(() => {
      this.#changePending = false;
      try {
        this.#deps.onChange(this.view());
      } catch (error) {
        this.#deps.log.warn('dialer: change listener failed', { error: message(error) });
      }
    });
  }
}

function pick(record: Pick<CallRecord, 'direction' | 'answeredAt' | 'endedAt' | 'disposition'>): SessionCall {
  return {
    direction: record.direction,
    answeredAt: record.answeredAt,
    endedAt: record.endedAt,
    disposition: record.disposition,
  };
}

const timerEvent = {
  countdown: 'countdown-elapsed',
  ring: 'ring-timeout',
  'wrap-up': 'wrap-up-elapsed',
} as const satisfies Record<TimerName, DialerEvent['type']>;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
