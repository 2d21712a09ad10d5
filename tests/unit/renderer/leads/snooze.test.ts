import { describe, expect, it } from 'vitest';
import {
  fromDateTimeLocal,
  inOneHour,
  isOverdue,
  isPastForCallback,
  nextWorkingDayAtTen,
  snoozeTime,
  toDateTimeLocal,
  tomorrowAtTen,
} from '../../../../src/renderer/leads/snooze';

describe('callback times (local time)', () => {
  const now = new Date(2025, 2, 14, 17, 42, 10);

  it('puts a callback off by an hour from its own time, or from now when it is overdue', () => {
    expect(inOneHour(now).getTime() - now.getTime()).toBe(3_600_000);
    const overdue = new Date(2025, 2, 14, 9, 0);
    expect(snoozeTime('hour', now, overdue)).toEqual(inOneHour(now));
    // Due tomorrow 10:00: an hour later is 11:00 tomorrow, never an hour from now (earlier).
    const tomorrowTen = new Date(2025, 2, 15, 10, 0);
    expect(snoozeTime('hour', now, tomorrowTen)).toEqual(new Date(2025, 2, 15, 11, 0));
  });

  it('offers tomorrow 10:00 only when it puts the callback off', () => {
    expect(snoozeTime('tomorrow', now, new Date(2025, 2, 14, 18, 0))).toEqual(new Date(2025, 2, 15, 10, 0));
    expect(snoozeTime('tomorrow', now, new Date(2025, 2, 15, 10, 0))).toBeUndefined();
    expect(snoozeTime('tomorrow', now, new Date(2025, 2, 20, 10, 0))).toBeUndefined();
  });

  it('snoozes to tomorrow 10:00 local, across month ends', () => {
    const t = tomorrowAtTen(now);
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()]).toEqual([2025, 2, 15, 10, 0]);
    const endOfYear = tomorrowAtTen(new Date(2025, 11, 31, 23, 59));
    expect([endOfYear.getFullYear(), endOfYear.getMonth(), endOfYear.getDate()]).toEqual([2026, 0, 1]);
  });

  it('offers a new callback on the next working day at 10:00, never a Saturday or Sunday', () => {
    const day = (d: Date) => [d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()];
    // Friday 14 March 2025 -> Monday 17; Saturday and Sunday -> Monday; Thursday -> Friday.
    expect(day(nextWorkingDayAtTen(now))).toEqual([2, 17, 10, 0]);
    expect(day(nextWorkingDayAtTen(new Date(2025, 2, 15, 9, 0)))).toEqual([2, 17, 10, 0]);
    expect(day(nextWorkingDayAtTen(new Date(2025, 2, 16, 22, 0)))).toEqual([2, 17, 10, 0]);
    expect(day(nextWorkingDayAtTen(new Date(2025, 2, 13, 8, 0)))).toEqual([2, 14, 10, 0]);
  });

  it('round-trips datetime-local values', () => {
    expect(toDateTimeLocal(now)).toBe('2025-03-14T17:42');
    expect(fromDateTimeLocal('2025-03-14T17:42')).toEqual(new Date(2025, 2, 14, 17, 42));
    expect(fromDateTimeLocal('2025-02-31T10:00')).toBeNull();
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('demain')).toBeNull();
  });

  it('calls a past due time overdue', () => {
    expect(isOverdue(new Date(now.getTime() - 1).toISOString(), now)).toBe(true);
    expect(isOverdue(new Date(now.getTime() + 1).toISOString(), now)).toBe(false);
    expect(isOverdue(undefined, now)).toBe(false);
  });

  it('refuses a new callback in the past, but not one in the current minute', () => {
    const picked = (value: string) => fromDateTimeLocal(value)!;
    expect(isPastForCallback(picked('2025-03-14T17:42'), now)).toBe(false);
    expect(isPastForCallback(picked('2025-03-14T17:41'), now)).toBe(false);
    expect(isPastForCallback(picked('2025-03-14T17:30'), now)).toBe(true);
    expect(isPastForCallback(picked('2025-03-13T18:00'), now)).toBe(true);
    expect(isPastForCallback(tomorrowAtTen(now), now)).toBe(false);
  });
});
