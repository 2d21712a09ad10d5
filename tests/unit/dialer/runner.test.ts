import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/core/dialer/machine';
import { DialerRunner, type RunnerDeps, type SaveOutcomeEffect } from '../../../src/core/dialer/runner';
import { silentLogger } from '../../../src/core/log';
import type { SkipReason } from '../../../src/shared/domain/callback-list';
import type { DialTarget, DialerView } from '../../../src/shared/domain/dialer';
import { FakePlacer, ManualTimers, settle } from './fakes';

const target = (n: number): DialTarget => ({
  entryId: `L~${n}`,
  leadId: `lead${n}`,
  number: `+3361234560${n}`,
  name: `Lead ${n}`,
});
const session = (mode: 'preview' | 'power', over: Partial<Session['timings']> = {}): Session => ({
  id: 'S1',
  listId: 'L',
  mode,
  timings: { previewSeconds: 10, ringTimeoutSeconds: 30, wrapUpSeconds: 5, ...over },
});

function setup(targets: DialTarget[]) {
  const timers = new ManualTimers();
  const placer = new FakePlacer();
  const queue = [...targets];
  const log = {
    saved: [] as SaveOutcomeEffect[],
    skipped: [] as string[],
    released: [] as [string, boolean][],
    ringTimeouts: [] as (string | undefined)[],
    views: [] as DialerView[],
    /** Entries noted before their call left, and sessions ended, in order with placements. */
    trail: [] as string[],
  };
  let failSave: Error | undefined;
  let failNote: Error | undefined;
  const refuse = new Map<string, { ok: false; skip: SkipReason }>();
  const deps: RunnerDeps = {
    placer,
    timers,
    now: () => timers.now,
    pick: async () => queue.shift() ?? null,
    saveOutcome: async (effect) => {
      if (failSave) throw failSave;
      log.saved.push(effect);
    },
    recheck: (t) => refuse.get(t.leadId) ?? { ok: true },
    skipEntry: async (t, reason) => void log.skipped.push(reason ? `${t.leadId}: ${reason.kind}` : t.leadId),
    releaseEntry: async (t, attempted) => void log.released.push([t.leadId, attempted]),
    markRingTimeout: async (_s, callId) => void log.ringTimeouts.push(callId),
    beforePlace: async (t) => {
      if (failNote) throw failNote;
      log.trail.push(`noted ${t.leadId}`);
    },
    sessionEnded: async (s) => void log.trail.push(`ended ${s.id}`),
    disposition: (id) => ({ appointment: id === 'appointment-set' }),
    onChange: (view) => log.views.push(view),
    log: silentLogger,
  };
  const runner = new DialerRunner(deps);
  return {
    runner,
    timers,
    placer,
    log,
    failSaves: (e: Error | undefined) => (failSave = e),
    failNotes: (e: Error | undefined) => (failNote = e),
    refuse,
  };
}

describe('dialer runner', () => {
  it('power session: places, rings, ends, saves, and places the next one after the wrap-up time', async () => {
    const { runner, timers, placer, log } = setup([target(1), target(2)]);
    runner.send({ type: 'start', session: session('power') });
    await settle();
    expect(placer.placed).toEqual([{ dialerSessionId: 'S1', leadId: 'lead1', number: '+33612345601' }]);
    await settle();
    expect(runner.state).toMatchObject({ kind: 'dialing', callId: 'c1' });
    runner.send({ type: 'answered', callId: 'c1' });
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1' });
    await settle(); // the next lead is chosen during the wrap-up, and prepared
    expect(runner.view()).toMatchObject({ state: 'wrap-up', disposition: 'needed', next: target(2) });
    expect(placer.prepared).toEqual([{ leadId: 'lead2', number: '+33612345602' }]);
    expect(runner.send({ type: 'dispose', outcome: { disposition: 'answered' } }).ok).toBe(true);
    await runner.saving;
    await settle();
    expect(log.saved).toMatchObject([{ recordId: 'R1', auto: false, outcome: { disposition: 'answered' } }]);
    expect(runner.view()).toMatchObject({ state: 'wrap-up', disposition: 'saved' });
    expect(runner.view().wrapUpEndsAt).toBe(new Date(timers.now + 5000).toISOString());
    timers.advance(4999);
    expect(placer.placed).toHaveLength(1);
    timers.advance(1);
    await settle(); // the entry is noted on disk before the call leaves
    expect(placer.placed.map((p) => p.leadId)).toEqual(['lead1', 'lead2']);
  });

  it('sends the screen one view per turn of the event loop, the last one', async () => {
    const { runner, log } = setup([target(1), target(2)]);
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    await new Promise((r) => setImmediate(r));
    log.views.length = 0;
    runner.send({ type: 'ringing', callId: 'c1' });
    runner.send({ type: 'answered', callId: 'c1' });
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1' });
    expect(log.views).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(log.views).toHaveLength(1);
    expect(log.views[0]).toMatchObject({ state: 'wrap-up', recordId: 'R1' });
  });

  it('the ring timeout tells the recorder, hangs up, and the SIP disposition is saved on its own', async () => {
    const { runner, timers, placer, log } = setup([target(1)]);
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    runner.send({ type: 'ringing', callId: 'c1' });
    timers.advance(30_000);
    expect(log.ringTimeouts).toEqual(['c1']);
    expect(placer.hangups).toEqual([{ dialerSessionId: 'S1', callId: 'c1' }]);
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1', autoDisposition: 'no-answer' });
    await settle();
    expect(log.saved).toMatchObject([{ auto: true, outcome: { disposition: 'no-answer' } }]);
    // Nothing left to call: the session ends.
    expect(runner.view()).toMatchObject({ state: 'stopped', stopReason: 'list-done' });
    expect(timers.pending).toBe(0);
  });

  it('preview: the countdown starts the call; a cancelled countdown never does', async () => {
    const { runner, timers, placer, log } = setup([target(1), target(2)]);
    runner.send({ type: 'start', session: session('preview') });
    await settle();
    expect(runner.view()).toMatchObject({
      state: 'preview',
      current: target(1),
      countdownEndsAt: new Date(timers.now + 10_000).toISOString(),
    });
    runner.send({ type: 'skip' });
    timers.advance(60_000); // the first countdown was cancelled; the second lead's is running
    await settle();
    expect(log.skipped).toEqual(['lead1']);
    expect(runner.state).toMatchObject({ kind: 'preview', target: target(2) });
    timers.advance(10_000);
    await settle();
    expect(placer.placed.map((p) => p.leadId)).toEqual(['lead2']);
  });

  it('checks the lead again just before dialling: refused now, it is skipped with the reason and the next one comes', async () => {
    const { runner, placer, log, refuse, timers } = setup([target(1), target(2)]);
    refuse.set('lead1', {
      ok: false,
      skip: { kind: 'forbidden', reasons: [{ code: 'outside-window' }], at: new Date(timers.now).toISOString() },
    });
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    expect(log.skipped).toEqual(['lead1: forbidden']);
    expect(placer.placed.map((p) => p.leadId)).toEqual(['lead2']);
    expect(runner.state).toMatchObject({ kind: 'dialing', target: target(2) });
    expect(timers.pending).toBe(1); // the second call's ring timeout only
  });

  it('a placement failure pauses with the problem; resume chooses again', async () => {
    const { runner, placer, log } = setup([target(1), target(2)]);
    placer.failWith = 'phone not registered';
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    expect(runner.view()).toMatchObject({ state: 'paused', pauseReason: 'phone', problem: 'phone not registered' });
    expect(log.released).toEqual([['lead1', false]]);
    placer.failWith = undefined;
    expect(runner.send({ type: 'resume' }).ok).toBe(true);
    await settle();
    expect(placer.placed.map((p) => p.leadId)).toEqual(['lead1', 'lead2']);
  });

  it('a failed save is reported to the caller and the disposition is asked again', async () => {
    const { runner, failSaves } = setup([target(1)]);
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    runner.send({ type: 'answered', callId: 'c1' });
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1' });
    failSaves(new Error('disk full'));
    runner.send({ type: 'dispose', outcome: { disposition: 'answered' } });
    await expect(runner.saving).rejects.toThrow('disk full');
    await settle();
    expect(runner.view()).toMatchObject({ state: 'wrap-up', disposition: 'needed', problem: 'disk full' });
  });

  it('counts the session: dialed, connected, appointments, talk time, calls per hour without pauses', async () => {
    const { runner, timers } = setup([target(1)]);
    runner.send({ type: 'start', session: session('preview', { previewSeconds: 0 }) });
    await settle();
    const t0 = timers.now;
    const iso = (ms: number) => new Date(t0 + ms).toISOString();
    runner.noteCall({ id: 'R1', direction: 'outbound', answeredAt: iso(0), endedAt: iso(90_000) });
    runner.noteCall({ id: 'R2', direction: 'outbound' });
    runner.noteDisposition('R1', 'appointment-set');
    timers.advance(30 * 60_000);
    expect(runner.view().stats).toEqual({
      dialed: 2,
      connected: 1,
      contactRate: 0.5,
      appointments: 1,
      talkSeconds: 90,
      callsPerHour: 4,
    });
  });

  it('notes the entry on disk before its call leaves; if that fails, no call leaves', async () => {
    const { runner, placer, log } = setup([target(1), target(2)]);
    placer.onPlace = (r) => log.trail.push(`placed ${r.leadId}`);
    runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    expect(log.trail).toEqual(['noted lead1', 'placed lead1']);
    runner.send({ type: 'stop' });
    await settle();
    expect(log.trail).toEqual(['noted lead1', 'placed lead1', 'ended S1']);

    const other = setup([target(1)]);
    other.failNotes(new Error('disk full'));
    other.runner.send({ type: 'start', session: session('power') });
    await settle();
    await settle();
    expect(other.placer.placed).toEqual([]);
    expect(other.runner.view()).toMatchObject({ state: 'paused', pauseReason: 'phone', problem: 'disk full' });
    expect(other.log.released).toEqual([['lead1', false]]);
  });

  it('power mode without wrap-up time: the next lead is noted while the disposition is saved, once', async () => {
    const { runner, placer, log } = setup([target(1), target(2)]);
    placer.onPlace = (r) => log.trail.push(`placed ${r.leadId}`);
    runner.send({ type: 'start', session: session('power', { wrapUpSeconds: 0 }) });
    await settle();
    await settle();
    runner.send({ type: 'answered', callId: 'c1' });
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1' });
    await settle();
    expect(runner.view()).toMatchObject({ state: 'wrap-up', next: target(2) });
    expect(log.trail).toEqual(['noted lead1', 'placed lead1']);
    runner.send({ type: 'dispose', outcome: { disposition: 'answered' } });
    // Written at once, beside the disposition, not after it.
    expect(log.trail).toEqual(['noted lead1', 'placed lead1', 'noted lead2']);
    await runner.saving;
    await settle();
    expect(log.trail).toEqual(['noted lead1', 'placed lead1', 'noted lead2', 'placed lead2']);
  });

  it('with a wrap-up time, the next lead is noted only when its call leaves', async () => {
    const { runner, timers, placer, log } = setup([target(1), target(2)]);
    placer.onPlace = (r) => log.trail.push(`placed ${r.leadId}`);
    runner.send({ type: 'start', session: session('power', { wrapUpSeconds: 5 }) });
    await settle();
    await settle();
    runner.send({ type: 'answered', callId: 'c1' });
    runner.send({ type: 'ended', callId: 'c1', recordId: 'R1' });
    await settle();
    runner.send({ type: 'dispose', outcome: { disposition: 'answered' } });
    await runner.saving;
    await settle();
    expect(log.trail).toEqual(['noted lead1', 'placed lead1']);
    timers.advance(5000);
    await settle();
    expect(log.trail).toEqual(['noted lead1', 'placed lead1', 'noted lead2', 'placed lead2']);
  });

  it('restores an interrupted session: its calls count, the waiting call is wrapped up first, then the next lead', async () => {
    const { runner, timers, placer, log } = setup([target(2)]);
    const iso = (ms: number) => new Date(timers.now - 600_000 + ms).toISOString();
    const pending = { target: target(1), callId: 'interrupted:R1', recordId: 'R1' };
    const restored = runner.restore({
      session: session('power', { wrapUpSeconds: 0 }),
      activeMs: 600_000,
      calls: [
        { id: 'R0', direction: 'outbound', answeredAt: iso(0), endedAt: iso(60_000), disposition: 'appointment-set' },
        { id: 'R1', direction: 'outbound', answeredAt: iso(120_000) },
      ],
      pending,
      uncertain: [target(3)],
    });
    expect(restored.ok).toBe(true);
    expect(runner.view()).toMatchObject({
      state: 'interrupted',
      sessionId: 'S1',
      current: target(1),
      recordId: 'R1',
      uncertain: [target(3)],
      stats: { dialed: 2, connected: 2, appointments: 1, talkSeconds: 60, callsPerHour: 12 },
    });
    // Waiting to be resumed does not count as session time.
    timers.advance(3_600_000);
    expect(runner.view().stats.callsPerHour).toBe(12);
    expect(placer.placed).toEqual([]);

    runner.send({ type: 'resume' });
    await settle();
    expect(runner.view()).toMatchObject({ state: 'wrap-up', recordId: 'R1', disposition: 'needed', next: target(2) });
    expect(placer.placed).toEqual([]);
    runner.send({ type: 'dispose', outcome: { disposition: 'callback-later' } });
    await settle();
    await settle();
    expect(log.saved.map((e) => [e.recordId, e.outcome.disposition])).toEqual([['R1', 'callback-later']]);
    expect(placer.placed.map((p) => p.leadId)).toEqual(['lead2']);
    expect(runner.restore({ session: session('power'), activeMs: 0, calls: [], uncertain: [] })).toEqual({
      ok: false,
      reason: 'a dialer session is already open',
    });
  });

  it('refuses what the machine refuses, without effects', () => {
    const { runner, placer } = setup([target(1)]);
    expect(runner.send({ type: 'call-now' })).toEqual({
      ok: false,
      reason: '"call-now" is not possible while the session is idle',
    });
    expect(placer.placed).toEqual([]);
  });
});
