import type { RequestInput } from '../../shared/contract';
import type { Disposition } from '../../shared/domain/disposition';
import { toDateTimeLocal, tomorrowAtTen } from '../leads/snooze';

type OutcomeRequest = RequestInput<'calls.setOutcome'>;

/** The callback time the editor offers: tomorrow 10:00 local, as on the lead page and in the dialer. */
export const defaultCallbackInput = (now: Date): string => toDateTimeLocal(tomorrowAtTen(now));

/** The outcome the seller gives a saved call: disposition, notes, and a callback when the disposition asks for one. */
export function buildOutcome(
  recordId: string,
  form: { disposition: string; notes: string; callbackAt: string; scope: 'owner' | 'anyone' },
  set: readonly Disposition[],
): { ok: true; input: OutcomeRequest } | { ok: false; problem: 'no-disposition' | 'no-callback' } {
  if (!form.disposition) return { ok: false, problem: 'no-disposition' };
  const input: OutcomeRequest = { recordId, disposition: form.disposition };
  const note = form.notes.trim();
  if (note) input.note = note;
  if (set.find((d) => d.id === form.disposition)?.requiresCallback) {
    if (!form.callbackAt) return { ok: false, problem: 'no-callback' };
    const due = new Date(form.callbackAt);
    if (Number.isNaN(due.getTime())) return { ok: false, problem: 'no-callback' };
    input.callback = { dueAt: due.toISOString(), scope: form.scope };
  }
  return { ok: true, input };
}
