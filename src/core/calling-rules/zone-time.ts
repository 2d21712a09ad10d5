import { IANAZone } from 'luxon';

/**
 * Zone arithmetic for the rules engine, fast enough for 100k leads in a list: luxon answers a
 * zone's offset at an instant (~13 µs, an Intl call); we cache it per UTC day, and on the days the
 * clocks change per 15-minute slot, and do the rest with integer arithmetic. Modern offsets are
 * whole quarter hours and clocks change on a whole local hour, so a change always falls on a slot
 * boundary and every instant of a slot shares its offset.
 */

const SLOT_MS = 15 * 60_000;
export const DAY_MS = 86_400_000;

interface ZoneEntry {
  zone: IANAZone;
  /** Per UTC day: the offset all day long, or NaN on a day the clocks change. */
  days: Map<number, number>;
  /** Per 15-minute slot, on days the clocks change. */
  offsets: Map<number, number>;
  /** The last UTC day asked and its `days` value: most questions in a row are about the same day. */
  lastDay: number;
  lastWhole: number;
}
const zones = new Map<string, ZoneEntry>();
let lastEntry: ZoneEntry | undefined;
let lastName: string | undefined;

// luxon builds an Intl formatter on every isValidZone call (~100 µs): remember the answer.
const validity = new Map<string, boolean>();

export function isValidZone(name: string): boolean {
  let valid = validity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    if (validity.size < 10_000) validity.set(name, valid);
  }
  return valid;
}

function entry(name: string): ZoneEntry {
  if (name === lastName) return lastEntry!;
  let e = zones.get(name);
  if (!e) {
    if (!isValidZone(name)) throw new RangeError(`unknown IANA time zone '${name}'`);
    e = { zone: IANAZone.create(name), days: new Map(), offsets: new Map(), lastDay: NaN, lastWhole: NaN };
    zones.set(name, e);
  }
  lastName = name;
  lastEntry = e;
  return e;
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Paris in summer: 120). */
export function offsetMinutes(zone: string, ms: number): number {
  const e = entry(zone);
  const day = Math.floor(ms / DAY_MS);
  let whole = day === e.lastDay ? e.lastWhole : e.days.get(day);
  if (whole === undefined) {
    if (e.days.size >= 100_000) e.days.clear();
    // Same offset at both ends: no change that day (real zones change at most once a day).
    const first = e.zone.offset(day * DAY_MS);
    whole = first === e.zone.offset((day + 1) * DAY_MS - SLOT_MS) ? first : NaN;
    e.days.set(day, whole);
  }
  e.lastDay = day;
  e.lastWhole = whole;
  if (!Number.isNaN(whole)) return whole;
  const slot = Math.floor(ms / SLOT_MS);
  let offset = e.offsets.get(slot);
  if (offset === undefined) {
    if (e.offsets.size >= 200_000) e.offsets.clear();
    offset = e.zone.offset(slot * SLOT_MS);
    e.offsets.set(slot, offset);
  }
  return offset;
}

/** The wall clock in a zone, as numbers: `wallMs` is the local date and time read as if it were UTC. */
export interface LocalTime {
  wallMs: number;
  /** Days since 1970-01-01 of the local date. */
  epochDay: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Seconds since local midnight. */
  secondOfDay: number;
}

export function localTime(zone: string, ms: number): LocalTime {
  const wallMs = ms + offsetMinutes(zone, ms) * 60_000;
  const epochDay = Math.floor(wallMs / DAY_MS);
  return {
    wallMs,
    epochDay,
    weekday: (((epochDay + 3) % 7) + 7) % 7, // 1970-01-01 was a Thursday
    secondOfDay: Math.floor((wallMs - epochDay * DAY_MS) / 1000),
  };
}

/**
 * The earliest instant at which the wall clock of `zone` reads `wallMs` or later. In the autumn
 * repeated hour that is the first of the two; in the spring gap (a wall time that never happens)
 * it is the moment the clocks jump. Assumes at most one change within a day around the time,
 * true of every real zone.
 */
export function wallToInstant(zone: string, wallMs: number): number {
  const before = offsetMinutes(zone, wallMs - DAY_MS);
  const after = offsetMinutes(zone, wallMs + DAY_MS);
  const a = wallMs - before * 60_000;
  const b = wallMs - after * 60_000;
  const aValid = offsetMinutes(zone, a) === before;
  const bValid = offsetMinutes(zone, b) === after;
  if (aValid && bValid) return Math.min(a, b);
  if (aValid) return a;
  if (bValid) return b;
  // The gap: the clocks jump past wallMs between b and a; find the slot where the new offset starts.
  let lo = Math.floor(Math.min(a, b) / SLOT_MS);
  let hi = Math.ceil(Math.max(a, b) / SLOT_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(zone, mid * SLOT_MS) === after) hi = mid;
    else lo = mid;
  }
  return hi * SLOT_MS;
}

/** `days` calendar days after `ms` in `zone`: the same wall time (or the first after it) that many days on. */
export function addCalendarDays(zone: string, ms: number, days: number): number {
  return wallToInstant(zone, localTime(zone, ms).wallMs + days * DAY_MS);
}

export function isoDateOfEpochDay(epochDay: number): string {
  return isoOfInstant(epochDay * DAY_MS).slice(0, 10);
}

export function epochDayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function hhmm(secondOfDay: number): string {
  const m = Math.floor(secondOfDay / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by `count` ASCII digits of `s` at `at`, or -1 if one is not a digit. */
function digitsAt(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `Date.parse` for the form `toISOString` writes ("2026-06-10T09:00:00.000Z", how the app stores
 * consent and contract dates), read with integer arithmetic: a list of 100k leads reads one or two
 * per lead, and Date.parse costs several times more. Any other form, or a day the month does not
 * have (engines differ on those), goes to Date.parse, so the answer is always Date.parse's.
 */
export function parseInstant(s: string): number {
  if (
    s.length === 24 &&
    s.charCodeAt(4) === 45 /* - */ &&
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 /* T */ &&
    s.charCodeAt(13) === 58 /* : */ &&
    s.charCodeAt(16) === 58 &&
    s.charCodeAt(19) === 46 /* . */ &&
    s.charCodeAt(23) === 90 /* Z */
  ) {
    const year = digitsAt(s, 0, 4);
    const month = digitsAt(s, 5, 2);
    const day = digitsAt(s, 8, 2);
    const hour = digitsAt(s, 11, 2);
    const minute = digitsAt(s, 14, 2);
    const second = digitsAt(s, 17, 2);
    const milli = digitsAt(s, 20, 3);
    if (
      year >= 0 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      (day <= 28 || day <= daysInMonth(year, month)) &&
      hour >= 0 &&
      hour <= 23 &&
      minute >= 0 &&
      minute <= 59 &&
      second >= 0 &&
      second <= 59 &&
      milli >= 0
    )
      return epochDayOfCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
  }
  return Date.parse(s);
}

/** Year, month (1-12) and day of a day count (H. Hinnant's civil_from_days), without a Date. */
export function civilOfEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** MIN and MAX of the four-digit years toISOString writes without a sign. */
const YEAR_0 = -62_167_219_200_000;
const YEAR_10000 = 253_402_300_800_000;

/**
 * `new Date(ms).toISOString()` without the Date, for the reasons a whole list may carry (an
 * attempt limit's end, a refusal's date); outside years 0000-9999, or for a non-integer or
 * invalid instant, toISOString itself (and its RangeError).
 */
export function isoOfInstant(ms: number): string {
  if (!(Number.isInteger(ms) && ms >= YEAR_0 && ms < YEAR_10000)) return new Date(ms).toISOString();
  const epochDay = Math.floor(ms / DAY_MS);
  const { year, month, day } = civilOfEpochDay(epochDay);
  let rest = ms - epochDay * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const y = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(milli)}Z`;
}
