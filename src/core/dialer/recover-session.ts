import type { CallRecord } from '../../shared/domain/call-record';
import type { CallbackEntry, SkipReason } from '../../shared/domain/callback-list';
import type { DialTarget } from '../../shared/domain/dialer';
import { leadDisplayName } from '../../shared/domain/lead';
import type { CallLog } from '../calls/call-log';
import type { Logger } from '../log';
import { saveOutcome, type OutcomeDeps } from '../outcomes/save-outcome';
import { idTime } from '../store';
import type { CallbackLists } from './callback-lists';
import type { LeadAccess } from './lead-access';
import { planRecovery, type SessionCallSeen } from './recovery';
import type { DialerRunner } from './runner';
import type { OpenSession, SessionFileStore } from './session-file';

export interface RecoverDeps {
  open: OpenSession | null;
  lists: Pick<CallbackLists, 'get' | 'entries'>;
  leads: Pick<LeadAccess, 'ready' | 'peek' | 'addNote'>;
  callLog: Pick<CallLog, 'rows'>;
  runner: Pick<DialerRunner, 'restore'>;
  /** The service's calls of the running session (outcomes read their start from it). */
  sessionCalls: Map<string, CallRecord>;
  updateEntry(target: Pick<DialTarget, 'entryId'>, change: (e: CallbackEntry) => void): Promise<void>;
  outcomeDeps: OutcomeDeps;
  sessionFile: Pick<SessionFileStore, 'end'>;
  skipNote(skip: SkipReason): string;
  now: () => number;
  log: Logger;
}

/**
 * On start-up, brings back a dialer session the app did not stop (crash, power cut): its entries
 * are settled by `planRecovery` and the session waits, interrupted, for the seller.
 */
export async function recoverSession(deps: RecoverDeps): Promise<void> {
  const { open, log } = deps;
  if (!open) return;
  const { session } = open;
  if (!deps.lists.get(session.listId)) {
    log.warn('dialer: the interrupted session’s list no longer exists', { session: session.id });
    await deps.sessionFile.end(session.id);
    return;
  }
  await deps.leads.ready();
  const startMs = idTime(session.id);
  const records: CallRecord[] = [];
  const calls: SessionCallSeen[] = [];
  for await (const row of deps.callLog.rows({ from: new Date(startMs).toISOString(), dialerSessionId: session.id })) {
    records.push(row);
    calls.push({
      id: row.id,
      leadId: row.leadId,
      number: row.number,
      startedAt: row.startedAt,
      disposition: row.disposition,
      callback: row.callback,
    });
  }
  const held = deps.lists.entries(session.listId).filter((e) => e.status === 'calling' && e.sessionId === session.id);
  const plan = planRecovery({ held, calls, dialing: open.dialing });
  const at = new Date(deps.now()).toISOString();
  const target = (entry: CallbackEntry, number: string): DialTarget => {
    const lead = deps.leads.peek(entry.leadId);
    return { entryId: entry.id, leadId: entry.leadId, number, name: lead ? leadDisplayName(lead.contact) : '' };
  };

  for (const { entry, call, disposition } of plan.reapply) {
    // Every step of an outcome can run again: the lead and entry catch up with what is on disk.
    const saved = await saveOutcome(
      deps.outcomeDeps,
      { recordId: call.id, number: call.number, startedAt: call.startedAt, leadId: entry.leadId, entryId: entry.id },
      { disposition, ...(call.callback ? { callback: call.callback } : {}) },
      true,
    );
    await saved.applied;
  }
  const uncertain: DialTarget[] = [];
  for (const entry of plan.uncertain) {
    const skip: SkipReason = { kind: 'interrupted', reasons: [], at };
    await deps.updateEntry({ entryId: entry.id }, (e) => {
      delete e.sessionId;
      e.status = 'skipped';
      e.skip = skip;
    });
    await deps.leads.addNote(entry.leadId, deps.skipNote(skip));
    uncertain.push(target(entry, open.dialing?.number ?? ''));
  }
  for (const { entry, attempted } of plan.release)
    await deps.updateEntry({ entryId: entry.id }, (e) => {
      delete e.sessionId;
      e.status = 'to-call';
      if (attempted) e.attempts++;
    });

  for (const r of records) deps.sessionCalls.set(r.id, r);
  const lastSeen = Math.max(
    startMs,
    ...records.map((r) => Date.parse(r.endedAt ?? r.answeredAt ?? r.ringingAt ?? r.startedAt)),
    open.dialing ? Date.parse(open.dialing.at) : startMs,
  );
  const restored = deps.runner.restore({
    session,
    activeMs: lastSeen - startMs,
    calls: records,
    pending: plan.pending && {
      target: target(plan.pending.entry, plan.pending.call.number),
      // The softphone's call is gone; the record stands for it.
      callId: `interrupted:${plan.pending.call.id}`,
      recordId: plan.pending.call.id,
    },
    uncertain,
  });
  if (!restored.ok) log.error('dialer: the interrupted session was not restored', { reason: restored.reason });
  else
    log.warn('dialer: session interrupted by the app stopping, waiting to be resumed', {
      session: session.id,
      pending: plan.pending?.call.id ?? null,
      reapplied: plan.reapply.length,
      uncertain: plan.uncertain.length,
      released: plan.release.length,
    });
}
