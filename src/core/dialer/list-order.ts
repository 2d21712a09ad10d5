import type { CallbackEntry } from '../../shared/domain/callback-list';
import type { Lead } from '../../shared/domain/lead';

/** What orders a callback list: next callback due first, then priority, then oldest contact. */
export interface OrderFacts {
  /** The lead's earliest pending callback this seller may take (ms). */
  dueAt: number | undefined;
  priority: number;
  /** Latest contact (the lead's or its last call's), ms; undefined: never contacted. */
  lastContact: number | undefined;
  /** Tie-breaks: the order the entries were added, then the lead id. */
  addedAt: number;
  leadId: string;
}

export function orderFacts(
  entry: Pick<CallbackEntry, 'leadId' | 'priority' | 'addedAt'>,
  lead: Pick<Lead, 'callbacks' | 'lastContactAt'> | undefined,
  lastCallAt: number | undefined,
  seller: string | undefined,
): OrderFacts {
  let dueAt: number | undefined;
  for (const c of lead?.callbacks ?? []) {
    if (c.status !== 'pending' || (seller !== undefined && c.scope === 'owner' && c.owner !== seller)) continue;
    const t = Date.parse(c.dueAt);
    if (dueAt === undefined || t < dueAt) dueAt = t;
  }
  return {
    dueAt,
    priority: entry.priority,
    lastContact: latest(lead?.lastContactAt ? Date.parse(lead.lastContactAt) : undefined, lastCallAt),
    addedAt: Date.parse(entry.addedAt),
    leadId: entry.leadId,
  };
}

export function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** Sort comparator: a before b when negative. */
export function compareOrder(a: OrderFacts, b: OrderFacts): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === undefined) return 1;
    if (b.dueAt === undefined) return -1;
    return a.dueAt - b.dueAt;
  }
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.lastContact !== b.lastContact) {
    if (a.lastContact === undefined) return -1; // never contacted is the oldest contact
    if (b.lastContact === undefined) return 1;
    return a.lastContact - b.lastContact;
  }
  return a.addedAt - b.addedAt || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0);
}

/** Entries in calling order. */
export function orderEntries<E extends Pick<CallbackEntry, 'leadId' | 'priority' | 'addedAt'>>(
  entries: readonly E[],
  facts: (entry: E) => OrderFacts,
): E[] {
  return entries
    .map((entry) => ({ entry, f: facts(entry) }))
    .sort((x, y) => compareOrder(x.f, y.f))
    .map((x) => x.entry);
}

/**
 * Entries in calling order, lazily: the first few by a linear scan for the smallest (a pick
 * usually takes the first), the rest sorted once if the first ones are passed over.
 */
export function* inCallingOrder<E>(entries: readonly E[], facts: (entry: E) => OrderFacts, scans = 4): Generator<E> {
  const remaining = entries.map((entry) => ({ entry, f: facts(entry) }));
  for (let k = 0; k < scans && remaining.length > 0; k++) {
    let best = 0;
    for (let i = 1; i < remaining.length; i++) if (compareOrder(remaining[i]!.f, remaining[best]!.f) < 0) best = i;
    yield remaining.splice(best, 1)[0]!.entry;
  }
  remaining.sort((a, b) => compareOrder(a.f, b.f));
  for (const r of remaining) yield r.entry;
}

type EntryTiming = Pick<CallbackEntry, 'status' | 'scope' | 'owner' | 'nextEligibleAt' | 'skip'>;

/** From when this seller may call this entry (ms, 0: now); undefined: not this seller's, or done. */
function callableFrom(entry: EntryTiming, seller: string): number | undefined {
  if (entry.scope === 'owner' && entry.owner !== undefined && entry.owner !== seller) return undefined;
  if (entry.status === 'to-call') return entry.nextEligibleAt === undefined ? 0 : Date.parse(entry.nextEligibleAt);
  // A lead the rules forbade comes back at the next legal time they gave.
  if (entry.status === 'skipped' && entry.skip?.kind === 'forbidden' && entry.skip.nextLegalAt !== undefined)
    return Date.parse(entry.skip.nextLegalAt);
  return undefined;
}

/** May this seller call this entry now? */
export function isCallable(entry: EntryTiming, seller: string, now: number): boolean {
  const from = callableFrom(entry, seller);
  return from !== undefined && from <= now;
}

/**
 * A list with nobody to call now: the entries this seller may call later (a retry delay, the
 * calling rules' next legal time), and the first time one comes back. Undefined: none will.
 */
export function comingBack(
  entries: Iterable<EntryTiming>,
  seller: string,
  now: number,
): { count: number; at: string } | undefined {
  let count = 0;
  let first = Infinity;
  for (const entry of entries) {
    const from = callableFrom(entry, seller);
    if (from === undefined || from <= now) continue;
    count++;
    first = Math.min(first, from);
  }
  return count > 0 ? { count, at: new Date(first).toISOString() } : undefined;
}

/**
 * Entries still to call that only another seller may take (their owner-only callbacks, or a list
 * kept to each lead's owner): why a list can be done for this seller with leads left in it.
 */
export function reservedForOthers(
  entries: Iterable<Pick<CallbackEntry, 'status' | 'scope' | 'owner'>>,
  seller: string,
): number {
  let count = 0;
  for (const e of entries)
    if (e.status === 'to-call' && e.scope === 'owner' && e.owner !== undefined && e.owner !== seller) count++;
  return count;
}
