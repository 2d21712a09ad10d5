import { useEffect, useRef } from 'react';

/**
 * Keyboard focus back on the control that opened a form once the form is gone (saved or
 * cancelled), or once an action took the focused button away (a callback done, a consent
 * revoked): without it the focus falls to the page. `returnFocus()` asks for it; it happens
 * after the render that draws the control again.
 */
export function useReturnFocus<T extends HTMLElement>(formOpen: boolean) {
  const ref = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (formOpen || !pending.current) return;
    pending.current = false;
    ref.current?.focus();
  });
  return {
    ref,
    returnFocus: () => {
      pending.current = true;
    },
  };
}
