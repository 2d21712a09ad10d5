import type { AccountProblem } from './account';
import type { PhoneCall, RegistrationFailure, RegistrationState } from './engine/types';

/**
 * The dialer must not call over the seller: while another call rings here, is on the line or on
 * hold, its next call is refused and the session pauses until the seller resumes it.
 */
export function callInTheWay(calls: readonly Pick<PhoneCall, 'state'>[]): PhoneCall['state'] | undefined {
  return calls.find((c) => c.state !== 'ended')?.state;
}

/** Why the dialer's call cannot leave (or did not), precise enough for the seller to fix it. */
export type PhoneCause =
  /** One piece of the account is missing: the same piece the phone panel names. */
  | { kind: 'setup'; problem: AccountProblem }
  | { kind: 'no-account' }
  | { kind: 'connecting' }
  | { kind: 'reconnecting' }
  | { kind: 'unregistered' }
  | { kind: 'failed'; reason: RegistrationFailure; code?: number | undefined; detail: string }
  | { kind: 'call-in-the-way' }
  | { kind: 'microphone-refused' }
  | { kind: 'no-microphone' }
  | { kind: 'call-failed'; detail: string };

/**
 * What stops the phone from placing a call right now, from what the panel knows: the account's
 * missing piece, the registration, a call on the line, the microphone permission (when known).
 * A password missing is that, not "no account": the account is set but cannot register.
 */
export function phoneCause(
  phone: { registration: RegistrationState; calls: readonly Pick<PhoneCall, 'state'>[] },
  accountProblem: AccountProblem | undefined,
  microphone?: PermissionState,
): PhoneCause | undefined {
  const r = phone.registration;
  switch (r.kind) {
    case 'registered':
      break;
    case 'unconfigured':
      return accountProblem ? { kind: 'setup', problem: accountProblem } : { kind: 'no-account' };
    case 'failed':
      return { kind: 'failed', reason: r.reason, code: r.code, detail: r.detail };
    default:
      return { kind: r.kind };
  }
  if (callInTheWay(phone.calls)) return { kind: 'call-in-the-way' };
  if (microphone === 'denied') return { kind: 'microphone-refused' };
  return undefined;
}

/** Why the engine refused to place a call, from its error (engine/audio.ts words the microphone's). */
export function callFailureCause(error: unknown): PhoneCause {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 400);
  if (name === 'NotAllowedError' || /microphone access was refused/i.test(message))
    return { kind: 'microphone-refused' };
  if (name === 'NotFoundError' || /no microphone found/i.test(message)) return { kind: 'no-microphone' };
  return { kind: 'call-failed', detail: message || 'call failed' };
}

const isNamed = (value: unknown): value is { name: string } =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "Indiquez…" → "indiquez…": the panel's sentence inside the session's. */
const inSentence = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/**
 * The cause as the paused session says it ("Problème : …"), with the phone panel's own words for
 * the account and the registration, and what to do before resuming.
 */
export function phoneProblemText(cause: PhoneCause, t: Translate): string {
  switch (cause.kind) {
    case 'setup':
      return t('dialer.phoneProblem.setup', { what: inSentence(t(`phone.status.setup.${cause.problem}`)) });
    case 'failed':
      return t('dialer.phoneProblem.failed', {
        cause: inSentence(t(`phone.status.failed.${cause.reason}`, { code: cause.code ?? '', detail: cause.detail })),
      });
    case 'call-failed':
      return t('dialer.phoneProblem.callFailed', { detail: cause.detail });
    case 'no-account':
      return t('dialer.phoneProblem.noAccount');
    case 'connecting':
      return t('dialer.phoneProblem.connecting');
    case 'reconnecting':
      return t('dialer.phoneProblem.reconnecting');
    case 'unregistered':
      return t('dialer.phoneProblem.unregistered');
    case 'call-in-the-way':
      return t('dialer.phoneProblem.callInTheWay');
    case 'microphone-refused':
      return t('dialer.phoneProblem.microphoneRefused');
    case 'no-microphone':
      return t('dialer.phoneProblem.noMicrophone');
  }
}
