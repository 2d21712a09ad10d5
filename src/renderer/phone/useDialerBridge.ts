import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelanceClient } from '../../shared/client';
import { callInTheWay, phoneNotReady } from './dialer-guard';
import type { PhoneEngine } from './engine/types';

/**
 * The dialer lives in core; calls live here. Core asks (place, prepare, hang up) through events
 * and gets the softphone's answer back; the call's own events then flow through `calls.report`.
 */
export function useDialerBridge(engine: PhoneEngine, client: RelanceClient): void {
  const { t } = useTranslation();
  useEffect(() => {
    const offPlace = client.on('dialer.placeCall', ({ requestId, dialerSessionId, leadId, number }) => {
      const phone = engine.getSnapshot();
      const notReady = phoneNotReady(phone.registration);
      if (notReady) {
        const problem = notReady === 'noAccount' ? t('phone.dialerNoAccount') : t('phone.dialerNotRegistered');
        void client.request('dialer.placeResult', { requestId, problem });
        return;
      }
      if (callInTheWay(phone.calls)) {
        void client.request('dialer.placeResult', { requestId, problem: t('phone.dialerBlockedByCall') });
        return;
      }
      engine.call(number, { leadId, dialerSessionId }).then(
        (callId) => void client.request('dialer.placeResult', { requestId, callId }),
        (error: unknown) =>
          void client.request('dialer.placeResult', {
            requestId,
            problem: (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'call failed',
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
