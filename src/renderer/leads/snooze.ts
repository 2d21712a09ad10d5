/** Callback times, in the seller's local time zone. */
const HOUR = 60 * 60 * 1000;

export const inOneHour = (now: Date): Date => new Date(now.getTime() + HOUR);

/** Tomorrow 10:00 local, whatever the DST change in between. */
export const tomorrowAtTen = (now: Date): Date =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0, 0, 0);

/**
 * A new callback's default: the next working day (Monday to Friday) at 10:00 local. The French
 * rules forbid weekend calls, so a Friday's "tomorrow" would be a callback the dialer must skip.
 */
export function nextWorkingDayAtTen(now: Date): Date {
  let day = tomorrowAtTen(now);
  while (day.getDay() === 0 || day.getDay() === 6) day = tomorrowAtTen(day);
  return day;
}

export type SnoozeChoice = 'hour' | 'tomorrow';

/**
 * The callback's new time: an hour after its own (after now when it is overdue), or tomorrow
 * 10:00. A snooze puts a callback off: `undefined` when the choice would not make it later
 * (tomorrow 10:00 for a callback due next week), so the button is not offered.
 */
export function snoozeTime(choice: SnoozeChoice, now: Date, due: Date): Date | undefined {
  const from = due.getTime() > now.getTime() ? due : now;
  const to = choice === 'hour' ? inOneHour(from) : tomorrowAtTen(now);
  return to.getTime() > due.getTime() ? to : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** For `<input type="datetime-local">`: `2025-03-14T09:30` in local time. */
export const toDateTimeLocal = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** The input's value back to an instant; null when empty or malformed. */
export function fromDateTimeLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, s, 0);
  // Reject rollovers such as 31 February.
  return date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

export const isOverdue = (dueAt: string | undefined, now: Date): boolean =>
  dueAt !== undefined && Date.parse(dueAt) < now.getTime();

/**
 * A new callback's time already gone by: a reminder is for later. The picker has minute
 * precision, so the current minute (and the one before) still counts as now.
 */
export const isPastForCallback = (due: Date, now: Date): boolean => due.getTime() < now.getTime() - 2 * 60_000;
