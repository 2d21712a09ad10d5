import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelanceClient } from '../../shared/client';
import { looseT } from '../dialer/translate';
import type { AccountProblem } from './account';
import { callFailureCause, phoneCause, phoneProblemText } from './dialer-guard';
import type { PhoneEngine } from './engine/types';

/**
 * The dialer lives in core; calls live here. Core asks (place, prepare, hang up) through events
 * and gets the softphone's answer back; the call's own events then flow through `calls.report`.
 */
export function useDialerBridge(
  engine: PhoneEngine,
  client: RelanceClient,
  accountProblem: AccountProblem | undefined,
): void {
  const { t } = useTranslation();
  // Read when core asks for a call; a change must not re-subscribe the bridge.
  const account = useRef(accountProblem);
  useEffect(() => {
    account.current = accountProblem;
  }, [accountProblem]);
  useEffect(() => {
    const say = looseT(t);
    const offPlace = client.on('dialer.placeCall', ({ requestId, dialerSessionId, leadId, number }) => {
      const cause = phoneCause(engine.getSnapshot(), account.current);
      if (cause) {
        void client.request('dialer.placeResult', { requestId, problem: phoneProblemText(cause, say).slice(0, 500) });
        return;
      }
      engine.call(number, { leadId, dialerSessionId }).then(
        (callId) => void client.request('dialer.placeResult', { requestId, callId }),
        (error: unknown) =>
          void client.request('dialer.placeResult', {
            requestId,
            problem: phoneProblemText(callFailureCause(error), say).slice(0, 500),
          }),
      );
    });
    const offPrepare = client.on('dialer.prepareCall', () => void engine.prepare().catch(() => undefined));
    const offHangup = client.on('dialer.hangup', ({ dialerSessionId, callId }) => {
      for (const call of engine.getSnapshot().calls) {
        if (call.state === 'ended') continue;
        if (callId ? call.id === callId : call.dialerSessionId === dialerSessionId) {
          void engine.hangup(call.id).catch(() => undefined);
        }
      }
    });
    return () => {
      offPlace();
      offPrepare();
      offHangup();
    };
  }, [engine, client, t]);
}
