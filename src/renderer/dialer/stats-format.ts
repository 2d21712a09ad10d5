import type { SessionStats } from '../../shared/domain/dialer';
import { formatDuration } from '../phone/call-format';

export interface StatsText {
  dialed: string;
  connected: string;
  contactRate: string;
  appointments: string;
  talkTime: string;
  callsPerHour: string;
}

const formats = new Map<string, { count: Intl.NumberFormat; percent: Intl.NumberFormat; rate: Intl.NumberFormat }>();
function formatsFor(locale: string) {
  let f = formats.get(locale);
  if (!f) {
    f = {
      count: new Intl.NumberFormat(locale),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      rate: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    };
    formats.set(locale, f);
  }
  return f;
}

/** The live counters as a seller reads them: "42 %", "12:34" of talk, "18,5" calls per hour. */
export function formatStats(stats: SessionStats, locale: string): StatsText {
  const f = formatsFor(locale);
  return {
    dialed: f.count.format(stats.dialed),
    connected: f.count.format(stats.connected),
    contactRate: f.percent.format(stats.contactRate),
    appointments: f.count.format(stats.appointments),
    talkTime: formatDuration(stats.talkSeconds * 1000),
    callsPerHour: f.rate.format(stats.callsPerHour),
  };
}
