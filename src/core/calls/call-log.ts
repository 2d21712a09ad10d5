import type { CallRow, CallsPage, ParsedCallsQuery } from '../../shared/domain/dialer';
import type { OutcomeLog } from '../outcomes/outcome-log';
import { idTime, type Journal } from '../store';
import { matchesCallsQuery, toCallRow } from './call-row';

const DAY = 86_400_000;

export type CallFilter = Omit<ParsedCallsQuery, 'offset' | 'limit'>;

/** Reads call records from the journal with the sellers' outcomes applied. */
export interface CallLog {
  /** Matching rows in journal order (oldest month first). */
  rows(filter: CallFilter): AsyncGenerator<CallRow>;
  /** Newest first, one page. */
  list(query: ParsedCallsQuery): Promise<CallsPage>;
  find(recordId: string): Promise<CallRow | undefined>;
}

export interface CallLogDeps {
  journal: Pick<Journal, 'scan'>;
  outcomes: Pick<OutcomeLog, 'get'>;
  leadName?: (leadId: string) => string | undefined;
  /**
   * The merged leads (leads/merged-leads.ts): a record keeps the lead id it was made with, and
   * a call of a lead merged away belongs to the lead it went into, in its row and its filter.
   */
  merges?: { resolve(leadId: string): string };
}

export function createCallLog(deps: CallLogDeps): CallLog {
  const lead = (leadId: string) => deps.merges?.resolve(leadId) ?? leadId;
  const row = async (record: Parameters<typeof toCallRow>[0]) => {
    const leadId = record.leadId && lead(record.leadId);
    const outcome = await deps.outcomes.get(record.id);
    if (!leadId) return toCallRow(record, outcome);
    const asRead = leadId === record.leadId ? record : { ...record, leadId };
    return toCallRow(asRead, outcome, deps.leadName?.(leadId));
  };
  async function* rows(query: CallFilter): AsyncGenerator<CallRow> {
    // A link or filter made before a merge names the lead merged away.
    const filter = query.leadId ? { ...query, leadId: lead(query.leadId) } : query;
    // The journal ranges by id time, which is the call's start for recorded calls; a day of
    // margin keeps records whose id was made at another moment, the exact filter is on startedAt.
    const range = {
      ...(filter.from ? { from: Date.parse(filter.from) - DAY } : {}),
      ...(filter.to ? { to: Date.parse(filter.to) + DAY } : {}),
    };
    for await (const record of deps.journal.scan(range)) {
      const r = await row(record);
      if (matchesCallsQuery(r, filter)) yield r;
    }
  }
  return {
    rows,
    async list({ offset, limit, ...filter }) {
      const all: CallRow[] = [];
      for await (const r of rows(filter)) all.push(r);
      all.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || (a.id < b.id ? 1 : -1));
      return { total: all.length, offset, items: all.slice(offset, offset + limit) };
    },
    async find(recordId) {
      const t = idTime(recordId);
      if (Number.isNaN(t)) return undefined;
      for await (const record of deps.journal.scan({ from: t, to: t + 1 }))
        if (record.id === recordId) return row(record);
      return undefined;
    },
  };
}
