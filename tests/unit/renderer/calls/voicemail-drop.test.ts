import { describe, expect, it } from 'vitest';
import {
  dropBlock,
  dropBusy,
  runVoicemailDrop,
  type DropState,
  type DropSteps,
} from '../../../../src/renderer/calls/voicemail-drop';

function fakeSteps(overrides: Partial<DropSteps> & { liveAfterPlay?: boolean } = {}) {
  const calls: string[] = [];
  let live = true;
  const steps: DropSteps = {
    fetchDefault: async () => {
      calls.push('fetch');
      return { id: 'M1', name: 'Accueil', audio: new ArrayBuffer(8) };
    },
    play: async () => {
      calls.push('play');
      if (overrides.liveAfterPlay === false) live = false;
    },
    isLive: () => live,
    hangup: async () => {
      calls.push('hangup');
      live = false;
    },
    log: async (id) => {
      calls.push(`log:${id}`);
      return 'logged';
    },
    ...overrides,
  };
  return { steps, calls };
}

async function run(steps: DropSteps) {
  const states: DropState['kind'][] = [];
  const end = await runVoicemailDrop(steps, (s) => states.push(s.kind));
  return { end, states };
}

describe('voicemail drop steps', () => {
  it('plays the default message, hangs up, then logs "voicemail left"', async () => {
    const { steps, calls } = fakeSteps();
    const { end, states } = await run(steps);
    expect(calls).toEqual(['fetch', 'play', 'hangup', 'log:M1']);
    expect(states).toEqual(['fetching', 'playing', 'hanging-up', 'logging', 'done']);
    expect(end).toEqual({ kind: 'done', logged: 'logged' });
  });

  it('does not hang up again a call the answering machine ended during the message', async () => {
    const { steps, calls } = fakeSteps({ liveAfterPlay: false });
    const { end } = await run(steps);
    expect(calls).toEqual(['fetch', 'play', 'log:M1']);
    expect(end.kind).toBe('done');
  });

  it('leaves the call up when the message cannot be fetched or played', async () => {
    const noMessage = fakeSteps({
      fetchDefault: async () => {
        throw new Error('Élément introuvable.');
      },
    });
    expect((await run(noMessage.steps)).end).toEqual({
      kind: 'failed',
      step: 'fetch',
      message: 'Élément introuvable.',
    });
    expect(noMessage.calls).toEqual([]);

    const cannotPlay = fakeSteps({
      play: async () => {
        throw new Error('the call has no audio sender');
      },
    });
    expect((await run(cannotPlay.steps)).end).toMatchObject({ kind: 'failed', step: 'play' });
    expect(cannotPlay.calls).toEqual(['fetch']);
  });

  it('says so when hanging up fails on a live call, and logs when the call ended anyway', async () => {
    const stuck = fakeSteps({
      hangup: async () => {
        throw new Error('BYE refused');
      },
    });
    expect((await run(stuck.steps)).end).toEqual({ kind: 'failed', step: 'hangup', message: 'BYE refused' });

    let live = true;
    const raced = fakeSteps({
      isLive: () => live,
      hangup: async () => {
        live = false; // the other side's BYE won the race
        throw new Error('call already ended');
      },
    });
    expect((await run(raced.steps)).end).toEqual({ kind: 'done', logged: 'logged' });
  });

  it('reports a pending log and a failed one', async () => {
    expect((await run(fakeSteps({ log: async () => 'pending' }).steps)).end).toEqual({
      kind: 'done',
      logged: 'pending',
    });
    const failing = fakeSteps({
      log: async () => {
        throw new Error('Connexion perdue');
      },
    });
    expect((await run(failing.steps)).end).toEqual({ kind: 'failed', step: 'log', message: 'Connexion perdue' });
  });

  it('is busy from fetching to logging only', () => {
    expect(dropBusy({ kind: 'playing', name: 'x' })).toBe(true);
    expect(dropBusy({ kind: 'logging' })).toBe(true);
    expect(dropBusy({ kind: 'idle' })).toBe(false);
    expect(dropBusy({ kind: 'done', logged: 'logged' })).toBe(false);
  });
});

describe('why the button is disabled', () => {
  const ready = {
    state: { kind: 'idle' } as DropState,
    callState: 'active' as const,
    verdict: { allowed: true } as const,
    hasDefault: true,
  };
  it('allows a drop on an answered call with consent and a default message', () => {
    expect(dropBlock(ready)).toBeUndefined();
  });
  it('gives the first reason that applies', () => {
    expect(dropBlock({ ...ready, callState: 'ringing' })).toEqual({ kind: 'not-answered' });
    expect(dropBlock({ ...ready, callState: 'held' })).toEqual({ kind: 'not-answered' });
    expect(dropBlock({ ...ready, verdict: null })).toEqual({ kind: 'checking' });
    expect(dropBlock({ ...ready, hasDefault: null })).toEqual({ kind: 'checking' });
    expect(dropBlock({ ...ready, verdict: 'unavailable' })).toEqual({ kind: 'cannot-check' });
    const reasons = [{ code: 'voicemail-needs-consent' as const, number: '+33612345678' }];
    expect(dropBlock({ ...ready, verdict: { allowed: false, reasons }, hasDefault: false })).toEqual({
      kind: 'rules',
      reasons,
    });
    expect(dropBlock({ ...ready, hasDefault: false })).toEqual({ kind: 'no-default' });
  });
  it('never blocks a drop already under way (the call ends during it)', () => {
    expect(dropBlock({ ...ready, state: { kind: 'hanging-up' }, callState: 'ended' })).toBeUndefined();
  });
});
