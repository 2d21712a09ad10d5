import { civilOfEpochDay } from '../../calling-rules/zone-time';

const DAY = 86_400_000;

export function utcYear(ms: number): number {
  return civilOfEpochDay(Math.floor(ms / DAY)).year;
}

const d = (n: number): number => 48 + (Math.floor(n) % 10);

/**
 * Same string as `new Date(ms).toISOString()` for integer ms in years 0–9999. Built in one
 * `fromCharCode` call: Date#toISOString was the largest cost of generating 100k leads, and a
 * template literal leaves a tree of cons strings that weighs ~6x the flat string on the heap.
 */
export function isoUtc(ms: number): string {
  const days = Math.floor(ms / DAY);
  let t = ms - days * DAY;
  const { year: y, month: mo, day } = civilOfEpochDay(days);
  const milli = t % 1000;
  t = (t - milli) / 1000;
  const s = t % 60;
  t = (t - s) / 60;
  const min = t % 60;
  const h = (t - min) / 60;
  return String.fromCharCode(
    d(y / 1000),
    d(y / 100),
    d(y / 10),
    d(y),
    45,
    d(mo / 10),
    d(mo),
    45,
    d(day / 10),
    d(day),
    84,
    d(h / 10),
    d(h),
    58,
    d(min / 10),
    d(min),
    58,
    d(s / 10),
    d(s),
    46,
    d(milli / 100),
    d(milli / 10),
    d(milli),
    90,
  );
}
