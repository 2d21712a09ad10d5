import { describe, expect, it } from 'vitest';
import {
  INITIAL_BACKOFF,
  RECOVERY_BACKOFF,
  backoffDelayMs,
  describeTransportProblem,
  nextRegistration,
  type RegistrationContext,
  type RegistrationEvent,
} from '../../../src/renderer/phone/engine/registration-machine';
import type { RegistrationState } from '../../../src/renderer/phone/engine/types';

const ctx = (over: Partial<RegistrationContext> = {}): RegistrationContext => ({
  now: 10_000,
  random: () => 0,
  everRegistered: false,
  ...over,
});

function step(state: RegistrationState, event: RegistrationEvent, c = ctx()) {
  const r = nextRegistration(state, event, c);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('reconnect backoff', () => {
  it('doubles up to the ceiling', () => {
    const raw = [1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, RECOVERY_BACKOFF, () => 0));
    expect(raw).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect(backoffDelayMs(10, INITIAL_BACKOFF, () => 0)).toBe(30_000);
  });

  it('takes off up to `jitter` of the delay, never more, never less than the rest', () => {
    expect(backoffDelayMs(3, RECOVERY_BACKOFF, () => 0.999999)).toBe(1000);
    expect(backoffDelayMs(3, RECOVERY_BACKOFF, () => 0.5)).toBe(1500);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(4, RECOVERY_BACKOFF, Math.random);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('never plans a shorter wait for a later attempt below the ceiling, whatever the jitter draws', () => {
    for (let a = 1; a < 4; a++) {
      const longestNow = backoffDelayMs(a, RECOVERY_BACKOFF, () => 0);
      const shortestNext = backoffDelayMs(a + 1, RECOVERY_BACKOFF, () => 1);
      expect(shortestNext).toBeGreaterThanOrEqual(longestNow);
    }
    // At the ceiling the jitter still spreads the phones out.
    expect(backoffDelayMs(9, RECOVERY_BACKOFF, () => 1)).toBe(2000);
  });

  it('keeps the gap after a drop under 5 s so a returning server is used at once', () => {
    expect(Math.max(...[1, 5, 50].map((a) => backoffDelayMs(a, RECOVERY_BACKOFF, () => 0)))).toBeLessThan(5000);
  });

  it('refuses a nonsense attempt number', () => {
    expect(() => backoffDelayMs(0, RECOVERY_BACKOFF, Math.random)).toThrow(/positive integer/);
  });
});

describe('registration machine', () => {
  it('connects and registers', () => {
    const a = step({ kind: 'unconfigured' }, { type: 'start' });
    expect(a.state).toEqual({ kind: 'connecting', attempt: 1 });
    expect(step(a.state, { type: 'registered' }).state).toEqual({ kind: 'registered', since: 10_000 });
  });

  it('gives up on wrong credentials or an unknown user, without retrying', () => {
    const connecting: RegistrationState = { kind: 'connecting', attempt: 1 };
    const denied = step(connecting, { type: 'register-rejected', code: 403, reason: 'Forbidden' });
    expect(denied.state).toEqual({ kind: 'failed', reason: 'unauthorized', code: 403, detail: '403 Forbidden' });
    expect(denied.retryInMs).toBeUndefined();
    expect(step(connecting, { type: 'register-rejected', code: 401, reason: '' }).state).toMatchObject({
      reason: 'unauthorized',
    });
    expect(step(connecting, { type: 'register-rejected', code: 404, reason: 'Not Found' }).state).toMatchObject({
      kind: 'failed',
      reason: 'not-found',
    });
    expect(step(connecting, { type: 'register-rejected', code: 420, reason: 'Bad Extension' }).state).toMatchObject({
      kind: 'failed',
      reason: 'rejected',
    });
  });

  it('retries server trouble and transport loss with growing delays', () => {
    let s: RegistrationState = { kind: 'connecting', attempt: 1 };
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = step(s, { type: 'transport-failed', problem: 'unreachable', detail: '' });
      expect(r.state.kind).toBe('reconnecting');
      delays.push(r.retryInMs!);
      s = step(r.state, { type: 'retry' }).state;
    }
    expect(delays).toEqual([2000, 4000, 8000, 16_000]);
    expect(s).toEqual({ kind: 'connecting', attempt: 5 });
    const busy = step(
      { kind: 'connecting', attempt: 1 },
      { type: 'register-rejected', code: 503, reason: 'Service Unavailable' },
    );
    expect(busy.state).toMatchObject({ kind: 'reconnecting', attempt: 2, lastError: '503 Service Unavailable' });
  });

  it('restarts quickly after a drop from registered, and says why', () => {
    const r = step(
      { kind: 'registered', since: 1 },
      { type: 'transport-failed', problem: 'closed', detail: 'code: 1006' },
      ctx({ everRegistered: true }),
    );
    expect(r.state).toEqual({
      kind: 'reconnecting',
      attempt: 1,
      retryAt: 10_500,
      lastError: 'server closed the connection (code: 1006)',
    });
    expect(r.retryInMs).toBe(500);
  });

  it('rejects events that make no sense in the current state', () => {
    expect(nextRegistration({ kind: 'registered', since: 1 }, { type: 'retry' }, ctx())).toEqual({
      ok: false,
      error: 'registration event retry is not expected while registered',
    });
    expect(
      nextRegistration(
        { kind: 'reconnecting', attempt: 2, retryAt: 1, lastError: '' },
        { type: 'transport-failed', problem: 'closed', detail: '' },
        ctx(),
      ).ok,
    ).toBe(false);
    expect(
      nextRegistration({ kind: 'failed', reason: 'unauthorized', detail: '' }, { type: 'registered' }, ctx()).ok,
    ).toBe(false);
  });

  it('stops from anywhere', () => {
    expect(step({ kind: 'registered', since: 1 }, { type: 'stop' }).state).toEqual({ kind: 'unregistered' });
    expect(step({ kind: 'unconfigured' }, { type: 'stop' }).state).toEqual({ kind: 'unconfigured' });
  });

  it('words transport problems for the status line', () => {
    expect(describeTransportProblem('keep-alive', '')).toBe('connection stopped answering keep-alive pings');
    expect(describeTransportProblem('tls', 'bad certificate')).toBe('secure connection (TLS) failed (bad certificate)');
  });
});
