import type { CallReason } from '../../shared/domain/calling-rules';
import type { Lead } from '../../shared/domain/lead';

/** Why the calling rules forbid a call, as the rules engine says it. */
export interface CallRefusal {
  code: string;
  text?: string;
  rule?: CallReason;
}

export type CallDecision = { allowed: true } | { allowed: false; reasons: CallRefusal[]; nextLegalAt?: Date };

/**
 * The calling rules, as the dialer sees them: may this lead be called on this number at this
 * time? Wired to the rules engine (src/core/calling-rules) by app-core.
 */
export type CallPermission = (lead: Lead, number: string, at: Date) => CallDecision;

export interface PlaceRequest {
  dialerSessionId: string;
  leadId: string;
  number: string;
}

/** The softphone, as the dialer sees it. */
export interface CallPlacer {
  /** Starts the call; resolves with the softphone's call id, rejects (with words) when it cannot. */
  place(request: PlaceRequest): Promise<{ callId: string }>;
  /** The next call is known: media and peer connection can be made ready now. */
  prepare(next: { leadId: string; number: string }): void;
  /** Hangs up the session's call; without callId, whatever call that session has (placement in flight). */
  hangup(request: { dialerSessionId: string; callId?: string }): void;
}

/** Timers the dialer runs on; tests pass a manual clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
