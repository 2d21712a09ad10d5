import type { RequestInput } from '../../shared/contract';
import type { Disposition } from '../../shared/domain/disposition';
import { toDateTimeLocal, tomorrowAtTen } from '../leads/snooze';

type OutcomeRequest = RequestInput<'calls.setOutcome'>;

export type OutcomeProblem = 'no-disposition' | 'no-callback' | 'no-lead-for-callback';

/** The callback time the editor offers: tomorrow 10:00 local, as on the lead page and in the dialer. */
export const defaultCallbackInput = (now: Date): string => toDateTimeLocal(tomorrowAtTen(now));

/** What the editor shows for the chosen disposition: the callback fields, or why a callback cannot be set. */
export function callbackField(
  disposition: string,
  set: readonly Disposition[],
  linkedToLead: boolean,
): 'none' | 'ask' | 'no-lead' {
  if (!set.find((d) => d.id === disposition)?.requiresCallback) return 'none';
  // A callback lives on a lead: an unknown caller's call has nowhere to keep it (core refuses it too).
  return linkedToLead ? 'ask' : 'no-lead';
}

/**
 * The outcome the seller gives a saved call: disposition, notes, and a callback when the
 * disposition asks for one. `linkedToLead`: the call has a lead (false: an unknown caller).
 */
export function buildOutcome(
  recordId: string,
  form: { disposition: string; notes: string; callbackAt: string; scope: 'owner' | 'anyone' },
  set: readonly Disposition[],
  linkedToLead = true,
): { ok: true; input: OutcomeRequest } | { ok: false; problem: OutcomeProblem } {
  if (!form.disposition) return { ok: false, problem: 'no-disposition' };
  const input: OutcomeRequest = { recordId, disposition: form.disposition };
  const note = form.notes.trim();
  if (note) input.note = note;
  const callback = callbackField(form.disposition, set, linkedToLead);
  if (callback === 'no-lead') return { ok: false, problem: 'no-lead-for-callback' };
  if (callback === 'ask') {
    if (!form.callbackAt) return { ok: false, problem: 'no-callback' };
    const due = new Date(form.callbackAt);
    if (Number.isNaN(due.getTime())) return { ok: false, problem: 'no-callback' };
    input.callback = { dueAt: due.toISOString(), scope: form.scope };
  }
  return { ok: true, input };
}
