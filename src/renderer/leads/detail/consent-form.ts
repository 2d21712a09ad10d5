import { CONSENT_CLOCK_SKEW_MS } from '../../../shared/domain/lead';
import { fromDateTimeLocal } from '../snooze';

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
