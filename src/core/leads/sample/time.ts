const DAY = 86_400_000;

/** UTC calendar date of epoch-day `days` (Howard Hinnant's civil_from_days). */
function civil(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function utcYear(ms: number): number {
  return civil(Math.floor(ms / DAY))[0];
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
  const [y, mo, day] = civil(days);
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
