import { DateTime } from 'luxon';
import type { ParsedLeadQuery } from '../../shared/domain/lead-query';

export const DEFAULT_ZONE = 'Europe/Paris';

/** [from, to) in ms: a pending callback due in this window matches the filter. */
export interface DueWindow {
  from: number;
  to: number;
}

/**
 * The callback-due filter as a time window in the dealership's zone: "today" and "this week"
 * are local days (a call due at 00:30 in Paris is tomorrow's even when UTC says today).
 * Weeks start on Monday (ISO), as in France.
 */
export function dueWindow(
  due: NonNullable<ParsedLeadQuery['callbackDue']>,
  now: number,
  zone = DEFAULT_ZONE,
): DueWindow {
  if (due === 'overdue') return { from: -Infinity, to: now };
  const local = DateTime.fromMillis(now, { zone });
  if (!local.isValid) throw new RangeError(`invalid time zone ${zone}`);
  const unit = due === 'today' ? 'day' : 'week';
  return { from: local.startOf(unit).toMillis(), to: local.endOf(unit).toMillis() + 1 };
}
