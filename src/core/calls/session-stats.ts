import type { CallRow, SessionStats } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';

const HOUR = 3_600_000;

/**
 * A dialer session's live counters, from its call rows: dialed = outbound calls, connected =
 * answered, appointments = dispositions marked as such, talk time from answer to end, calls per
 * hour over `activeMs` (session time without pauses).
 */
export function sessionStats(
  rows: readonly Pick<CallRow, 'direction' | 'answeredAt' | 'endedAt' | 'disposition'>[],
  disposition: (id: string) => Pick<Disposition, 'appointment'> | undefined,
  activeMs: number,
): SessionStats {
  let dialed = 0;
  let connected = 0;
  let appointments = 0;
  let talkMs = 0;
  for (const row of rows) {
    if (row.direction !== 'outbound') continue;
    dialed++;
    if (row.answeredAt) {
      connected++;
      if (row.endedAt) talkMs += Math.max(0, Date.parse(row.endedAt) - Date.parse(row.answeredAt));
    }
    if (row.disposition && disposition(row.disposition)?.appointment) appointments++;
  }
  return {
    dialed,
    connected,
    contactRate: dialed === 0 ? 0 : connected / dialed,
    appointments,
    talkSeconds: talkMs / 1000,
    callsPerHour: activeMs > 0 ? (dialed * HOUR) / activeMs : 0,
  };
}
