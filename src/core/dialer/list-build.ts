import type {
  CallbackEntry,
  EntryScope,
  ParsedCallbackListFilter,
  SkipReason,
} from '../../shared/domain/callback-list';
import type { Lead, Stage } from '../../shared/domain/lead';
import { latest } from './list-order';

/** One entry per lead and list. */
export const entryId = (listId: string, leadId: string) => `${listId}~${leadId}`;

/** Hot leads first among equals: a booked or visited prospect before a cold one. */
export function stagePriority(stage: Stage): number {
  switch (stage) {
    case 'appointment':
      return 3;
    case 'visited':
      return 2;
    case 'contacted':
      return 1;
    default:
      return 0;
  }
}

/** The filter's extras over leads the lead query already matched. Pure. */
export function selectLeads(
  leads: readonly Lead[],
  filter: Pick<ParsedCallbackListFilter, 'lastContactBefore' | 'lastContactAfter' | 'excludeStages'>,
  lastCallAt: (leadId: string) => number | undefined,
): Lead[] {
  const before = filter.lastContactBefore === undefined ? undefined : Date.parse(filter.lastContactBefore);
  const after = filter.lastContactAfter === undefined ? undefined : Date.parse(filter.lastContactAfter);
  const excluded = filter.excludeStages?.length ? new Set(filter.excludeStages) : undefined;
  if (before === undefined && after === undefined && !excluded) return [...leads];
  return leads.filter((lead) => {
    if (excluded?.has(lead.stage)) return false;
    if (before === undefined && after === undefined) return true;
    const last = latest(lead.lastContactAt ? Date.parse(lead.lastContactAt) : undefined, lastCallAt(lead.id));
    if (before !== undefined && last !== undefined && last >= before) return false;
    if (after !== undefined && (last === undefined || last < after)) return false;
    return true;
  });
}

/**
 * The entry of a lead: its earliest pending callback says who may call (owner-only or anyone),
 * else the list's scope with the lead's owner.
 */
export function newEntry(listId: string, lead: Lead, scope: EntryScope, at: string): CallbackEntry {
  let callback: Lead['callbacks'][number] | undefined;
  for (const c of lead.callbacks)
    if (c.status === 'pending' && (!callback || Date.parse(c.dueAt) < Date.parse(callback.dueAt))) callback = c;
  const owner = callback ? callback.owner : lead.owner;
  return {
    id: entryId(listId, lead.id),
    listId,
    leadId: lead.id,
    priority: stagePriority(lead.stage),
    scope: callback ? callback.scope : scope,
    ...(owner ? { owner } : {}),
    status: 'to-call',
    attempts: 0,
    addedAt: at,
  };
}

/**
 * A saved-filter list seen again: new matches come in; entries never called that no longer
 * match go; anything called, skipped or in a call stays (its history is the list's progress).
 */
export function refreshEntries(
  existing: readonly CallbackEntry[],
  matching: readonly Lead[],
  listId: string,
  scope: EntryScope,
  at: string,
): { added: CallbackEntry[]; removed: string[] } {
  const have = new Set(existing.map((e) => e.leadId));
  const now = new Set(matching.map((l) => l.id));
  const added = matching.filter((l) => !have.has(l.id)).map((l) => newEntry(listId, l, scope, at));
  const removed = existing
    .filter((e) => !now.has(e.leadId) && e.status === 'to-call' && e.attempts === 0)
    .map((e) => e.id);
  return { added, removed };
}

/**
 * Skipped by the dialer's own check (the calling rules, the do-not-call list, no number), so
 * checked again at a refresh and a session start: a cause waiting will not undo (no consent…)
 * may be gone since, and one that only lasts a while (outside the hours, a holiday, the
 * attempts cap) may be over, or the rules changed. A seller's skip, a missing lead and a call
 * the app could not settle are not the check's to undo.
 */
export function checkedAgain(entry: Pick<CallbackEntry, 'status' | 'skip'>): boolean {
  const skip = entry.status === 'skipped' ? entry.skip : undefined;
  return skip?.kind === 'forbidden' || skip?.kind === 'do-not-call' || skip?.kind === 'no-number';
}

/** The dialer's own check of a lead (numbers, do-not-call list, calling rules) at a time. */
export type LeadCheck = (lead: Lead, at: Date) => { ok: true } | { ok: false; skip: Omit<SkipReason, 'at'> };

const codes = (skip: Pick<SkipReason, 'reasons'>) => skip.reasons.map((r) => r.code).join(' ');

/** A refusal that says nothing new: same kind, same reasons, same next legal time (or none). */
const sameRefusal = (before: SkipReason, now: Omit<SkipReason, 'at'>) =>
  before.kind === now.kind && codes(before) === codes(now) && before.nextLegalAt === now.nextLegalAt;

/**
 * The entries the dialer skipped, checked again as it would now: one the check allows goes back
 * to be called (its next legal time has passed, or the rules, the lead or the do-not-call list
 * changed); one still refused keeps its skip, renewed only when the refusal changed (another
 * reason, another next legal time, or now for good where it was for a while), so the list and
 * the session's end never give a stale time. A refusal unchanged is not written again, and
 * nothing here notes the lead. Only what changes is returned. Pure.
 */
export function recheckSkipped(
  entries: readonly CallbackEntry[],
  peek: (leadId: string) => Lead | undefined,
  check: LeadCheck,
  at: Date,
): CallbackEntry[] {
  const changed: CallbackEntry[] = [];
  for (const entry of entries) {
    if (!checkedAgain(entry)) continue;
    const lead = peek(entry.leadId);
    if (!lead) continue;
    const result = check(lead, at);
    const { skip, ...rest } = entry;
    if (result.ok) changed.push({ ...rest, status: 'to-call' });
    else if (!sameRefusal(skip!, result.skip))
      changed.push({ ...rest, status: 'skipped', skip: { ...result.skip, at: at.toISOString() } });
  }
  return changed;
}
