import { VOICEMAIL_LEFT_DISPOSITION } from '../../shared/domain/voicemail';
import { AppFailure } from '../../shared/result';
import type { DialerService } from '../dialer/dialer-service';
import type { VoicemailDeps } from './voicemail-service';

/**
 * "Voicemail left" through the dialer service, which owns call outcomes: a call in the session's
 * wrap-up gets it as the wrap-up's disposition; a session still on that call waits for its
 * wrap-up; any other call gets it as a saved call's outcome once its record is in the journal.
 */
export function markVoicemailLeftVia(
  dialer: Pick<DialerService, 'view' | 'saveOutcome' | 'setCallOutcome'>,
): VoicemailDeps['markVoicemailLeft'] {
  return async ({ recordId, callId }) => {
    const view = dialer.view();
    if (view.state === 'wrap-up' && view.recordId === recordId) {
      await dialer.saveOutcome({ disposition: VOICEMAIL_LEFT_DISPOSITION });
      return 'logged';
    }
    // The session is still on that call: its wrap-up comes once the record is in. Matched by call
    // id alone: a call already recorded no longer says which session it was in.
    if (view.callId === callId) return 'not-yet';
    try {
      // Never over the seller's own disposition: theirs says more than the app's.
      await dialer.setCallOutcome({ recordId, disposition: VOICEMAIL_LEFT_DISPOSITION, unlessSellerChose: true });
      return 'logged';
    } catch (error) {
      // The call's end has not reached the journal yet.
      if (error instanceof AppFailure && error.code === 'not-found') return 'not-yet';
      throw error;
    }
  };
}
