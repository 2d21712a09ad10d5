import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { PhoneEngine } from './engine/types';

/**
 * An OS notification for each new incoming call, so a seller on another window sees who calls.
 * Clicking it brings Relance forward; it closes when the call stops ringing.
 */
export function useIncomingCallNotifications(engine: PhoneEngine, t: TFunction): void {
  useEffect(() => {
    if (typeof Notification === 'undefined') return;
    const shown = new Map<string, Notification>();
    const update = () => {
      const ringing = new Set<string>();
      for (const call of engine.getSnapshot().calls) {
        if (call.state !== 'incoming') continue;
        ringing.add(call.id);
        if (shown.has(call.id) || Notification.permission !== 'granted') continue;
        const notification = new Notification(t('phone.notification.title'), {
          body: call.leadName ? `${call.leadName} — ${call.number}` : call.number,
          tag: call.id,
          requireInteraction: true,
        });
        notification.onclick = () => window.focus();
        shown.set(call.id, notification);
      }
      for (const [id, notification] of shown) {
        if (ringing.has(id)) continue;
        notification.close();
        shown.delete(id);
      }
    };
    const off = engine.subscribe(update);
    return () => {
      off();
      for (const notification of shown.values()) notification.close();
    };
  }, [engine, t]);
}
