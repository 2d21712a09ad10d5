import type { PhoneCall, RegistrationState } from './engine/types';

/**
 * The dialer must not call over the seller: while another call rings here, is on the line or on
 * hold, its next call is refused and the session pauses until the seller resumes it.
 */
export function callInTheWay(calls: readonly Pick<PhoneCall, 'state'>[]): PhoneCall['state'] | undefined {
  return calls.find((c) => c.state !== 'ended')?.state;
}

/**
 * Why the phone cannot place the dialer's call at all, in words the seller can act on: no account
 * (fill it in Settings), or an account the server has not registered (yet, or any more).
 */
export function phoneNotReady(
  registration: Pick<RegistrationState, 'kind'>,
): 'noAccount' | 'notRegistered' | undefined {
  if (registration.kind === 'registered') return undefined;
  return registration.kind === 'unconfigured' ? 'noAccount' : 'notRegistered';
}
