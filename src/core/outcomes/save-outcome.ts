import type { Disposition, OutcomeInput } from '../../shared/domain/disposition';
import { AppFailure } from '../../shared/result';
import type { CallbackLists } from '../dialer/callback-lists';
import type { LeadAccess } from '../dialer/lead-access';
import type { Logger } from '../log';
import type { DispositionBook } from './disposition-book';
import type { DoNotCallList } from './do-not-call';
import { leadChanges } from './lead-changes';
import type { OutcomeLog } from './outcome-log';
import { entryAfterOutcome } from './retry';

export interface OutcomeDeps {
  dispositions: Pick<DispositionBook, 'require'>;
  outcomes: Pick<OutcomeLog, 'set'>;
  doNotCall: Pick<DoNotCallList, 'add'>;
  leads: Pick<LeadAccess, 'peek' | 'setStage' | 'setCallback' | 'completeCallback' | 'revokeConsent'>;
  lists: Pick<CallbackLists, 'entry' | 'put'>;
  now: () => number;
  seller: () => string;
  log: Logger;
}

/** The call an outcome is for. */
export interface OutcomeCall {
  recordId: string;
  number: string;
  /** The call's start (ISO): the list entry's last call. */
  startedAt: string;
  leadId?: string | undefined;
  /** The dialer's list entry, for its progress and retry time. */
  entryId?: string | undefined;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Refuses an outcome that cannot be saved, before anything is written or the session moves.
 * `call` given without a lead (an unknown caller on the Calls page): a callback is refused, as
 * it would be kept nowhere; the rest of the disposition (do-not-call included) still applies.
 */
export function checkOutcome(
  book: Pick<DispositionBook, 'require'>,
  input: OutcomeInput,
  now: number,
  call?: Pick<OutcomeCall, 'recordId' | 'leadId'>,
): Disposition {
  const disposition = book.require(input.disposition);
  if (call && !call.leadId && (disposition.requiresCallback || input.callback))
    throw new AppFailure(
      'invalid-request',
      `call ${call.recordId} is linked to no lead, so there is nobody to call back: create the lead first`,
      'callback',
    );
  if (disposition.requiresCallback && !input.callback)
    throw new AppFailure('invalid-request', `"${disposition.labels.en}" needs a callback time`, 'callback');
  if (input.callback && Date.parse(input.callback.dueAt) <= now)
    throw new AppFailure('invalid-request', 'the callback time has already passed', 'callback.dueAt');
  return disposition;
}

export interface SavedOutcome {
  disposition: Disposition;
  /** The lead and the list entry brought up to date; runs once the outcome itself is on disk. */
  applied: Promise<void>;
}

/**
 * Saves a call's outcome. Resolves once the outcome is on disk: the seller's disposition and
 * note (SIP ones are already in the record), and for a refusal the number on the do-not-call
 * list. Then, in `applied`, the lead (consent revoked, stage, callbacks) and the list entry
 * (attempts, retry time), each write on disk before the next: the dialer places the next call
 * without waiting for them. Every step can run again safely, so a failed save is retried by
 * saving again.
 */
export async function saveOutcome(
  deps: OutcomeDeps,
  call: OutcomeCall,
  input: OutcomeInput,
  auto: boolean,
): Promise<SavedOutcome> {
  const now = deps.now();
  const disposition = auto
    ? deps.dispositions.require(input.disposition)
    : checkOutcome(deps.dispositions, input, now, call);
  const seller = deps.seller();
  if (!auto)
    await deps.outcomes.set(call.recordId, {
      disposition: disposition.id,
      ...(input.note ? { notes: input.note } : {}),
      ...(input.callback ? { callback: input.callback } : {}),
      at: new Date(now).toISOString(),
      by: seller,
    });
  if (disposition.doNotCall) {
    if (E164.test(call.number))
      await deps.doNotCall.add(
        { number: call.number, reason: 'refused', by: seller, ...(call.leadId ? { leadId: call.leadId } : {}) },
        new Date(now),
      );
    else deps.log.warn('outcome: refusal on a number that is not E.164, not listed', { record: call.recordId });
  }
  const applied = (async () => {
    if (call.leadId) await applyToLead(deps, call.leadId, call.number, disposition, input, now, seller);
    const entry = call.entryId ? deps.lists.entry(call.entryId) : undefined;
    if (entry)
      await deps.lists.put([
        entryAfterOutcome(entry, {
          disposition,
          recordId: call.recordId,
          callAt: call.startedAt,
          at: now,
          callbackAt: input.callback ? Date.parse(input.callback.dueAt) : undefined,
        }),
      ]);
  })();
  return { disposition, applied };
}

async function applyToLead(
  deps: OutcomeDeps,
  leadId: string,
  number: string,
  disposition: Disposition,
  input: OutcomeInput,
  now: number,
  seller: string,
): Promise<void> {
  const lead = deps.leads.peek(leadId);
  if (!lead) {
    deps.log.warn('outcome: the lead no longer exists, only the call is updated', { lead: leadId });
    return;
  }
  const changes = leadChanges(lead, disposition, number, now, seller);
  for (const consentId of changes.revokeConsentIds) await deps.leads.revokeConsent(leadId, consentId);
  if (changes.stage) await deps.leads.setStage(leadId, changes.stage);
  for (const callbackId of changes.completeCallbackIds) await deps.leads.completeCallback(leadId, callbackId);
  const due = input.callback ? Date.parse(input.callback.dueAt) : undefined;
  // A retried save finds the callback it set the first time.
  const already = lead.callbacks.some((c) => c.status === 'pending' && Date.parse(c.dueAt) === due);
  if (input.callback && !already)
    await deps.leads.setCallback({
      id: leadId,
      dueAt: input.callback.dueAt,
      scope: input.callback.scope,
      owner: seller,
    });
}
