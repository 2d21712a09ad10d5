import type { Disposition, OutcomeInput } from '../../shared/domain/disposition';
import { fromDateTimeLocal } from '../leads/snooze';

/** What the wrap-up form holds while the seller fills it. */
export interface WrapUpDraft {
  disposition: string | null;
  note: string;
  /** `<input type="datetime-local">` value, or ''. */
  callbackAt: string;
  callbackScope: 'owner' | 'anyone';
}

export const emptyDraft: WrapUpDraft = { disposition: null, note: '', callbackAt: '', callbackScope: 'owner' };

export type WrapUpProblem = 'chooseDisposition' | 'callbackMissing' | 'callbackPast' | 'badDate';
export type WrapUpCheck =
  | { ok: true; outcome: OutcomeInput; disposition: Disposition }
  | { ok: false; field: 'disposition' | 'callback'; problem: WrapUpProblem };

/** The draft as `dialer.saveOutcome` takes it, or the first thing to fix (core checks the same). */
export function checkWrapUp(draft: WrapUpDraft, set: readonly Disposition[], now: Date): WrapUpCheck {
  const disposition = set.find((d) => d.id === draft.disposition);
  if (!disposition) return { ok: false, field: 'disposition', problem: 'chooseDisposition' };
  let callback: OutcomeInput['callback'];
  if (draft.callbackAt.trim() !== '') {
    const due = fromDateTimeLocal(draft.callbackAt.trim());
    if (!due) return { ok: false, field: 'callback', problem: 'badDate' };
    if (due.getTime() <= now.getTime()) return { ok: false, field: 'callback', problem: 'callbackPast' };
    callback = { dueAt: due.toISOString(), scope: draft.callbackScope };
  } else if (disposition.requiresCallback) return { ok: false, field: 'callback', problem: 'callbackMissing' };
  const note = draft.note.trim();
  return {
    ok: true,
    disposition,
    outcome: { disposition: disposition.id, ...(note ? { note } : {}), ...(callback ? { callback } : {}) },
  };
}
