import type { CallbackEntry } from '../../shared/domain/callback-list';
import type { OutcomeInput } from '../../shared/domain/disposition';

/** A call record of the interrupted session, with the disposition it has by now (SIP or seller). */
export interface SessionCallSeen {
  id: string;
  leadId?: string | undefined;
  number: string;
  startedAt: string;
  disposition?: string | undefined;
  callback?: OutcomeInput['callback'];
}

export interface RecoveryPlan {
  /** The call that waits for the seller's disposition when the session resumes. */
  pending?: { entry: CallbackEntry; call: SessionCallSeen };
  /** Calls whose disposition is known but did not reach their entry: applied again. */
  reapply: { entry: CallbackEntry; call: SessionCallSeen; disposition: string }[];
  /** Being dialled when the app stopped, with no trace of the call: not dialled again. */
  uncertain: CallbackEntry[];
  /** Back to the list; `attempted` when a call was made for it. */
  release: { entry: CallbackEntry; attempted: boolean }[];
}

/**
 * What to do with an interrupted session's entries on restart, so that no lead is dialled twice
 * and no known outcome is lost. `held`: the list's entries still `calling` for this session;
 * `calls`: the session's call records; `dialing`: the entry whose call was about to leave.
 * Pure: the caller reads the files and carries the plan out.
 */
export function planRecovery(input: {
  held: readonly CallbackEntry[];
  calls: readonly SessionCallSeen[];
  dialing?: { entryId: string } | undefined;
}): RecoveryPlan {
  const plan: RecoveryPlan = { reapply: [], uncertain: [], release: [] };
  const undisposed: { entry: CallbackEntry; call: SessionCallSeen }[] = [];
  for (const entry of input.held) {
    const call = latestCallFor(entry, input.calls);
    if (call?.disposition) plan.reapply.push({ entry, call, disposition: call.disposition });
    else if (call) undisposed.push({ entry, call });
    else if (input.dialing?.entryId === entry.id) plan.uncertain.push(entry);
    else plan.release.push({ entry, attempted: false });
  }
  // One call at a time per session: several undisposed calls only after a bug; the newest waits.
  undisposed.sort((a, b) => Date.parse(b.call.startedAt) - Date.parse(a.call.startedAt));
  const [newest, ...older] = undisposed;
  if (newest) plan.pending = newest;
  for (const o of older) plan.release.push({ entry: o.entry, attempted: true });
  return plan;
}

/** The entry's call in this session: to its lead, after the outcome the entry already has. */
function latestCallFor(entry: CallbackEntry, calls: readonly SessionCallSeen[]): SessionCallSeen | undefined {
  const after = entry.lastCallAt ? Date.parse(entry.lastCallAt) : -Infinity;
  let best: SessionCallSeen | undefined;
  for (const c of calls) {
    if (c.leadId !== entry.leadId || c.id === entry.lastRecordId) continue;
    const t = Date.parse(c.startedAt);
    if (t <= after) continue;
    if (!best || t > Date.parse(best.startedAt)) best = c;
  }
  return best;
}
