import { sipDispositionIds, type Disposition } from '../../shared/domain/disposition';
import type { KeyLike } from '../leads/shortcuts';

/**
 * The wrap-up's choices in key order: what a seller picks after a conversation first (answered,
 * appointment, callback…), the outcomes the line usually gives by itself (busy, no answer…) last,
 * so digits 1–9 reach the everyday ones.
 */
export function wrapUpOrder(set: readonly Disposition[]): Disposition[] {
  const sip = new Set<string>(sipDispositionIds);
  return [...set.filter((d) => !sip.has(d.id)), ...set.filter((d) => sip.has(d.id))];
}

/** The digit that picks the disposition at `index` of the ordered choices, if any. */
export const keyForIndex = (index: number): string | undefined =>
  index >= 0 && index < 9 ? String(index + 1) : undefined;

/** What has focus inside the wrap-up form: a choice (or the form), a one-line field, the note, a button. */
export type WrapUpFocus = 'choice' | 'field' | 'note' | 'button';

export type WrapUpKeyAction = { kind: 'pick'; id: string } | { kind: 'save' } | null;

/**
 * Digits pick a disposition unless the seller is typing; Enter saves, except on a button (which
 * does its own thing) and in the note, where Ctrl/Cmd+Enter saves and Enter starts a new line.
 */
export function wrapUpKey(
  e: KeyLike,
  focus: WrapUpFocus,
  ordered: readonly Pick<Disposition, 'id'>[],
): WrapUpKeyAction {
  const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
  if (e.key === 'Enter') {
    if (focus === 'button' || e.altKey || e.shiftKey) return null;
    if (focus === 'note') return e.ctrlKey || e.metaKey ? { kind: 'save' } : null;
    return plain ? { kind: 'save' } : null;
  }
  if (!plain || e.shiftKey || focus !== 'choice' || !/^[1-9]$/.test(e.key)) return null;
  const picked = ordered[Number(e.key) - 1];
  return picked ? { kind: 'pick', id: picked.id } : null;
}
