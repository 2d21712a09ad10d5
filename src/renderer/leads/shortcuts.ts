/** Keyboard shortcuts as pure functions of the key event, so they are testable without a DOM. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export type ListAction = 'focus-search' | 'next' | 'previous' | 'page-down' | 'page-up' | 'first' | 'last' | 'open';
export type DetailAction = 'focus-note' | 'open-callback' | 'back' | 'search';

const isSearchChord = (e: KeyLike) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
const plain = (e: KeyLike) => !e.ctrlKey && !e.metaKey && !e.altKey;

/**
 * The lead list. `editing` means focus is in a text field other than the search box (where
 * letters and `/` must type); the search box itself lets arrows and Enter drive the list.
 */
export function listShortcut(e: KeyLike, where: 'search' | 'list' | 'editing' | 'other'): ListAction | null {
  if (isSearchChord(e)) return 'focus-search';
  if (!plain(e)) return null;
  if (e.key === '/' && (where === 'list' || where === 'other')) return 'focus-search';
  if (where !== 'search' && where !== 'list') return null;
  switch (e.key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'PageDown':
      return 'page-down';
    case 'PageUp':
      return 'page-up';
    case 'Enter':
      return 'open';
  }
  // In the search box Home/End move the caret.
  if (where === 'list' && e.key === 'Home') return 'first';
  if (where === 'list' && e.key === 'End') return 'last';
  return null;
}

/** The lead page: single letters only when the user is not typing somewhere. */
export function detailShortcut(e: KeyLike, editing: boolean, dialogOpen: boolean): DetailAction | null {
  if (dialogOpen) return null;
  if (isSearchChord(e)) return 'search';
  if (!plain(e)) return null;
  if (e.key === 'Escape') return editing ? null : 'back';
  if (editing || e.shiftKey) return null;
  switch (e.key) {
    case 'n':
    case 'N':
      return 'focus-note';
    case 'c':
    case 'C':
      return 'open-callback';
    case '/':
      return 'search';
  }
  return null;
}

/** New selection after a list action, within 0..total-1; -1 stays -1 only for an empty list. */
export function moveSelection(action: ListAction, current: number, total: number, pageRows: number): number {
  if (total <= 0) return -1;
  const at = Math.min(Math.max(current, -1), total - 1);
  const clamp = (n: number) => Math.min(total - 1, Math.max(0, n));
  switch (action) {
    case 'next':
      return clamp(at + 1);
    case 'previous':
      return clamp(at < 0 ? 0 : at - 1);
    case 'page-down':
      return clamp(at + Math.max(1, pageRows));
    case 'page-up':
      return clamp(at - Math.max(1, pageRows));
    case 'first':
      return 0;
    case 'last':
      return total - 1;
    default:
      return at;
  }
}

/** Whether a focused element takes typed characters (so single-letter shortcuts must stay off). */
export function isEditableTarget(
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null,
): boolean {
  if (!target?.tagName) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (tag !== 'INPUT') return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes((target.type ?? 'text').toLowerCase());
}
