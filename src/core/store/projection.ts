import type { CallRecord } from '../../shared/domain/call-record';

/**
 * A view derived from the journal, rebuilt by replay and saved in the checkpoint so a cold start
 * does not re-read every record. Replay feeds it parsed JSON that was validated when written, so
 * apply() must tolerate records written by older versions.
 */
export interface Projection<S = unknown> {
  /** Key of the snapshot in the checkpoint; change it when the snapshot format changes. */
  readonly name: string;
  apply(record: CallRecord): void;
  snapshot(): S;
  restore(snapshot: S): void;
}

export interface LeadCallStats {
  count: number;
  /** ISO time of the latest call start. */
  lastCallAt: string;
}

/** Column arrays: JSON.parse reads 100k array items ~3x faster than an object with 100k keys. */
export interface CallsByLeadSnapshot {
  leadIds: string[];
  counts: number[];
  lastCallAt: number[];
}

export interface CallsByLead extends Projection<CallsByLeadSnapshot> {
  get(leadId: string): LeadCallStats | undefined;
  readonly size: number;
}

/** leadId -> { count, lastCallAt }: what the lead list needs without touching the journal. */
export function callsByLead(): CallsByLead {
  // [count, lastCallAt ms]: compact in memory and in the checkpoint (100k leads ~ 4 MB).
  let byLead = new Map<string, [number, number]>();
  return {
    name: 'callsByLead@2',
    apply(record) {
      if (!record.leadId) return;
      const t = Date.parse(record.startedAt);
      const cur = byLead.get(record.leadId);
      if (cur) {
        cur[0]++;
        if (t > cur[1]) cur[1] = t;
      } else {
        byLead.set(record.leadId, [1, t]);
      }
    },
    snapshot() {
      const snap: CallsByLeadSnapshot = { leadIds: [], counts: [], lastCallAt: [] };
      for (const [id, [count, last]] of byLead) {
        snap.leadIds.push(id);
        snap.counts.push(count);
        snap.lastCallAt.push(last);
      }
      return snap;
    },
    restore(snapshot) {
      byLead = new Map();
      snapshot.leadIds.forEach((id, i) => byLead.set(id, [snapshot.counts[i]!, snapshot.lastCallAt[i]!]));
    },
    get(leadId) {
      const cur = byLead.get(leadId);
      return cur ? { count: cur[0], lastCallAt: new Date(cur[1]).toISOString() } : undefined;
    },
    get size() {
      return byLead.size;
    },
  };
}
