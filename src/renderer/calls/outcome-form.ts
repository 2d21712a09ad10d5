import type { RequestInput } from '../../shared/contract';
import type { Disposition } from '../../shared/domain/disposition';
import { wrapUpOrder } from '../dialer/disposition-keys';
import type { Translate } from '../dialer/translate';
import { nextWorkingDayAtTen, toDateTimeLocal } from '../leads/snooze';

type OutcomeRequest = RequestInput<'calls.setOutcome'>;

export type OutcomeProblem = 'no-disposition' | 'no-callback' | 'no-lead-for-callback';

/** The callback time the editor offers: tomorrow 10:00 local, as on the lead page and in the dialer. */
export const defaultCallbackInput = (now: Date): string => toDateTimeLocal(nextWorkingDayAtTen(now));

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

/**
 * The Qualifier's choices in the wrap-up form's order (conversation outcomes first, those the
 * line gives by itself last), so a seller finds them where the dialer puts them.
 */
export const qualifierChoices = (set: readonly Disposition[]): Disposition[] => wrapUpOrder(set);

/** The editor opens on the call's disposition when the set still has it, else on "Choisir…". */
export const initialDisposition = (current: string | undefined, set: readonly Disposition[]): string =>
  current && set.some((d) => d.id === current) ? current : '';

/**
 * A call that had a do-not-call outcome, given another one: core keeps the consent revoked and
 * the number listed (a refusal is never undone by a click), so the seller is told.
 * `lead`: the call has a lead (the consent lives there); `number`: no lead, only the list.
 */
export function stillListedNotice(
  previous: string | undefined,
  next: string,
  set: readonly Disposition[],
  linkedToLead: boolean,
): 'lead' | 'number' | null {
  const flagged = (id: string | undefined) => set.find((d) => d.id === id)?.doNotCall === true;
  if (!flagged(previous) || next === '' || flagged(next)) return null;
  return linkedToLead ? 'lead' : 'number';
}

/** What the seller reads about it, and where to change it. */
export function stillListedText(kind: 'lead' | 'number', t: Translate): string {
  return kind === 'lead'
    ? t('calls.edit.stillListed', { section: t('leads.detail.sections.consent') })
    : t('calls.edit.stillListedNoLead');
}
