import type { CallbackEntry } from '../../shared/domain/callback-list';
import type { Disposition, RetryRule } from '../../shared/domain/disposition';

const MINUTE = 60_000;

export type RetryPlan = { kind: 'retry'; at: number } | { kind: 'done'; why: 'no-retry' | 'max-attempts' };

/** After `attempts` calls (this one included) ending with a disposition of rule `rule`, at `at` (ms). */
export function retryPlan(rule: RetryRule | null, attempts: number, at: number): RetryPlan {
  if (!rule) return { kind: 'done', why: 'no-retry' };
  if (attempts >= rule.maxAttempts) return { kind: 'done', why: 'max-attempts' };
  return { kind: 'retry', at: at + rule.afterMinutes * MINUTE };
}

export interface EntryOutcome {
  disposition: Pick<Disposition, 'id' | 'retry' | 'doNotCall'>;
  recordId: string;
  /** When the call started (ISO). */
  callAt: string;
  /** When the outcome is saved (ms): retry spacing counts from here. */
  at: number;
  /** A callback the seller set in the same step: it replaces the retry rule. */
  callbackAt?: number | undefined;
}

/**
 * The list entry once a call's outcome is known. Applying the same call twice (a save retried
 * after a failure) changes nothing the second time.
 */
export function entryAfterOutcome(entry: CallbackEntry, outcome: EntryOutcome): CallbackEntry {
  if (entry.lastRecordId === outcome.recordId) return entry;
  const { skip: _skip, sessionId: _session, nextEligibleAt: _next, ...rest } = entry;
  const attempts = entry.attempts + 1;
  const base = {
    ...rest,
    attempts,
    lastOutcome: outcome.disposition.id,
    lastCallAt: outcome.callAt,
    lastRecordId: outcome.recordId,
  };
  if (outcome.disposition.doNotCall) return { ...base, status: 'done' };
  if (outcome.callbackAt !== undefined)
    return { ...base, status: 'to-call', nextEligibleAt: new Date(outcome.callbackAt).toISOString() };
  const plan = retryPlan(outcome.disposition.retry, attempts, outcome.at);
  return plan.kind === 'retry'
    ? { ...base, status: 'to-call', nextEligibleAt: new Date(plan.at).toISOString() }
    : { ...base, status: 'done' };
}
