import type { SipDispositionId } from '../../shared/domain/disposition';

export interface CallEnd {
  direction: 'outbound' | 'inbound';
  sipStatus?: number | undefined;
  answered: boolean;
  /** The dialer's ring timeout cancelled the call. */
  ringTimedOut: boolean;
}

/**
 * The disposition a SIP final status proves on its own, or undefined when the seller must say
 * (answered calls: a person or a voicemail; a cancel by the seller; anything unusual).
 * 480 and 408 mean the callee's side gave up ringing or could not be reached; 487 is only our own
 * CANCEL, which means "no answer" when the dialer's ring timeout sent it and nothing otherwise.
 */
export function sipDisposition(end: CallEnd): SipDispositionId | undefined {
  if (end.direction !== 'outbound' || end.answered) return undefined;
  switch (end.sipStatus) {
    case 486:
    case 600: // Busy Everywhere
      return 'busy';
    case 404:
    case 484:
    case 604:
      return 'invalid-number';
    case 603:
      return 'declined';
    case 408:
    case 480:
      return 'no-answer';
    case 487:
    case undefined:
      return end.ringTimedOut ? 'no-answer' : undefined;
    default:
      return undefined;
  }
}
