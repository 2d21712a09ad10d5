import type { Disposition } from '../../shared/domain/disposition';
import type { Translate } from '../dialer/translate';

/**
 * Saving a call's outcome where one can put the number on the do-not-call list: such an outcome
 * revokes consent and lists the number at once (core never undoes it), so it is asked first.
 * `asking`: the question is open and nothing is sent; a second Enter or Ctrl+Enter changes
 * nothing, only "confirm" sends. `saving`: sent once, further submits are ignored.
 */
export type OutcomeSaveState<T> = { kind: 'editing' } | { kind: 'asking'; outcome: T } | { kind: 'saving'; outcome: T };

export type OutcomeSaveEvent<T> =
  | { kind: 'submit'; outcome: T; disposition: Pick<Disposition, 'doNotCall'> }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  /** The save answered, saved or refused: the form is the seller's again. */
  | { kind: 'settled' };

export interface OutcomeSaveStep<T> {
  state: OutcomeSaveState<T>;
  /** The outcome to send now, if any. */
  send?: T;
}

export const editingOutcome: OutcomeSaveState<never> = { kind: 'editing' };

export function outcomeSaveStep<T>(state: OutcomeSaveState<T>, event: OutcomeSaveEvent<T>): OutcomeSaveStep<T> {
  switch (state.kind) {
    case 'editing':
      if (event.kind !== 'submit') return { state };
      if (event.disposition.doNotCall) return { state: { kind: 'asking', outcome: event.outcome } };
      return { state: { kind: 'saving', outcome: event.outcome }, send: event.outcome };
    case 'asking':
      if (event.kind === 'confirm') return { state: { kind: 'saving', outcome: state.outcome }, send: state.outcome };
      if (event.kind === 'cancel') return { state: { kind: 'editing' } };
      return { state };
    case 'saving':
      return event.kind === 'settled' ? { state: { kind: 'editing' } } : { state };
  }
}

/** Digits and Enter act on the form only while the seller is filling it (not under the question). */
export const formTakesKeys = (state: OutcomeSaveState<unknown>): boolean => state.kind === 'editing';

/** The call the question is about. `number` as shown to the seller (national format at home). */
export interface DoNotCallCall {
  number: string;
  name?: string | undefined;
  /** false: nobody picked up (a refusal given some other way); undefined: not known. */
  answered?: boolean | undefined;
}

export interface DoNotCallQuestion {
  title: string;
  /** The call was not answered: said first, it is what should make the seller think twice. */
  warning?: string;
  paragraphs: string[];
  confirm: string;
  cancel: string;
}

/**
 * « Le numéro 06 87 84 65 31 ne sera plus jamais appelé et son consentement est révoqué. »
 * A call nobody answered may still carry a refusal (by mail, in person), so it is allowed, but
 * the question says the call was not answered.
 */
export function doNotCallQuestion(call: DoNotCallCall, t: Translate): DoNotCallQuestion {
  const name = call.name?.trim();
  const paragraphs = [
    name
      ? t('calls.doNotCall.bodyNamed', { number: call.number, name })
      : t('calls.doNotCall.body', { number: call.number }),
    t('calls.doNotCall.permanent'),
  ];
  return {
    title: t('calls.doNotCall.title'),
    ...(call.answered === false ? { warning: t('calls.doNotCall.notAnswered') } : {}),
    paragraphs,
    confirm: t('calls.doNotCall.confirm'),
    cancel: t('calls.doNotCall.cancel'),
  };
}
