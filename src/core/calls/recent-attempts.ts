import type { Projection } from '../store';

/** Enough starts per lead to decide any attempt limit a rule set allows (max 20 per window). */
export const KEPT_ATTEMPTS = 24;

export interface RecentAttemptsSnapshot {
  leadIds: string[];
  /** Start times (ms) per lead, newest last. */
  starts: number[][];
}

export interface RecentAttempts extends Projection<RecentAttemptsSnapshot> {
  /**
   * This lead's latest call starts, any outcome, oldest first: the calling rules' attempt history.
   * Several ids: a lead and the leads merged into it (MergedLeads.idsOf), one person's calls.
   */
  of(leadId: string | readonly string[]): Date[];
}

/**
 * The calling rules count attempts per consumer over a rolling window (4 in 30 days in France).
 * Kept from the journal like callsByLead, so a dialer decision never scans call records.
 */
export function recentAttempts(keep = KEPT_ATTEMPTS): RecentAttempts {
  let byLead = new Map<string, number[]>();
  return {
    name: `recentAttempts@1:${keep}`,
    apply(record) {
      if (!record.leadId) return;
      const t = Date.parse(record.startedAt);
      const starts = byLead.get(record.leadId);
      if (!starts) {
        byLead.set(record.leadId, [t]);
        return;
      }
      // Records arrive nearly in order; insert in place so the newest stay at the end.
      let i = starts.length;
      while (i > 0 && starts[i - 1]! > t) i--;
      starts.splice(i, 0, t);
      if (starts.length > keep) starts.shift();
    },
    snapshot() {
      return { leadIds: [...byLead.keys()], starts: [...byLead.values()] };
    },
    restore(snapshot) {
      byLead = new Map(snapshot.leadIds.map((id, i) => [id, [...(snapshot.starts[i] ?? [])]]));
    },
    of(leadId) {
      const ids = typeof leadId === 'string' ? [leadId] : leadId;
      if (ids.length === 1) return (byLead.get(ids[0]!) ?? []).map((t) => new Date(t));
      const starts = ids.flatMap((id) => byLead.get(id) ?? []).sort((a, b) => a - b);
      return starts.slice(-keep).map((t) => new Date(t));
    },
  };
}
