import { describe, expect, it } from 'vitest';
import {
  dialerEventTypes,
  transition,
  type DialerEvent,
  type DialerEventType,
  type DialerState,
  type Session,
  type Transition,
} from '../../../src/core/dialer/machine';
import type { DialTarget } from '../../../src/shared/domain/dialer';
import { dialerStateKinds } from '../../../src/shared/domain/dialer';

const timings = { previewSeconds: 10, ringTimeoutSeconds: 30, wrapUpSeconds: 5 };
const preview: Session = { id: 'S1', listId: 'L1', mode: 'preview', timings };
const power: Session = { id: 'S1', listId: 'L1', mode: 'power', timings };
const target = (n: number): DialTarget => ({
  entryId: `L1~lead${n}`,
  leadId: `lead${n}`,
  number: `+3361234567${n}`,
  name: `Lead ${n}`,
});
const A = target(1);
const B = target(2);

/** One event of each type, for the current call `c1`. */
const events: Record<DialerEventType, DialerEvent> = {
  start: { type: 'start', session: preview },
  restore: { type: 'restore', session: power },
  'call-now': { type: 'call-now' },
  skip: { type: 'skip' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
  stop: { type: 'stop' },
  dispose: { type: 'dispose', outcome: { disposition: 'answered' } },
  'next-ready': { type: 'next-ready', target: B },
  'list-done': { type: 'list-done' },
  'call-placed': { type: 'call-placed', callId: 'c1' },
  'place-failed': { type: 'place-failed', problem: 'not registered' },
  'place-refused': {
    type: 'place-refused',
    skip: { kind: 'forbidden', reasons: [{ code: 'holiday' }], at: '2026-03-10T09:00:00.000Z' },
  },
  ringing: { type: 'ringing', callId: 'c1' },
  answered: { type: 'answered', callId: 'c1' },
  ended: { type: 'ended', callId: 'c1', recordId: 'R1' },
  'outcome-saved': { type: 'outcome-saved' },
  'outcome-failed': { type: 'outcome-failed', problem: 'disk full' },
  'countdown-elapsed': { type: 'countdown-elapsed' },
  'ring-timeout': { type: 'ring-timeout' },
  'wrap-up-elapsed': { type: 'wrap-up-elapsed' },
};

const wrapUp = (extra: Partial<Extract<DialerState, { kind: 'wrap-up' }>> = {}): DialerState => ({
  kind: 'wrap-up',
  session: preview,
  target: A,
  callId: 'c1',
  recordId: 'R1',
  disposition: 'needed',
  timer: false,
  next: { status: 'picking' },
  after: 'next',
  ...extra,
});

type Expected = Partial<Record<DialerEventType, DialerState['kind']>>;

/**
 * Every state (with the variants that change what it accepts) and, for each, the events it
 * accepts with the state they lead to. Every other (state, event) pair must be rejected.
 */
const cases: { name: string; state: DialerState; accepts: Expected }[] = [
  { name: 'idle', state: { kind: 'idle' }, accepts: { start: 'choosing', restore: 'interrupted' } },
  {
    name: 'choosing',
    state: { kind: 'choosing', session: preview },
    accepts: { 'next-ready': 'preview', 'list-done': 'stopped', pause: 'paused', stop: 'stopped' },
  },
  {
    name: 'preview with countdown',
    state: { kind: 'preview', session: preview, target: A, countdown: true },
    accepts: {
      'call-now': 'dialing',
      'countdown-elapsed': 'dialing',
      skip: 'choosing',
      pause: 'paused',
      stop: 'stopped',
    },
  },
  {
    name: 'preview waiting for the seller',
    state: { kind: 'preview', session: preview, target: A, countdown: false },
    accepts: { 'call-now': 'dialing', skip: 'choosing', pause: 'paused', stop: 'stopped' },
  },
  {
    name: 'dialing, call id not known yet',
    state: { kind: 'dialing', session: preview, target: A, timedOut: false, after: 'next' },
    accepts: {
      'call-placed': 'dialing',
      'place-failed': 'paused',
      'place-refused': 'choosing',
      ringing: 'ringing',
      answered: 'connected',
      ended: 'wrap-up',
      'ring-timeout': 'dialing',
      pause: 'dialing',
      stop: 'stopped',
    },
  },
  {
    name: 'dialing c1',
    state: { kind: 'dialing', session: preview, target: A, callId: 'c1', timedOut: false, after: 'next' },
    accepts: {
      'call-placed': 'dialing',
      ringing: 'ringing',
      answered: 'connected',
      ended: 'wrap-up',
      'ring-timeout': 'dialing',
      pause: 'dialing',
      stop: 'stopped',
    },
  },
  {
    name: 'dialing c1 after the ring timeout, pausing after',
    state: { kind: 'dialing', session: preview, target: A, callId: 'c1', timedOut: true, after: 'pause' },
    accepts: {
      'call-placed': 'dialing',
      ringing: 'ringing',
      answered: 'connected',
      ended: 'wrap-up',
      resume: 'dialing',
      stop: 'stopped',
    },
  },
  {
    name: 'ringing',
    state: { kind: 'ringing', session: preview, target: A, callId: 'c1', timedOut: false, after: 'next' },
    accepts: {
      'call-placed': 'ringing',
      answered: 'connected',
      ended: 'wrap-up',
      'ring-timeout': 'ringing',
      pause: 'ringing',
      stop: 'stopped',
    },
  },
  {
    name: 'connected',
    state: { kind: 'connected', session: preview, target: A, callId: 'c1', after: 'next' },
    accepts: { 'call-placed': 'connected', ended: 'wrap-up', pause: 'connected', stop: 'connected' },
  },
  {
    name: 'connected, stopping after',
    state: { kind: 'connected', session: preview, target: A, callId: 'c1', after: 'stop' },
    accepts: { 'call-placed': 'connected', ended: 'wrap-up' },
  },
  {
    name: 'wrap-up, disposition needed, next being chosen',
    state: wrapUp(),
    accepts: {
      'call-placed': 'wrap-up',
      dispose: 'wrap-up',
      'next-ready': 'wrap-up',
      'list-done': 'wrap-up',
      pause: 'wrap-up',
      stop: 'wrap-up',
    },
  },
  {
    name: 'wrap-up, disposition being saved',
    state: wrapUp({ disposition: 'saving' }),
    accepts: {
      'call-placed': 'wrap-up',
      'outcome-saved': 'choosing',
      'outcome-failed': 'wrap-up',
      'next-ready': 'wrap-up',
      'list-done': 'wrap-up',
      pause: 'wrap-up',
      stop: 'wrap-up',
    },
  },
  {
    name: 'wrap-up, pausing after, saving',
    state: wrapUp({ disposition: 'saving', after: 'pause' }),
    accepts: {
      'call-placed': 'wrap-up',
      'outcome-saved': 'paused',
      'outcome-failed': 'wrap-up',
      'next-ready': 'wrap-up',
      'list-done': 'wrap-up',
      resume: 'wrap-up',
      stop: 'wrap-up',
    },
  },
  {
    name: 'wrap-up time running (power), next chosen',
    state: wrapUp({ session: power, disposition: 'saved', timer: true, next: { status: 'ready', target: B } }),
    accepts: { 'call-placed': 'wrap-up', 'wrap-up-elapsed': 'dialing', pause: 'paused', stop: 'stopped' },
  },
  {
    name: 'paused with the next lead chosen',
    state: { kind: 'paused', session: preview, reason: 'seller', next: { status: 'ready', target: B } },
    accepts: { resume: 'preview', stop: 'stopped' },
  },
  {
    name: 'paused while the next lead is chosen',
    state: { kind: 'paused', session: preview, reason: 'seller', next: { status: 'picking' } },
    accepts: { resume: 'choosing', stop: 'stopped', 'next-ready': 'paused', 'list-done': 'paused' },
  },
  {
    name: 'paused after a placement failure',
    state: { kind: 'paused', session: power, reason: 'phone', problem: 'x', next: { status: 'unpicked' } },
    accepts: { resume: 'choosing', stop: 'stopped' },
  },
  {
    name: 'interrupted, no call waiting',
    state: { kind: 'interrupted', session: power },
    accepts: { resume: 'choosing', stop: 'stopped' },
  },
  {
    name: 'interrupted with a call waiting for its disposition',
    state: { kind: 'interrupted', session: power, pending: { target: A, callId: 'c0', recordId: 'R0' } },
    accepts: { resume: 'wrap-up', stop: 'stopped' },
  },
  {
    name: 'stopped',
    state: { kind: 'stopped', session: preview, reason: 'seller', picking: false },
    accepts: { start: 'choosing' },
  },
  {
    name: 'stopped while a lead was being chosen',
    state: { kind: 'stopped', session: preview, reason: 'seller', picking: true },
    accepts: { 'next-ready': 'stopped', 'list-done': 'stopped' },
  },
];

const accepted = (t: Transition) => {
  if (!t.ok) throw new Error(`rejected: ${t.reason}`);
  return t;
};
const effectTypes = (t: Transition) => accepted(t).effects.map((e) => e.type);

describe('dialer transition table', () => {
  it('covers every state kind', () => {
    expect(new Set(cases.map((c) => c.state.kind))).toEqual(new Set(dialerStateKinds));
  });

  for (const c of cases) {
    describe(c.name, () => {
      for (const type of dialerEventTypes) {
        const expected = c.accepts[type];
        it(`${type} -> ${expected ?? 'rejected'}`, () => {
          const result = transition(c.state, events[type]);
          if (expected === undefined) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.reason).toMatch(/\w/);
          } else {
            expect(result).toMatchObject({ ok: true, state: { kind: expected } });
          }
        });
      }
    });
  }
});

describe('dialer transitions: effects and reasons', () => {
  it('an interrupted session resumes with the waiting call’s wrap-up, choosing the next lead meanwhile', () => {
    const pending = { target: A, callId: 'interrupted:R0', recordId: 'R0' };
    const restored = accepted(transition({ kind: 'idle' }, { type: 'restore', session: power, pending }));
    expect(restored).toEqual({ ok: true, state: { kind: 'interrupted', session: power, pending }, effects: [] });
    const t = accepted(transition(restored.state, { type: 'resume' }));
    expect(t.state).toEqual({
      kind: 'wrap-up',
      session: power,
      target: A,
      callId: 'interrupted:R0',
      recordId: 'R0',
      disposition: 'needed',
      timer: false,
      next: { status: 'picking' },
      after: 'next',
    });
    expect(t.effects).toEqual([{ type: 'pick-next' }]);
    // The disposition is still required before the next call.
    expect(transition(t.state, { type: 'next-ready', target: B })).toMatchObject({
      ok: true,
      state: { kind: 'wrap-up' },
    });
  });

  it('an interrupted session without a waiting call goes on choosing; stopping gives the waiting lead back, attempted', () => {
    expect(accepted(transition({ kind: 'interrupted', session: power }, { type: 'resume' })).effects).toEqual([
      { type: 'pick-next' },
    ]);
    const pending = { target: A, callId: 'interrupted:R0', recordId: 'R0' };
    const stop = accepted(transition({ kind: 'interrupted', session: power, pending }, { type: 'stop' }));
    expect(stop.state).toEqual({ kind: 'stopped', session: power, reason: 'seller', picking: false });
    expect(stop.effects).toEqual([
      { type: 'release-entry', target: A, attempted: true },
      { type: 'session-ended', reason: 'seller' },
    ]);
    expect(transition({ kind: 'interrupted', session: power }, { type: 'start', session: preview })).toEqual({
      ok: false,
      reason: 'an interrupted session is waiting: resume it or stop it first',
    });
  });

  it('starts by opening the session and choosing the first lead', () => {
    const t = accepted(transition({ kind: 'idle' }, { type: 'start', session: power }));
    expect(t.effects).toEqual([{ type: 'session-started', session: power }, { type: 'pick-next' }]);
  });

  it('previews a chosen lead with its countdown, prepared; without countdown it waits', () => {
    const t = accepted(transition({ kind: 'choosing', session: preview }, { type: 'next-ready', target: A }));
    expect(t.state).toEqual({ kind: 'preview', session: preview, target: A, countdown: true });
    expect(t.effects).toEqual([
      { type: 'prepare', target: A },
      { type: 'start-timer', timer: 'countdown', ms: 10_000 },
    ]);
    const still = { ...preview, timings: { ...timings, previewSeconds: 0 } };
    const w = accepted(transition({ kind: 'choosing', session: still }, { type: 'next-ready', target: A }));
    expect(w.effects).toEqual([{ type: 'prepare', target: A }]);
  });

  it('power mode dials a chosen lead at once, with the ring timeout', () => {
    const t = accepted(transition({ kind: 'choosing', session: power }, { type: 'next-ready', target: A }));
    expect(t.state).toMatchObject({ kind: 'dialing', target: A, timedOut: false, after: 'next' });
    expect(t.effects).toEqual([
      { type: 'place', target: A },
      { type: 'start-timer', timer: 'ring', ms: 30_000 },
    ]);
  });

  it('call now cancels the countdown; skip writes the skip and chooses again', () => {
    const s: DialerState = { kind: 'preview', session: preview, target: A, countdown: true };
    expect(effectTypes(transition(s, { type: 'call-now' }))).toEqual(['cancel-timer', 'place', 'start-timer']);
    expect(accepted(transition(s, { type: 'skip' })).effects).toEqual([
      { type: 'cancel-timer', timer: 'countdown' },
      { type: 'skip-entry', target: A },
      { type: 'pick-next' },
    ]);
  });

  it('adopts the call id once, and refuses events of another call', () => {
    const s: DialerState = { kind: 'dialing', session: power, target: A, timedOut: false, after: 'next' };
    const placed = accepted(transition(s, { type: 'call-placed', callId: 'c1' }));
    expect(placed.state).toMatchObject({ callId: 'c1' });
    expect(transition(placed.state, { type: 'call-placed', callId: 'c1' })).toMatchObject({ ok: true, effects: [] });
    expect(transition(placed.state, { type: 'ringing', callId: 'c2' })).toEqual({
      ok: false,
      reason: "call c2 is not this session's call",
    });
  });

  it('the ring timeout hangs up once, and the end then needs no timer cancel', () => {
    const s: DialerState = { kind: 'ringing', session: power, target: A, callId: 'c1', timedOut: false, after: 'next' };
    const t = accepted(transition(s, { type: 'ring-timeout' }));
    expect(t.effects).toEqual([{ type: 'hangup', callId: 'c1', cause: 'ring-timeout' }]);
    expect(transition(t.state, { type: 'ring-timeout' })).toEqual({
      ok: false,
      reason: 'the ring timeout has already fired',
    });
    const end = accepted(
      transition(t.state, { type: 'ended', callId: 'c1', recordId: 'R1', autoDisposition: 'no-answer' }),
    );
    expect(end.state).toMatchObject({ kind: 'wrap-up', disposition: 'saving', autoDisposition: 'no-answer' });
    expect(end.effects).toEqual([
      { type: 'pick-next' },
      {
        type: 'save-outcome',
        target: A,
        callId: 'c1',
        recordId: 'R1',
        outcome: { disposition: 'no-answer' },
        auto: true,
      },
    ]);
  });

  it('an answered call ends in a wrap-up that needs the seller, while the next lead is chosen', () => {
    const s: DialerState = { kind: 'connected', session: power, target: A, callId: 'c1', after: 'next' };
    const t = accepted(transition(s, { type: 'ended', callId: 'c1', recordId: 'R1' }));
    expect(t.state).toMatchObject({ kind: 'wrap-up', disposition: 'needed', next: { status: 'picking' } });
    expect(t.effects).toEqual([{ type: 'pick-next' }]);
    const ready = accepted(transition(t.state, { type: 'next-ready', target: B }));
    expect(ready.effects).toEqual([{ type: 'prepare', target: B }]);
    const saving = accepted(
      transition(ready.state, { type: 'dispose', outcome: { disposition: 'answered', note: 'ok' } }),
    );
    expect(saving.effects).toEqual([
      {
        type: 'save-outcome',
        target: A,
        callId: 'c1',
        recordId: 'R1',
        outcome: { disposition: 'answered', note: 'ok' },
        auto: false,
      },
    ]);
    expect(transition(saving.state, events.dispose)).toEqual({ ok: false, reason: 'the disposition is being saved' });
    const saved = accepted(transition(saving.state, { type: 'outcome-saved' }));
    expect(saved.state).toMatchObject({ kind: 'wrap-up', disposition: 'saved', timer: true });
    expect(saved.effects).toEqual([{ type: 'start-timer', timer: 'wrap-up', ms: 5000 }]);
    const next = accepted(transition(saved.state, { type: 'wrap-up-elapsed' }));
    expect(next.state).toMatchObject({ kind: 'dialing', target: B });
    expect(next.effects).toEqual([
      { type: 'place', target: B },
      { type: 'start-timer', timer: 'ring', ms: 30_000 },
    ]);
  });

  it('without look-ahead (the bench baseline) the next lead is chosen after the disposition and never prepared', () => {
    const plain: Session = { ...power, timings: { ...timings, wrapUpSeconds: 0 }, prepareNext: false };
    const s: DialerState = { kind: 'connected', session: plain, target: A, callId: 'c1', after: 'next' };
    const t = accepted(transition(s, { type: 'ended', callId: 'c1', recordId: 'R1' }));
    expect(t.state).toMatchObject({ kind: 'wrap-up', disposition: 'needed', next: { status: 'unpicked' } });
    expect(t.effects).toEqual([]);
    const saving = accepted(transition(t.state, events.dispose));
    const saved = accepted(transition(saving.state, { type: 'outcome-saved' }));
    expect(saved.state).toEqual({ kind: 'choosing', session: plain });
    expect(saved.effects).toEqual([{ type: 'pick-next' }]);
    const next = accepted(transition(saved.state, { type: 'next-ready', target: B }));
    expect(next.state).toMatchObject({ kind: 'dialing', target: B });
    expect(next.effects.map((e) => e.type)).toEqual(['place', 'start-timer']);
    // Preview without look-ahead shows the lead but prepares nothing either.
    const shown = accepted(
      transition({ kind: 'choosing', session: { ...preview, prepareNext: false } }, { type: 'next-ready', target: B }),
    );
    expect(shown.effects).toEqual([{ type: 'start-timer', timer: 'countdown', ms: 10_000 }]);
  });

  it('with a wrap-up time of 0 the next call is placed in the same step as the saved disposition', () => {
    const zero = { ...power, timings: { ...timings, wrapUpSeconds: 0 } };
    const s = wrapUp({ session: zero, disposition: 'saving', next: { status: 'ready', target: B } });
    const t = accepted(transition(s, { type: 'outcome-saved' }));
    expect(t.state).toMatchObject({ kind: 'dialing', target: B });
    expect(t.effects[0]).toEqual({ type: 'place', target: B });
  });

  it('a SIP outcome (busy, no answer) goes on without the wrap-up time', () => {
    const s = wrapUp({
      session: power,
      disposition: 'saving',
      autoDisposition: 'busy',
      next: { status: 'ready', target: B },
    });
    expect(accepted(transition(s, { type: 'outcome-saved' })).state).toMatchObject({ kind: 'dialing', target: B });
  });

  it('after the wrap-up: waits for the lead being chosen, or stops when none is left', () => {
    const picking = accepted(transition(wrapUp({ disposition: 'saving' }), { type: 'outcome-saved' }));
    expect(picking).toMatchObject({ state: { kind: 'choosing' }, effects: [] });
    const done = accepted(
      transition(wrapUp({ disposition: 'saving', next: { status: 'exhausted' } }), { type: 'outcome-saved' }),
    );
    expect(done.state).toMatchObject({ kind: 'stopped', reason: 'list-done' });
    expect(done.effects).toEqual([{ type: 'session-ended', reason: 'list-done' }]);
  });

  it('a failed save asks for the disposition again, with the problem', () => {
    const t = accepted(transition(wrapUp({ disposition: 'saving' }), { type: 'outcome-failed', problem: 'disk full' }));
    expect(t.state).toMatchObject({ disposition: 'needed', problem: 'disk full' });
    const again = accepted(transition(t.state, events.dispose));
    expect(again.state).not.toHaveProperty('problem');
  });

  it('stop while dialing cancels the call and gives the entry back (attempted once placed)', () => {
    const before: DialerState = { kind: 'dialing', session: power, target: A, timedOut: false, after: 'next' };
    expect(accepted(transition(before, { type: 'stop' })).effects).toEqual([
      { type: 'cancel-timer', timer: 'ring' },
      { type: 'hangup', cause: 'stop' },
      { type: 'release-entry', target: A, attempted: false },
      { type: 'session-ended', reason: 'seller' },
    ]);
    const placed: DialerState = { ...before, callId: 'c1' };
    expect(accepted(transition(placed, { type: 'stop' })).effects).toContainEqual({
      type: 'release-entry',
      target: A,
      attempted: true,
    });
  });

  it('stop while talking lets the call go on, keeps the disposition mandatory, then stops', () => {
    const s: DialerState = { kind: 'connected', session: power, target: A, callId: 'c1', after: 'next' };
    const stopping = accepted(transition(s, { type: 'stop' }));
    expect(stopping).toMatchObject({ state: { kind: 'connected', after: 'stop' }, effects: [] });
    const wrap = accepted(transition(stopping.state, { type: 'ended', callId: 'c1', recordId: 'R1' }));
    expect(wrap.effects).toEqual([]); // no next lead chosen for a stopping session
    const saving = accepted(transition(wrap.state, events.dispose));
    const end = accepted(transition(saving.state, { type: 'outcome-saved' }));
    expect(end.state).toMatchObject({ kind: 'stopped', reason: 'seller', picking: false });
  });

  it('pause during a call takes effect after its wrap-up, and resume cancels it', () => {
    const s: DialerState = { kind: 'ringing', session: power, target: A, callId: 'c1', timedOut: false, after: 'next' };
    const pausing = accepted(transition(s, { type: 'pause' })).state;
    expect(transition(pausing, { type: 'pause' })).toEqual({
      ok: false,
      reason: 'the session already pauses after this call',
    });
    expect(accepted(transition(pausing, { type: 'resume' })).state).toMatchObject({ after: 'next' });
  });

  it('a pause the page asks for the phone is the phone’s, with its words, and only before a call', () => {
    const phonePause = { type: 'pause', phoneProblem: 'indiquez votre mot de passe SIP' } as const;
    const counting: DialerState = { kind: 'preview', session: preview, target: A, countdown: true };
    const paused = accepted(transition(counting, phonePause));
    expect(paused.state).toEqual({
      kind: 'paused',
      session: preview,
      reason: 'phone',
      problem: 'indiquez votre mot de passe SIP',
      next: { status: 'ready', target: A },
    });
    expect(paused.effects).toEqual([{ type: 'cancel-timer', timer: 'countdown' }]);
    expect(accepted(transition({ kind: 'choosing', session: preview }, phonePause)).state).toMatchObject({
      kind: 'paused',
      reason: 'phone',
    });
    // The seller's own pause stays the seller's.
    expect(accepted(transition(counting, { type: 'pause' })).state).toMatchObject({ reason: 'seller' });
    // Once the call has started, the phone answers for itself (place-failed); the page's late ask is refused.
    const dialing: DialerState = { kind: 'dialing', session: preview, target: A, timedOut: false, after: 'next' };
    expect(transition(dialing, phonePause)).toEqual({ ok: false, reason: 'the call has already started' });
    expect(transition(wrapUp({ timer: true }), phonePause)).toEqual({
      ok: false,
      reason: 'the call has already started',
    });
  });

  it('pause or stop during the wrap-up time ends it at once', () => {
    const s = wrapUp({ session: power, disposition: 'saved', timer: true, next: { status: 'ready', target: B } });
    const paused = accepted(transition(s, { type: 'pause' }));
    expect(paused.state).toEqual({
      kind: 'paused',
      session: power,
      reason: 'seller',
      next: { status: 'ready', target: B },
    });
    expect(paused.effects).toEqual([{ type: 'cancel-timer', timer: 'wrap-up' }]);
    const stopped = accepted(transition(s, { type: 'stop' }));
    expect(stopped.effects).toEqual([
      { type: 'cancel-timer', timer: 'wrap-up' },
      { type: 'release-entry', target: B, attempted: false },
      { type: 'session-ended', reason: 'seller' },
    ]);
  });

  it('a call the rules refuse at the last moment is skipped with the reason, and the next lead chosen', () => {
    const s: DialerState = { kind: 'dialing', session: power, target: A, timedOut: false, after: 'next' };
    const skip = events['place-refused'] as Extract<DialerEvent, { type: 'place-refused' }>;
    expect(accepted(transition(s, skip)).effects).toEqual([
      { type: 'cancel-timer', timer: 'ring' },
      { type: 'skip-entry', target: A, reason: skip.skip },
      { type: 'pick-next' },
    ]);
    expect(accepted(transition({ ...s, after: 'pause' }, skip)).state).toMatchObject({
      kind: 'paused',
      reason: 'seller',
    });
    expect(accepted(transition({ ...s, after: 'stop' }, skip)).state).toMatchObject({ kind: 'stopped' });
  });

  it('a placement failure pauses the session with the problem and gives the entry back', () => {
    const s: DialerState = { kind: 'dialing', session: power, target: A, timedOut: false, after: 'next' };
    const t = accepted(transition(s, { type: 'place-failed', problem: 'phone not registered' }));
    expect(t.state).toMatchObject({ kind: 'paused', reason: 'phone', problem: 'phone not registered' });
    expect(t.effects).toEqual([
      { type: 'cancel-timer', timer: 'ring' },
      { type: 'release-entry', target: A, attempted: false },
    ]);
    expect(accepted(transition(t.state, { type: 'resume' })).effects).toEqual([{ type: 'pick-next' }]);
  });

  it('a lead chosen for a stopped session goes back to the list', () => {
    const s: DialerState = { kind: 'stopped', session: power, reason: 'seller', picking: true };
    expect(accepted(transition(s, { type: 'next-ready', target: B })).effects).toEqual([
      { type: 'release-entry', target: B, attempted: false },
    ]);
    expect(transition(s, { type: 'start', session: power })).toEqual({
      ok: false,
      reason: 'the previous session is still finishing',
    });
  });

  it('names why an event is refused', () => {
    expect(transition({ kind: 'idle' }, { type: 'stop' })).toEqual({
      ok: false,
      reason: 'no dialer session is running',
    });
    expect(transition({ kind: 'choosing', session: power }, events.start)).toEqual({
      ok: false,
      reason: 'a dialer session is already running',
    });
    expect(transition({ kind: 'preview', session: preview, target: A, countdown: true }, events.dispose)).toEqual({
      ok: false,
      reason: '"dispose" is not possible while the session is preview',
    });
  });

  it('never returns an effect for a rejected event and never mutates the state', () => {
    for (const c of cases) {
      const frozen = structuredClone(c.state);
      for (const type of dialerEventTypes) {
        const result: Transition = transition(c.state, events[type]);
        if (!result.ok) expect(result).not.toHaveProperty('effects');
        expect(c.state).toEqual(frozen);
      }
    }
  });
});
