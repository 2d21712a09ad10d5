import { DateTime } from 'luxon';

/**
 * Wall-clock <-> UTC for one zone, fast: luxon costs ~100 µs a call, too much for 100k rows with
 * four dates each. The offset is asked of luxon per day and cached; a day whose offset changes
 * (DST) is resolved per hour, still cached. The arithmetic is then plain Date.UTC.
 */
const offsets = new Map<string, number>();

function cached(key: string, compute: () => number): number {
  let v = offsets.get(key);
  if (v === undefined) {
    if (offsets.size >= 100_000) offsets.clear();
    v = compute();
    offsets.set(key, v);
  }
  return v;
}

const localOffset = (zone: string, y: number, mo: number, d: number, h: number) =>
  DateTime.fromObject({ year: y, month: mo, day: d, hour: h }, { zone }).offset;

// Per zone, keyed by a number: building a string key per call cost more than the lookup (300k dates an import).
const dayOffsets = new Map<string, Map<number, number>>();

/** The zone's offset (minutes) all day long, NaN when it changes that day. */
function dayOffset(zone: string, y: number, mo: number, d: number): number {
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map()));
  const key = (y * 100 + mo) * 100 + d;
  let v = days.get(key);
  if (v === undefined) {
    if (days.size >= 100_000) days.clear();
    const first = localOffset(zone, y, mo, d, 0);
    v = first === localOffset(zone, y, mo, d, 23) ? first : NaN;
    days.set(key, v);
  }
  return v;
}

/** Local wall-clock parts in `zone` -> UTC ms; undefined when the day does not exist (31/02). */
export function zonedToUtc(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  // NaN marks a day with two offsets: look up its hour instead.
  const day = dayOffset(zone, y, mo, d);
  // Days the clocks change are rare: luxon decides (a time in the gap moves forward, as it does everywhere else).
  if (Number.isNaN(day))
    return DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, { zone }).toMillis();
  return wall - day * 60_000;
}

/** UTC ms -> local wall-clock parts in `zone`. */
export function utcToZoned(
  zone: string,
  ms: number,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const dayStart = Math.floor(ms / 86_400_000) * 86_400_000;
  const at = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const day = cached(`U|${zone}|${dayStart}`, () => {
    const first = at(dayStart);
    return first === at(dayStart + 86_399_999) ? first : NaN;
  });
  const hour = Math.floor(ms / 3_600_000) * 3_600_000;
  const offset = Number.isNaN(day) ? cached(`U|${zone}|h${hour}`, () => at(hour)) : day;
  const local = new Date(ms + offset * 60_000);
  return {
    y: local.getUTCFullYear(),
    mo: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    h: local.getUTCHours(),
    mi: local.getUTCMinutes(),
    s: local.getUTCSeconds(),
  };
}
