import { useEffect, useRef } from 'react';
import { navigate } from '../useHash';

/** Asked before the lead page goes elsewhere: it calls `go` now, or once the seller agrees. */
type Guard = (go: () => void) => void;
let guard: Guard | null = null;

/** The lead page's own ways out (Esc, Ctrl+K, `/`): `go` runs now, or once the seller agrees. */
export function leaveLeadPage(go: () => void): void {
  if (guard) guard(go);
  else go();
}

export interface LinkClick {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * Where a click on a link takes the page, when it is a plain in-app move (left button, no modifier,
 * a `#/…` address other than the current one); null for anything else (a new window, a mailto:).
 */
export function inAppDestination(
  click: LinkClick,
  link: { href: string | null; target: string } | null,
  currentHash: string,
): string | null {
  if (!link?.href?.startsWith('#') || (link.target !== '' && link.target !== '_self')) return null;
  if (click.defaultPrevented || click.button !== 0) return null;
  if (click.ctrlKey || click.metaKey || click.shiftKey || click.altKey) return null;
  return link.href === currentHash ? null : link.href;
}

/**
 * While `dirty`, leaving the lead page by a link (side menu, "Retour", a double's name) or by its
 * keyboard shortcuts calls `ask(go)` instead; the browser's Back button is not held back.
 */
export function useLeaveGuard(dirty: boolean, ask: (go: () => void) => void): void {
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });
  useEffect(() => {
    if (!dirty) return;
    const mine: Guard = (go) => askRef.current(go);
    guard = mine;
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a') : null;
      const href = inAppDestination(
        event,
        anchor && { href: anchor.getAttribute('href'), target: anchor.target },
        window.location.hash,
      );
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation();
      askRef.current(() => navigate(href));
    };
    // Capture: decided before the link's own handlers and the browser's navigation.
    document.addEventListener('click', onClick, true);
    return () => {
      document.removeEventListener('click', onClick, true);
      if (guard === mine) guard = null;
    };
  }, [dirty]);
}
