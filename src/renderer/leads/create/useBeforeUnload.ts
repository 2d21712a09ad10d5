import { useEffect } from 'react';

/**
 * While `dirty`, reloading or closing the page asks first (the browser's own question). Not in
 * the Electron shell: there a cancelled `beforeunload` silently keeps the window from closing.
 */
export function useBeforeUnload(dirty: boolean): void {
  useEffect(() => {
    if (!dirty || window.relance) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
