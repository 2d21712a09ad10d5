import type { Lead } from '../../../shared/domain/lead';
import type { LeadSummary } from '../../../shared/domain/lead-query';
import { listShortcut, moveSelection, type KeyLike } from '../shortcuts';

/** A lead the merge dialog offers; `shared`: it has one of this lead's numbers or its e-mail. */
export interface MergeCandidate {
  lead: LeadSummary;
  shared: boolean;
}

/** What `leads.findDuplicates` is asked for the lead on screen: its numbers and e-mail; null when it has neither. */
export function sharedContactQuery(lead: Lead): { phones: string[]; email?: string } | null {
  const phones = lead.contact.phones.map((p) => p.e164);
  const email = lead.contact.email?.trim();
  if (phones.length === 0 && !email) return null;
  return { phones, ...(email ? { email } : {}) };
}

/**
 * The leads to offer, the likely duplicates first: before anything is typed, every lead sharing
 * a number or the e-mail, then the search's; once a search is typed, its results with those
 * sharing one first. Never the lead itself, each lead once.
 */
export function mergeCandidates(
  leadId: string,
  sharing: readonly LeadSummary[],
  results: readonly LeadSummary[],
  typed: boolean,
): MergeCandidate[] {
  const sharedIds = new Set(sharing.map((l) => l.id));
  const first = typed ? results.filter((l) => sharedIds.has(l.id)) : sharing;
  const seen = new Set([leadId]);
  const out: MergeCandidate[] = [];
  for (const lead of [...first, ...results]) {
    if (seen.has(lead.id)) continue;
    seen.add(lead.id);
    out.push({ lead, shared: sharedIds.has(lead.id) });
  }
  return out;
}

export type PickerKey = { move: number } | { choose: number } | null;

/**
 * A key in the picker's search box, as in the Prospects search: ↑/↓ (and page keys) move
 * through the results, Enter takes the highlighted one; anything else types.
 */
export function pickerKey(event: KeyLike, active: number, total: number): PickerKey {
  const action = listShortcut(event, 'search');
  if (!action || action === 'focus-search' || total === 0) return null;
  if (action === 'open') return { choose: Math.max(0, Math.min(active, total - 1)) };
  return { move: moveSelection(action, active, total, 5) };
}
