import { fromDateTimeLocal } from '../snooze';

/** The tolerance core allows (lead-service CONSENT_CLOCK_SKEW_MS): a seller's clock a little fast. */
export const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

export type ConsentDateProblem = 'badDate' | 'inFuture';

/**
 * The consent's date as typed in the `datetime-local` field: a consent records an agreement
 * already given, so a date after now (beyond the clock skew) is refused before it reaches core.
 */
export function readConsentDate(
  value: string,
  now: number,
): { ok: true; date: Date } | { ok: false; problem: ConsentDateProblem } {
  const date = fromDateTimeLocal(value);
  if (!date) return { ok: false, problem: 'badDate' };
  if (date.getTime() > now + CONSENT_CLOCK_SKEW_MS) return { ok: false, problem: 'inFuture' };
  return { ok: true, date };
}
