import type { DialerView } from '../../shared/domain/dialer';
import { phoneProblemText, type PhoneCause } from '../phone/dialer-guard';
import type { Translate } from './translate';

/**
 * The problem line of the session. Paused for the phone: its cause as it is now (the words core
 * kept were the phone's when it paused), and none once the phone can call again, so the seller
 * sees Resume is safe. Otherwise core's words.
 */
export function sessionProblem(
  view: Pick<DialerView, 'state' | 'pauseReason' | 'problem'>,
  phone: PhoneCause | undefined,
  t: Translate,
): string | undefined {
  if (view.state === 'paused' && view.pauseReason === 'phone') return phone ? phoneProblemText(phone, t) : undefined;
  return view.problem;
}

/** A problem shown as its own line ends as a sentence: a period unless it has its end already. */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Causes the seller fixes in Settings (the account missing or incomplete, refused or offline):
 * the problem line then links there.
 */
const settingsCauses: ReadonlySet<PhoneCause['kind']> = new Set(['setup', 'no-account', 'unregistered', 'failed']);

/** Does the session's problem line link to Settings? Only while paused for a phone the settings can fix. */
export function problemInSettings(
  view: Pick<DialerView, 'state' | 'pauseReason'>,
  phone: PhoneCause | undefined,
): boolean {
  return view.state === 'paused' && view.pauseReason === 'phone' && !!phone && settingsCauses.has(phone.kind);
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

/**
 * Causes the phone does not get over by itself within a countdown: the account is missing or
 * incomplete, or the phone system refused it or was left. Connecting, reconnecting and a call
 * on the line may well be over before the countdown ends.
 */
const lastingCauses: ReadonlySet<PhoneCause['kind']> = new Set(['setup', 'no-account', 'unregistered', 'failed']);

/**
 * A preview whose countdown can only end in the phone's failure (and the pause that follows):
 * the screen pauses it at once instead, so the seller reads the cause without waiting for it.
 */
export function previewBoundToFail(
  view: Pick<DialerView, 'state' | 'countdownEndsAt'>,
  phone: PhoneCause | undefined,
): boolean {
  return view.state === 'preview' && view.countdownEndsAt !== undefined && !!phone && lastingCauses.has(phone.kind);
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
