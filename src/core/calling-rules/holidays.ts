import Holidays from 'date-holidays';
import type { HolidayCalendar } from '../../shared/domain/calling-rules';
import { epochDayOfIsoDate } from './zone-time';

/**
 * Public holidays from date-holidays (maintained rules for movable feasts and regional days)
 * rather than a hand-written Easter computus. One table per calendar, region and year, cached:
 * the engine asks for the same few years again and again.
 */

export interface HolidayName {
  fr: string;
  en: string;
}

const statesByCountry = new Map<string, ReadonlySet<string>>();

/** Whether date-holidays knows `region` as a state of `country` (FR: 57, 67, 68, GP, MQ, GF, RE, YT, BL, MF). */
export function isCalendarRegion(country: string, region: string): boolean {
  let states = statesByCountry.get(country);
  if (!states) {
    states = new Set(Object.keys(new Holidays().getStates(country) ?? {}));
    statesByCountry.set(country, states);
  }
  return states.has(region);
}

const tables = new Map<string, ReadonlyMap<number, HolidayName>>();

/** Holidays of a year as epoch day -> names, before the rule set's own extra and ignored dates. */
export function calendarYear(
  country: string,
  region: string | undefined,
  types: readonly string[],
  year: number,
): ReadonlyMap<number, HolidayName> {
  const key = `${country}|${region ?? ''}|${types.join(',')}|${year}`;
  let table = tables.get(key);
  if (!table) {
    const hd = region ? new Holidays(country, region) : new Holidays(country);
    const wanted = new Set(types);
    const map = new Map<number, HolidayName>();
    const english = new Map(hd.getHolidays(year, 'en').map((h) => [h.date, h.name]));
    for (const h of hd.getHolidays(year, 'fr')) {
      if (!wanted.has(h.type)) continue;
      const date = h.date.slice(0, 10);
      // A holiday spanning several days (rare) closes each of them.
      const first = epochDayOfIsoDate(date);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
      for (let d = 0; d < days; d++) map.set(first + d, { fr: h.name, en: english.get(h.date) ?? h.name });
    }
    if (tables.size > 2000) tables.clear();
    table = map;
    tables.set(key, table);
  }
  return table;
}

/** A rule set's calendar, compiled: extra and ignored dates applied on top of date-holidays. */
export class CompiledCalendar {
  private readonly extra = new Map<number, HolidayName>();
  private readonly ignored = new Set<number>();
  private readonly years = new Map<string | undefined, Map<number, ReadonlyMap<number, HolidayName>>>();

  constructor(private readonly calendar: HolidayCalendar) {
    for (const e of calendar.extraDates) this.extra.set(epochDayOfIsoDate(e.date), { fr: e.name, en: e.name });
    for (const d of calendar.ignoredDates) this.ignored.add(epochDayOfIsoDate(d));
  }

  /** The calendar region for a callee in `country` / `subdivision`, when the calendar knows it. */
  regionFor(country: string | undefined, subdivision: string | undefined): string | undefined {
    if (!this.calendar.regionFromCallee) return undefined;
    const c = this.calendar.country;
    if (subdivision && isCalendarRegion(c, subdivision)) return subdivision;
    // An overseas department is a country of its own in ISO 3166 and a region of the FR calendar.
    if (country && country !== c && isCalendarRegion(c, country)) return country;
    return undefined;
  }

  holiday(epochDay: number, year: number, region: string | undefined): HolidayName | undefined {
    if (this.ignored.has(epochDay)) return undefined;
    const extra = this.extra.get(epochDay);
    if (extra) return extra;
    // Per region, per year: two Map lookups instead of building a string key on every decision.
    let years = this.years.get(region);
    if (!years) this.years.set(region, (years = new Map()));
    let table = years.get(year);
    if (!table) years.set(year, (table = calendarYear(this.calendar.country, region, this.calendar.types, year)));
    return table.get(epochDay);
  }
}
