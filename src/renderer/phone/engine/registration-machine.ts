// Registration as explicit states with a pure transition function, and the reconnect backoff.
// The engine feeds it transport and REGISTER outcomes and arms a timer when it asks to retry.
import { classifyRegisterFailure } from './sip-status';
import type { RegistrationFailure, RegistrationState } from './types';

export interface BackoffPolicy {
  /** First delay before jitter. */
  baseMs: number;
  factor: number;
  /** Ceiling before jitter. */
  maxMs: number;
  /** Share of the delay that is randomised (0..1): delay is in [raw * (1 - jitter), raw]. */
  jitter: number;
}

/**
 * After a drop (we were registered): short delays and a low ceiling, so the phone is back within a
 * few seconds of the server's return. A server that keeps refusing still gets at most one attempt
 * per 2-4 s from each phone: no storm.
 */
export const RECOVERY_BACKOFF: BackoffPolicy = { baseMs: 500, factor: 2, maxMs: 4000, jitter: 0.5 };
/** Never registered since the account was set: more likely a wrong address, so back off further. */
export const INITIAL_BACKOFF: BackoffPolicy = { baseMs: 1000, factor: 2, maxMs: 30_000, jitter: 0.5 };

/** Delay before attempt `attempt` (1-based) of a retry series. `random` returns [0, 1). */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`attempt must be a positive integer, got ${attempt}`);
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(raw * (1 - policy.jitter * r));
}

export type TransportProblem = 'unreachable' | 'tls' | 'timeout' | 'closed' | 'keep-alive';

export type RegistrationEvent =
  | { type: 'start' }
  | { type: 'registered' }
  | { type: 'register-rejected'; code: number; reason: string }
  /** The WebSocket could not open, closed, or stopped answering. */
  | { type: 'transport-failed'; problem: TransportProblem; detail: string }
  /** The backoff timer fired. */
  | { type: 'retry' }
  | { type: 'stop' };

export interface RegistrationContext {
  now: number;
  random: () => number;
  /** Registered at least once since the account was set (chooses the backoff). */
  everRegistered: boolean;
}

export type RegistrationStep =
  { ok: true; state: RegistrationState; retryInMs?: number } | { ok: false; error: string };

function retry(attempt: number, lastError: string, ctx: RegistrationContext): RegistrationStep {
  const policy = ctx.everRegistered ? RECOVERY_BACKOFF : INITIAL_BACKOFF;
  const retryInMs = backoffDelayMs(attempt, policy, ctx.random);
  return { ok: true, state: { kind: 'reconnecting', attempt, retryAt: ctx.now + retryInMs, lastError }, retryInMs };
}

const TRANSPORT_WORDS: Record<TransportProblem, string> = {
  unreachable: 'server unreachable',
  tls: 'secure connection (TLS) failed',
  timeout: 'server did not answer in time',
  closed: 'server closed the connection',
  'keep-alive': 'connection stopped answering keep-alive pings',
};

export const describeTransportProblem = (problem: TransportProblem, detail: string): string =>
  detail ? `${TRANSPORT_WORDS[problem]} (${detail})` : TRANSPORT_WORDS[problem];

/** Attempt number of the series the state is in (1 when none). */
const attemptOf = (state: RegistrationState): number =>
  state.kind === 'connecting' || state.kind === 'reconnecting' ? state.attempt : 0;

/** Pure: where a registration event leads, and whether to arm the retry timer. */
export function nextRegistration(
  state: RegistrationState,
  event: RegistrationEvent,
  ctx: RegistrationContext,
): RegistrationStep {
  const invalid = (): RegistrationStep => ({
    ok: false,
    error: `registration event ${event.type} is not expected while ${state.kind}`,
  });
  switch (event.type) {
    case 'stop':
      return state.kind === 'unconfigured' ? { ok: true, state } : { ok: true, state: { kind: 'unregistered' } };
    case 'start':
      return { ok: true, state: { kind: 'connecting', attempt: 1 } };
    case 'retry':
      if (state.kind !== 'reconnecting') return invalid();
      return { ok: true, state: { kind: 'connecting', attempt: state.attempt } };
    case 'registered':
      if (state.kind !== 'connecting' && state.kind !== 'registered' && state.kind !== 'reconnecting') return invalid();
      return { ok: true, state: state.kind === 'registered' ? state : { kind: 'registered', since: ctx.now } };
    case 'register-rejected': {
      if (state.kind !== 'connecting' && state.kind !== 'registered') return invalid();
      const verdict = classifyRegisterFailure(event.code);
      const words = `${event.code} ${event.reason}`.trim();
      if (verdict.retry) return retry(state.kind === 'registered' ? 1 : attemptOf(state) + 1, words, ctx);
      return { ok: true, state: failed(verdict.reason, event.code, words) };
    }
    case 'transport-failed': {
      if (state.kind !== 'connecting' && state.kind !== 'registered') return invalid();
      const words = describeTransportProblem(event.problem, event.detail);
      return retry(state.kind === 'registered' ? 1 : attemptOf(state) + 1, words, ctx);
    }
  }
}

function failed(reason: RegistrationFailure, code: number, detail: string): RegistrationState {
  return { kind: 'failed', reason, code, detail };
}
