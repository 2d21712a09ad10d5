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
 * scroll position and selection. Lives for the page's life, like the list itself would.
 */
export const listMemory = { search: '', offset: 0, selected: -1 };
