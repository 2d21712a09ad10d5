// Callee numbers whose prefix tells their zone, for the dialer's end-to-end tests: whatever the
// hour a test runs, one place is well inside calling hours and one well outside. Its own module
// (no browser, no rig) so a unit test checks every place at every hour, not only the one CI ran at.
import { parsePhone } from '../../../src/shared/phone';

/**
 * Number prefixes whose zone the calling rules read from the number alone
 * (src/core/calling-rules/callee-zone.ts), from UTC-10 to UTC+12: whatever the hour, one of them
 * is well inside calling hours and one well outside.
 */
export const places = [
  { zone: 'Europe/Paris', base: '+33142000000' },
  { zone: 'Europe/London', base: '+442071838700' },
  { zone: 'Indian/Reunion', base: '+262262123400' },
  { zone: 'Indian/Mayotte', base: '+262269612300' },
  { zone: 'America/Guadeloupe', base: '+590590123400' },
  { zone: 'America/Cayenne', base: '+594594123400' },
  { zone: 'Pacific/Noumea', base: '+687261200' },
  { zone: 'Pacific/Wallis', base: '+681721200' },
  { zone: 'Pacific/Tahiti', base: '+68940412300' },
] as const;
export type Place = (typeof places)[number];

export function localMinutes(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** The place whose local time is inside [from, to] (minutes of the day) and closest to `target`. */
export function placeAt(at: Date, range: { from: number; to: number; target: number }): Place {
  const distance = (zone: string) => {
    const d = Math.abs(localMinutes(zone, at) - range.target);
    return Math.min(d, 24 * 60 - d);
  };
  const inRange = (zone: string) => {
    const m = localMinutes(zone, at);
    return range.from <= range.to ? m >= range.from && m <= range.to : m >= range.from || m <= range.to;
  };
  const found = places.filter((p) => inRange(p.zone)).sort((a, b) => distance(a.zone) - distance(b.zone))[0];
  if (!found) throw new Error(`no place between ${range.from} and ${range.to} min at ${at.toISOString()}`);
  return found;
}

/** `count` valid numbers of a place (libphonenumber), the last two digits from `first` upwards. */
export function numbersOf(place: Place, count: number, first = 10): string[] {
  const out: string[] = [];
  for (let n = first; n < 100 && out.length < count; n++) {
    const candidate = place.base.slice(0, -2) + String(n).padStart(2, '0');
    const parsed = parsePhone(candidate);
    if (parsed.ok && parsed.e164 === candidate) out.push(candidate);
  }
  if (out.length < count) throw new Error(`only ${out.length} valid numbers for ${place.zone} from ${first}`);
  return out;
}
