import type { PhoneCall } from './engine/types';

/**
 * The dialer must not call over the seller: while another call rings here, is on the line or on
 * hold, its next call is refused and the session pauses until the seller resumes it.
 */
export function callInTheWay(calls: readonly Pick<PhoneCall, 'state'>[]): PhoneCall['state'] | undefined {
  return calls.find((c) => c.state !== 'ended')?.state;
}
