import { useEffect } from 'react';

/**
 * While `dirty`, reloading or closing the page asks first: the browser's own question, or in the
 * Electron shell the native one the main process shows on `will-prevent-unload` (src/main/guards.ts).
 */
export function useBeforeUnload(dirty: boolean): void {
  useEffect(() => (dirty ? holdUnload(window) : undefined), [dirty]);
}

/** Cancels the page's unload until the returned function is called; in a browser tab and in Electron alike. */
export function holdUnload(page: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onBeforeUnload = (event: Event) => event.preventDefault();
  page.addEventListener('beforeunload', onBeforeUnload);
  return () => page.removeEventListener('beforeunload', onBeforeUnload);
}
