import { createContext, useContext } from 'react';

export type Toast =
  | { kind: 'deleted'; undoToken: string; expiresAt: string; name: string }
  | { kind: 'message'; text: string; tone?: 'info' | 'error' };

export interface LeadsContextValue {
  /** settings.defaultRegion: how national numbers are read and shown. */
  region: string;
  showToast(toast: Toast): void;
}

export const LeadsContext = createContext<LeadsContextValue | null>(null);

export function useLeadsContext(): LeadsContextValue {
  const value = useContext(LeadsContext);
  if (!value) throw new Error('useLeadsContext outside LeadsArea');
  return value;
}

/**
 * Where the list was when the seller opened a lead, so Esc brings back the same search,
 * scroll position and selection (`selected` -1: no lead opened from it, nothing to bring back).
 * The search also outlives a visit to another page (the menu's link comes back to it). Lives for
 * the page's life, like the list itself would.
 */
export const listMemory = { search: '', offset: 0, selected: -1 };

/** Back to the list at the top with the search box focused, rather than at the opened lead. */
export function forgetListPosition(): void {
  listMemory.offset = 0;
  listMemory.selected = -1;
}
