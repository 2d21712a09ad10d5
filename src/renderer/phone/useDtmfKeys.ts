import { useEffect } from 'react';
import { dtmfKeys, talkingCall } from './call-format';
import type { PhoneEngine } from './engine/types';

/**
 * During a call, digits typed anywhere but in a text field go to the call as DTMF: sellers
 * navigate a customer's IVR or voicemail without reaching for the mouse.
 */
export function useDtmfKeys(engine: PhoneEngine): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || !dtmfKeys.has(event.key)) return;
      if (isTextEntry(event.target)) return;
      const call = talkingCall(engine.getSnapshot().calls);
      if (!call) return;
      event.preventDefault();
      void engine.sendDtmf(call.id, event.key).catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [engine]);
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
