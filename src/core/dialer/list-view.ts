import type { CallbackEntry, CallbackListRow, EntryStatus } from '../../shared/domain/callback-list';
import { leadDisplayName, type Lead } from '../../shared/domain/lead';
import { nextCallbackAt, preferredPhone } from '../leads/lead-facts';
import { compareOrder, latest, orderFacts } from './list-order';

const statusRank: Record<EntryStatus, number> = { calling: 0, 'to-call': 1, skipped: 2, done: 3 };

/** A list as the screen shows it: in a call, then to call in calling order, then skipped, then done. */
export function listRows(
  entries: readonly CallbackEntry[],
  lead: (id: string) => Lead | undefined,
  lastCallAt: (leadId: string) => number | undefined,
): CallbackListRow[] {
  const rows = entries.map((entry) => {
    const l = lead(entry.leadId);
    return { entry, l, facts: orderFacts(entry, l, lastCallAt(entry.leadId), undefined) };
  });
  rows.sort((a, b) => statusRank[a.entry.status] - statusRank[b.entry.status] || compareOrder(a.facts, b.facts));
  return rows.map(({ entry, l }) => {
    const row: CallbackListRow = { ...entry, name: l ? leadDisplayName(l.contact) : '' };
    if (!l) return row;
    row.stage = l.stage;
    const phone = preferredPhone(l);
    if (phone) row.phone = phone;
    const next = nextCallbackAt(l);
    if (next) row.nextCallbackAt = next;
    const last = latest(l.lastContactAt ? Date.parse(l.lastContactAt) : undefined, lastCallAt(l.id));
    if (last !== undefined) row.lastContactAt = new Date(last).toISOString();
    return row;
  });
}
