/**
 * Countdowns the session screen shows (the preview before a call, the power-mode wrap-up time).
 * Core owns the timers and sends when they end; the screen only counts down to that instant.
 */

/** Whole seconds left until `endsAt` (rounded up, so "1 s" shows until the very end); undefined without a timer. */
export function secondsLeft(endsAt: string | undefined, now: number): number | undefined {
  if (endsAt === undefined) return undefined;
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return undefined;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** 1 at the start of a `totalSeconds` countdown, 0 at its end: the bar under the lead card. */
export function countdownShare(endsAt: string | undefined, totalSeconds: number, now: number): number {
  const left = endsAt === undefined ? undefined : Date.parse(endsAt) - now;
  if (left === undefined || Number.isNaN(left) || totalSeconds <= 0) return 0;
  return Math.min(1, Math.max(0, left / (totalSeconds * 1000)));
}
