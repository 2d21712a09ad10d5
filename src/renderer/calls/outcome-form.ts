import type { RequestInput } from '../../shared/contract';
import type { Disposition } from '../../shared/domain/disposition';

type OutcomeRequest = RequestInput<'calls.setOutcome'>;

/** `datetime-local` value of an instant, in the page's zone. */
export const localInputValue = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

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
