import type { SkipReason } from '../../shared/domain/callback-list';
import type { DialTarget, DialerMode, DialerStateKind } from '../../shared/domain/dialer';
import type { OutcomeInput } from '../../shared/domain/disposition';

/**
 * The dialer session as an explicit state machine: `transition(state, event)` is pure and returns
 * the next state and the effects to run (place a call, start a timer, save an outcome…), or a
 * rejection that names why. The runner (runner.ts) executes effects and feeds results back as
 * events. Every (state, event) pair not in `table` is rejected.
 */

export interface Timings {
  /** Preview: seconds before the call starts by itself; 0 waits for "Call now". */
  previewSeconds: number;
  ringTimeoutSeconds: number;
  /** Power: seconds between the saved disposition and the next call. */
  wrapUpSeconds: number;
}

export interface Session {
  id: string;
  listId: string;
  mode: DialerMode;
  timings: Timings;
  /**
   * false: the next lead is chosen only once the wrap-up is over and no call is prepared (the
   * bench's baseline; set from code only). Default: chosen and prepared during the wrap-up.
   */
  prepareNext?: false;
}

/** What happens once the current call is done. */
export type After = 'next' | 'pause' | 'stop';

/** The lead after the current one: not asked for yet, being chosen, chosen, or none left. */
export type NextSlot =
  { status: 'unpicked' } | { status: 'picking' } | { status: 'ready'; target: DialTarget } | { status: 'exhausted' };

export type DispositionStep = 'needed' | 'saving' | 'saved';

export type DialerState =
  | { kind: 'idle' }
  | { kind: 'choosing'; session: Session }
  | { kind: 'preview'; session: Session; target: DialTarget; countdown: boolean }
  | { kind: 'dialing'; session: Session; target: DialTarget; callId?: string; timedOut: boolean; after: After }
  | { kind: 'ringing'; session: Session; target: DialTarget; callId: string; timedOut: boolean; after: After }
  | { kind: 'connected'; session: Session; target: DialTarget; callId: string; after: After }
  | {
      kind: 'wrap-up';
      session: Session;
      target: DialTarget;
      callId: string;
      recordId: string;
      autoDisposition?: string;
      disposition: DispositionStep;
      problem?: string;
      /** Power mode: the wrap-up time is running (the disposition is saved). */
      timer: boolean;
      next: NextSlot;
      after: After;
    }
  | { kind: 'paused'; session: Session; reason: 'seller' | 'phone'; problem?: string; next: NextSlot }
  | { kind: 'stopped'; session: Session; reason: 'seller' | 'list-done'; picking: boolean }
  /**
   * The app stopped during this session (found on restart). `pending`: the call in progress then,
   * or one ended without its disposition; the seller gives it on resume, before any new call.
   */
  | { kind: 'interrupted'; session: Session; pending?: Pending };

/** An interrupted session's call still waiting for the seller's disposition. */
export interface Pending {
  target: DialTarget;
  callId: string;
  recordId: string;
}

export type DialerEvent =
  | { type: 'start'; session: Session }
  /** On restart: a session the app did not stop is shown as interrupted. */
  | { type: 'restore'; session: Session; pending?: Pending }
  | { type: 'call-now' }
  | { type: 'skip' }
  /** `phoneProblem`: the page pauses because the phone cannot place the coming call. */
  | { type: 'pause'; phoneProblem?: string }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'dispose'; outcome: OutcomeInput }
  | { type: 'next-ready'; target: DialTarget }
  | { type: 'list-done' }
  | { type: 'call-placed'; callId: string }
  | { type: 'place-failed'; problem: string }
  /** Checked again at the last moment, the call is no longer allowed (rules, do-not-call). */
  | { type: 'place-refused'; skip: SkipReason }
  | { type: 'ringing'; callId: string }
  | { type: 'answered'; callId: string }
  | { type: 'ended'; callId: string; recordId: string; autoDisposition?: string }
  | { type: 'outcome-saved' }
  | { type: 'outcome-failed'; problem: string }
  | { type: 'countdown-elapsed' }
  | { type: 'ring-timeout' }
  | { type: 'wrap-up-elapsed' };

export type DialerEventType = DialerEvent['type'];

export const dialerEventTypes = [
  'start',
  'restore',
  'call-now',
  'skip',
  'pause',
  'resume',
  'stop',
  'dispose',
  'next-ready',
  'list-done',
  'call-placed',
  'place-failed',
  'place-refused',
  'ringing',
  'answered',
  'ended',
  'outcome-saved',
  'outcome-failed',
  'countdown-elapsed',
  'ring-timeout',
  'wrap-up-elapsed',
] as const satisfies readonly DialerEventType[];

export type TimerName = 'countdown' | 'ring' | 'wrap-up';

export type Effect =
  | { type: 'session-started'; session: Session }
  | { type: 'session-ended'; reason: 'seller' | 'list-done' }
  /** Choose (and claim) the next lead; answered by `next-ready` or `list-done`. */
  | { type: 'pick-next' }
  | { type: 'prepare'; target: DialTarget }
  /** Answered by `call-placed` or `place-failed`. */
  | { type: 'place'; target: DialTarget }
  | { type: 'hangup'; callId?: string; cause: 'ring-timeout' | 'stop' }
  | { type: 'start-timer'; timer: TimerName; ms: number }
  | { type: 'cancel-timer'; timer: TimerName }
  /** Answered by `outcome-saved` or `outcome-failed`. */
  | { type: 'save-outcome'; target: DialTarget; callId: string; recordId: string; outcome: OutcomeInput; auto: boolean }
  /** Skipped by the seller, or (with `reason`) refused by the rules: written on the entry and the lead. */
  | { type: 'skip-entry'; target: DialTarget; reason?: SkipReason }
  /** The entry goes back to the list; `attempted`: a call was started for it. */
  | { type: 'release-entry'; target: DialTarget; attempted: boolean };

export type Transition = { ok: true; state: DialerState; effects: Effect[] } | { ok: false; reason: string };

type StateOf<K extends DialerStateKind> = Extract<DialerState, { kind: K }>;
type EventOf<T extends DialerEventType> = Extract<DialerEvent, { type: T }>;
type Handler<K extends DialerStateKind, T extends DialerEventType> = (
  state: StateOf<K>,
  event: EventOf<T>,
) => Transition;
type Table = { [K in DialerStateKind]: { [T in DialerEventType]?: Handler<K, T> } };

const ok = (state: DialerState, effects: Effect[] = []): Transition => ({ ok: true, state, effects });
const no = (reason: string): Transition => ({ ok: false, reason });

const SECOND = 1000;

const looksAhead = (session: Session) => session.prepareNext !== false;
const prepare = (session: Session, target: DialTarget): Effect[] =>
  looksAhead(session) ? [{ type: 'prepare', target }] : [];

function enterPreview(session: Session, target: DialTarget): Transition {
  const countdown = session.timings.previewSeconds > 0;
  return ok({ kind: 'preview', session, target, countdown }, [
    ...prepare(session, target),
    ...(countdown ? [startTimer('countdown', session.timings.previewSeconds)] : []),
  ]);
}

function enterDialing(session: Session, target: DialTarget): Transition {
  return ok({ kind: 'dialing', session, target, timedOut: false, after: 'next' }, [
    { type: 'place', target },
    startTimer('ring', session.timings.ringTimeoutSeconds),
  ]);
}

const go = (session: Session, target: DialTarget) =>
  session.mode === 'preview' ? enterPreview(session, target) : enterDialing(session, target);

const startTimer = (timer: TimerName, seconds: number): Effect => ({
  type: 'start-timer',
  timer,
  ms: seconds * SECOND,
});
const cancelTimer = (timer: TimerName): Effect => ({ type: 'cancel-timer', timer });

function stopped(session: Session, reason: 'seller' | 'list-done', next: NextSlot, effects: Effect[] = []): Transition {
  return ok({ kind: 'stopped', session, reason, picking: next.status === 'picking' }, [
    ...effects,
    ...(next.status === 'ready' ? [{ type: 'release-entry', target: next.target, attempted: false } as const] : []),
    { type: 'session-ended', reason },
  ]);
}

/** Resume from a pause, or go on after a wrap-up: the next lead if chosen, else choose one. */
function onward(session: Session, next: NextSlot): Transition {
  switch (next.status) {
    case 'ready':
      return go(session, next.target);
    case 'picking':
      return ok({ kind: 'choosing', session });
    case 'unpicked':
    case 'exhausted': // more entries may have come due since
      return ok({ kind: 'choosing', session }, [{ type: 'pick-next' }]);
  }
}

/** The wrap-up is over (disposition saved, wrap-up time elapsed or not needed). */
function endWrapUp(s: StateOf<'wrap-up'>, effects: Effect[] = []): Transition {
  const then = (t: Transition): Transition => (t.ok ? { ...t, effects: [...effects, ...t.effects] } : t);
  if (s.after === 'stop') return then(stopped(s.session, 'seller', s.next));
  if (s.after === 'pause') return then(ok({ kind: 'paused', session: s.session, reason: 'seller', next: s.next }));
  if (s.next.status === 'exhausted') return then(stopped(s.session, 'list-done', s.next));
  return then(onward(s.session, s.next));
}

/** `after` can move from `next` to `pause` or `stop` while a call is on, and back from `pause`. */
function pauseLater<S extends { after: After }>(s: S): Transition | S {
  if (s.after === 'pause') return no('the session already pauses after this call');
  if (s.after === 'stop') return no('the session stops after this call');
  return { ...s, after: 'pause' };
}
function resumeLater<S extends { after: After }>(s: S): Transition | S {
  if (s.after !== 'pause') return no('the session is not paused');
  return { ...s, after: 'next' };
}
/** A pause for the phone comes before a call: once one has started, the phone answers for itself. */
function pauseInCall<S extends DialerState & { after: After }>(s: S, e: EventOf<'pause'>): Transition {
  return e.phoneProblem !== undefined ? no('the call has already started') : lift(pauseLater(s));
}
/** Paused before a call: the seller's pause, or the phone's when the page says it cannot call. */
const pausedBy = (e: EventOf<'pause'>) =>
  e.phoneProblem !== undefined ? { reason: 'phone' as const, problem: e.phoneProblem } : { reason: 'seller' as const };
const isTransition = (x: unknown): x is Transition => typeof x === 'object' && x !== null && 'ok' in x;
const lift = <S extends DialerState>(x: Transition | S): Transition => (isTransition(x) ? x : ok(x));

/** The call events of the session's call only; a dialing state without a call id adopts the first. */
function sameCall(s: { callId?: string }, callId: string): boolean {
  return s.callId === undefined || s.callId === callId;
}
const otherCall = (callId: string) => no(`call ${callId} is not this session's call`);

function callEnded(s: StateOf<'dialing'> | StateOf<'ringing'> | StateOf<'connected'>, e: EventOf<'ended'>): Transition {
  if (!sameCall(s, e.callId)) return otherCall(e.callId);
  const ringing = s.kind !== 'connected' && !s.timedOut;
  const auto = e.autoDisposition;
  const next: NextSlot = s.after === 'stop' || !looksAhead(s.session) ? { status: 'unpicked' } : { status: 'picking' };
  const wrap: StateOf<'wrap-up'> = {
    kind: 'wrap-up',
    session: s.session,
    target: s.target,
    callId: e.callId,
    recordId: e.recordId,
    ...(auto ? { autoDisposition: auto } : {}),
    disposition: auto ? 'saving' : 'needed',
    timer: false,
    next,
    after: s.after,
  };
  return ok(wrap, [
    ...(ringing ? [cancelTimer('ring')] : []),
    // The next lead is chosen while this call is wrapped up, so it can start at once.
    ...(next.status === 'picking' ? [{ type: 'pick-next' } as const] : []),
    ...(auto
      ? [
          {
            type: 'save-outcome',
            target: s.target,
            callId: e.callId,
            recordId: e.recordId,
            outcome: { disposition: auto },
            auto: true,
          } as const,
        ]
      : []),
  ]);
}

/** Stop while a call is being set up: cancel it, give the entry back. */
function stopDialing(s: StateOf<'dialing'> | StateOf<'ringing'>): Transition {
  if (s.after === 'stop') return no('the session is already stopping');
  return stopped(s.session, 'seller', { status: 'unpicked' }, [
    ...(s.timedOut ? [] : [cancelTimer('ring')]),
    { type: 'hangup', ...(s.callId ? { callId: s.callId } : {}), cause: 'stop' },
    { type: 'release-entry', target: s.target, attempted: s.callId !== undefined },
  ]);
}

function ringTimeout(s: StateOf<'dialing'> | StateOf<'ringing'>): Transition {
  if (s.timedOut) return no('the ring timeout has already fired');
  return ok({ ...s, timedOut: true }, [
    { type: 'hangup', ...(s.callId ? { callId: s.callId } : {}), cause: 'ring-timeout' },
  ]);
}

/** A duplicate report of the current call's start (place() and the `started` event both say it). */
function samePlaced(s: { callId: string }, e: EventOf<'call-placed'>): Transition {
  return s.callId === e.callId ? ok(s as DialerState) : otherCall(e.callId);
}

function callAnswered(s: StateOf<'dialing'> | StateOf<'ringing'>, e: EventOf<'answered'>): Transition {
  if (!sameCall(s, e.callId)) return otherCall(e.callId);
  return ok({ kind: 'connected', session: s.session, target: s.target, callId: e.callId, after: s.after }, [
    ...(s.timedOut ? [] : [cancelTimer('ring')]),
  ]);
}

/** The lead after the current one was being chosen during a wrap-up or a pause: it is known now. */
function nextChosen<S extends StateOf<'wrap-up'> | StateOf<'paused'>>(s: S, e: EventOf<'next-ready'>): Transition {
  if (s.next.status !== 'picking') return no('no lead was being chosen');
  return ok({ ...s, next: { status: 'ready', target: e.target } }, prepare(s.session, e.target));
}

function noneLeft<S extends StateOf<'wrap-up'> | StateOf<'paused'>>(s: S): Transition {
  return s.next.status === 'picking' ? ok({ ...s, next: { status: 'exhausted' } }) : no('no lead was being chosen');
}

const table: Table = {
  idle: {
    start: (_s, e) =>
      ok({ kind: 'choosing', session: e.session }, [
        { type: 'session-started', session: e.session },
        { type: 'pick-next' },
      ]),
    restore: (_s, e) => ok({ kind: 'interrupted', session: e.session, ...(e.pending ? { pending: e.pending } : {}) }),
  },

  interrupted: {
    // Where it stopped: the call without its disposition first (the seller gives it), then on.
    resume: (s) =>
      s.pending
        ? ok(
            {
              kind: 'wrap-up',
              session: s.session,
              target: s.pending.target,
              callId: s.pending.callId,
              recordId: s.pending.recordId,
              disposition: 'needed',
              timer: false,
              next: looksAhead(s.session) ? { status: 'picking' } : { status: 'unpicked' },
              after: 'next',
            },
            looksAhead(s.session) ? [{ type: 'pick-next' }] : [],
          )
        : ok({ kind: 'choosing', session: s.session }, [{ type: 'pick-next' }]),
    // The call stays in the log without a disposition ("to qualify"); its lead goes back to the list.
    stop: (s) =>
      stopped(s.session, 'seller', { status: 'unpicked' }, [
        ...(s.pending ? [{ type: 'release-entry', target: s.pending.target, attempted: true } as const] : []),
      ]),
    start: () => no('an interrupted session is waiting: resume it or stop it first'),
  },

  choosing: {
    'next-ready': (s, e) => go(s.session, e.target),
    'list-done': (s) => stopped(s.session, 'list-done', { status: 'unpicked' }),
    pause: (s, e) => ok({ kind: 'paused', session: s.session, ...pausedBy(e), next: { status: 'picking' } }),
    stop: (s) => stopped(s.session, 'seller', { status: 'picking' }),
  },

  preview: {
    'call-now': (s) => withFirst(s.countdown ? [cancelTimer('countdown')] : [], enterDialing(s.session, s.target)),
    'countdown-elapsed': (s) => (s.countdown ? enterDialing(s.session, s.target) : no('no countdown is running')),
    skip: (s) =>
      ok({ kind: 'choosing', session: s.session }, [
        ...(s.countdown ? [cancelTimer('countdown')] : []),
        { type: 'skip-entry', target: s.target },
        { type: 'pick-next' },
      ]),
    pause: (s, e) =>
      ok({ kind: 'paused', session: s.session, ...pausedBy(e), next: { status: 'ready', target: s.target } }, [
        ...(s.countdown ? [cancelTimer('countdown')] : []),
      ]),
    stop: (s) =>
      stopped(s.session, 'seller', { status: 'unpicked' }, [
        ...(s.countdown ? [cancelTimer('countdown')] : []),
        { type: 'release-entry', target: s.target, attempted: false },
      ]),
  },

  dialing: {
    'call-placed': (s, e) => {
      if (s.callId === undefined) return ok({ ...s, callId: e.callId });
      return samePlaced({ ...s, callId: s.callId }, e);
    },
    'place-failed': (s, e) => {
      if (s.callId !== undefined) return no('the call has already started');
      const effects: Effect[] = [
        ...(s.timedOut ? [] : [cancelTimer('ring')]),
        { type: 'release-entry', target: s.target, attempted: false },
      ];
      if (s.after === 'stop') return stopped(s.session, 'seller', { status: 'unpicked' }, effects);
      return ok(
        { kind: 'paused', session: s.session, reason: 'phone', problem: e.problem, next: { status: 'unpicked' } },
        effects,
      );
    },
    'place-refused': (s, e) => {
      if (s.callId !== undefined) return no('the call has already started');
      const effects: Effect[] = [
        ...(s.timedOut ? [] : [cancelTimer('ring')]),
        { type: 'skip-entry', target: s.target, reason: e.skip },
      ];
      if (s.after === 'stop') return stopped(s.session, 'seller', { status: 'unpicked' }, effects);
      if (s.after === 'pause')
        return ok({ kind: 'paused', session: s.session, reason: 'seller', next: { status: 'unpicked' } }, effects);
      return ok({ kind: 'choosing', session: s.session }, [...effects, { type: 'pick-next' }]);
    },
    ringing: (s, e) =>
      sameCall(s, e.callId)
        ? ok({
            kind: 'ringing',
            session: s.session,
            target: s.target,
            callId: e.callId,
            timedOut: s.timedOut,
            after: s.after,
          })
        : otherCall(e.callId),
    answered: callAnswered,
    ended: callEnded,
    'ring-timeout': ringTimeout,
    pause: pauseInCall,
    resume: (s) => lift(resumeLater(s)),
    stop: stopDialing,
  },

  ringing: {
    'call-placed': samePlaced,
    answered: callAnswered,
    ended: callEnded,
    'ring-timeout': ringTimeout,
    pause: pauseInCall,
    resume: (s) => lift(resumeLater(s)),
    stop: stopDialing,
  },

  connected: {
    'call-placed': samePlaced,
    ended: callEnded,
    pause: pauseInCall,
    resume: (s) => lift(resumeLater(s)),
    // The seller is talking: the call goes on, the session stops once it is wrapped up.
    stop: (s) => (s.after === 'stop' ? no('the session already stops after this call') : ok({ ...s, after: 'stop' })),
  },

  'wrap-up': {
    'call-placed': samePlaced,
    dispose: (s, e) => {
      if (s.disposition === 'saving') return no('the disposition is being saved');
      if (s.disposition === 'saved') return no('this call’s disposition is already saved');
      const { problem: _problem, ...rest } = s;
      return ok({ ...rest, disposition: 'saving' }, [
        {
          type: 'save-outcome',
          target: s.target,
          callId: s.callId,
          recordId: s.recordId,
          outcome: e.outcome,
          auto: false,
        },
      ]);
    },
    'outcome-saved': (s) => {
      if (s.disposition !== 'saving') return no('no disposition is being saved');
      const saved: StateOf<'wrap-up'> = { ...s, disposition: 'saved' };
      // The wrap-up time is the seller's, after a conversation: a SIP outcome (busy, no answer) needs none.
      const wait =
        s.after === 'next' &&
        s.session.mode === 'power' &&
        s.session.timings.wrapUpSeconds > 0 &&
        s.autoDisposition === undefined;
      if (wait) return ok({ ...saved, timer: true }, [startTimer('wrap-up', s.session.timings.wrapUpSeconds)]);
      return endWrapUp(saved);
    },
    'outcome-failed': (s, e) =>
      s.disposition === 'saving'
        ? ok({ ...s, disposition: 'needed', problem: e.problem })
        : no('no disposition is being saved'),
    'wrap-up-elapsed': (s) => (s.timer ? endWrapUp({ ...s, timer: false }) : no('no wrap-up time is running')),
    'next-ready': nextChosen,
    'list-done': noneLeft,
    pause: (s, e) => {
      if (e.phoneProblem !== undefined) return no('the call has already started');
      const later = pauseLater(s);
      if (isTransition(later)) return later;
      return s.timer ? endWrapUp({ ...later, timer: false }, [cancelTimer('wrap-up')]) : ok(later);
    },
    resume: (s) => lift(resumeLater(s)),
    stop: (s) => {
      if (s.after === 'stop') return no('the session already stops after this call');
      // The disposition stays mandatory: the session stops once it is saved.
      const later: StateOf<'wrap-up'> = { ...s, after: 'stop' };
      return s.timer ? endWrapUp({ ...later, timer: false }, [cancelTimer('wrap-up')]) : ok(later);
    },
  },

  paused: {
    resume: (s) => onward(s.session, s.next),
    stop: (s) => stopped(s.session, 'seller', s.next),
    'next-ready': nextChosen,
    'list-done': noneLeft,
  },

  stopped: {
    start: (s, e) =>
      s.picking
        ? no('the previous session is still finishing')
        : ok({ kind: 'choosing', session: e.session }, [
            { type: 'session-started', session: e.session },
            { type: 'pick-next' },
          ]),
    // A lead chosen for a session that has stopped goes back to its list.
    'next-ready': (s, e) =>
      s.picking
        ? ok({ ...s, picking: false }, [{ type: 'release-entry', target: e.target, attempted: false }])
        : no('no lead was being chosen'),
    'list-done': (s) => (s.picking ? ok({ ...s, picking: false }) : no('no lead was being chosen')),
  },
};

function withFirst(effects: Effect[], t: Transition): Transition {
  return t.ok ? { ...t, effects: [...effects, ...t.effects] } : t;
}

const noSession: Partial<Record<DialerEventType, string>> = {
  pause: 'no dialer session is running',
  resume: 'no dialer session is running',
  stop: 'no dialer session is running',
};

/** The next state and effects, or why `event` is not possible in `state`. Pure. */
export function transition(state: DialerState, event: DialerEvent): Transition {
  const handler = table[state.kind][event.type] as ((s: DialerState, e: DialerEvent) => Transition) | undefined;
  if (handler) return handler(state, event);
  if ((state.kind === 'idle' || state.kind === 'stopped') && noSession[event.type]) return no(noSession[event.type]!);
  if (event.type === 'start') return no('a dialer session is already running');
  return no(`"${event.type}" is not possible while the session is ${state.kind}`);
}

/** The (state, event) pairs the table accepts in principle (a handler may still refuse). */
export function handledEvents(kind: DialerStateKind): DialerEventType[] {
  return dialerEventTypes.filter((t) => table[kind][t] !== undefined);
}
