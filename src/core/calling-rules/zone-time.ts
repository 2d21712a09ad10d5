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
}
const zones = new Map<string, ZoneEntry>();

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
  let e = zones.get(name);
  if (!e) {
    if (!isValidZone(name)) throw new RangeError(`unknown IANA time zone '${name}'`);
    e = { zone: IANAZone.create(name), days: new Map(), offsets: new Map() };
    zones.set(name, e);
  }
  return e;
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Paris in summer: 120). */
export function offsetMinutes(zone: string, ms: number): number {
  const e = entry(zone);
  const day = Math.floor(ms / DAY_MS);
  let whole = e.days.get(day);
  if (whole === undefined) {
    if (e.days.size >= 100_000) e.days.clear();
    // Same offset at both ends: no change that day (real zones change at most once a day).
    const first = e.zone.offset(day * DAY_MS);
    whole = first === e.zone.offset((day + 1) * DAY_MS - SLOT_MS) ? first : NaN;
    e.days.set(day, whole);
  }
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
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

export function epochDayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function hhmm(secondOfDay: number): string {
  const m = Math.floor(secondOfDay / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
