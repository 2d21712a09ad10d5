import type { CallRecord } from '../../shared/domain/call-record';
import type { CallRow, ParsedCallsQuery } from '../../shared/domain/dialer';
import type { CallOutcome } from '../../shared/domain/disposition';

/** A record as read: the seller's outcome (if any) over the one SIP set, talk time, the lead's name. */
export function toCallRow(record: CallRecord, outcome?: CallOutcome, leadName?: string): CallRow {
  const row: CallRow = { ...record };
  if (outcome) {
    row.disposition = outcome.disposition;
    row.dispositionBy = 'seller';
    row.dispositionAt = outcome.at;
    if (outcome.notes !== undefined) row.notes = outcome.notes;
    if (outcome.callback !== undefined) row.callback = outcome.callback;
  } else if (record.disposition) {
    row.dispositionBy = 'sip';
  }
  if (record.answeredAt && record.endedAt)
    row.talkSeconds = Math.max(0, (Date.parse(record.endedAt) - Date.parse(record.answeredAt)) / 1000);
  if (leadName) row.leadName = leadName;
  return row;
}

/** The Calls screen's filters; `from` inclusive, `to` exclusive, both on the call's start. */
export function matchesCallsQuery(row: CallRow, q: Omit<ParsedCallsQuery, 'offset' | 'limit'>): boolean {
  const start = Date.parse(row.startedAt);
  if (q.from !== undefined && start < Date.parse(q.from)) return false;
  if (q.to !== undefined && start >= Date.parse(q.to)) return false;
  if (q.direction !== undefined && row.direction !== q.direction) return false;
  if (q.dispositions !== undefined && (!row.disposition || !q.dispositions.includes(row.disposition))) return false;
  if (q.undisposed === true && row.disposition !== undefined) return false;
  if (q.leadId !== undefined && row.leadId !== q.leadId) return false;
  if (q.dialerSessionId !== undefined && row.dialerSessionId !== q.dialerSessionId) return false;
  return true;
}
