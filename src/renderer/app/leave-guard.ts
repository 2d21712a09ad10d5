import { useEffect, useRef, useState } from 'react';
import { navigate } from '../leads/useHash';
import { holdBackForward } from './history-hold';
import { useBeforeUnload } from './useBeforeUnload';

/**
 * Asked before the page goes elsewhere while a form holds unsaved changes (the contact editor,
 * Settings › Call outcomes): it calls `go` now, or once the user agrees. One form at a time.
 */
type Guard = (go: () => void) => void;
let guard: Guard | null = null;

/** A page's own ways out (the lead page's Esc, Ctrl+K, `/`): `go` runs now, or once the user agrees. */
export function leavePage(go: () => void): void {
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
 * While `dirty`, leaving the page by a link (side menu, "Retour", a double's name, the phone
 * panel's lead), by its keyboard shortcuts (`leavePage`) or by the browser's Back/Forward
 * (`history-hold.ts`) calls `ask(go)` instead.
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
    const releaseHistory = holdBackForward((go) => askRef.current(go));
    return () => {
      releaseHistory();
      document.removeEventListener('click', onClick, true);
      if (guard === mine) guard = null;
    };
  }, [dirty]);
}

/**
 * A form's whole guard with its own question: while `dirty`, a reload asks through the browser
 * (or the shell), and a link, a shortcut or Back/Forward opens the form's dialog (`asking`).
 * `stay` closes it and gives the keyboard back where it was; `leave` goes where the user was going.
 */
export function useLeaveQuestion(dirty: boolean): { asking: boolean; stay: () => void; leave: () => void } {
  useBeforeUnload(dirty);
  const [leaving, setLeaving] = useState<{ go: () => void } | null>(null);
  const keepFocus = useRef<HTMLElement | null>(null);
  useLeaveGuard(dirty, (go) => {
    keepFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLeaving({ go });
  });
  useEffect(() => {
    if (leaving || !keepFocus.current) return;
    keepFocus.current.focus();
    keepFocus.current = null;
  }, [leaving]);
  return {
    asking: leaving !== null,
    stay: () => setLeaving(null),
    leave: () => {
      keepFocus.current = null;
      setLeaving(null);
      leaving?.go();
    },
  };
}
