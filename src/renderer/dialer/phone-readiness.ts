import type { DialerView } from '../../shared/domain/dialer';
import { phoneProblemText, type PhoneCause } from '../phone/dialer-guard';
import type { Translate } from './translate';

/**
 * The problem line of the session. Paused because the phone could not call, and the phone still
 * cannot: the cause as it is now (the words core kept were the phone's at the failed call).
 */
export function sessionProblem(
  view: Pick<DialerView, 'state' | 'pauseReason' | 'problem'>,
  phone: PhoneCause | undefined,
  t: Translate,
): string | undefined {
  if (view.state === 'paused' && view.pauseReason === 'phone' && phone) return phoneProblemText(phone, t);
  return view.problem;
}

/**
 * Resuming a paused session starts the next call's countdown; while the phone cannot call, that
 * countdown ends in the same failure. The refusal to show at once instead, or undefined: resume.
 */
export function resumeRefusal(
  view: Pick<DialerView, 'state'>,
  phone: PhoneCause | undefined,
  t: Translate,
): string | undefined {
  if (view.state !== 'paused' || !phone) return undefined;
  return t('dialer.session.resumeBlocked', { problem: phoneProblemText(phone, t) });
}

/** The microphone permission when the browser tells it (Chromium does); undefined otherwise. */
export async function microphonePermission(): Promise<PermissionState | undefined> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    return undefined;
  }
}
