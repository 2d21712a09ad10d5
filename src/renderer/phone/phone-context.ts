import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AccountProblem } from './account';
import type { PhoneEngine, PhoneSnapshot } from './engine/types';

export interface PhoneContextValue {
  engine: PhoneEngine;
  /** Why the phone cannot register yet (nothing configured, no password), if that is the case. */
  accountProblem: AccountProblem | undefined;
}

export const PhoneContext = createContext<PhoneContextValue | null>(null);

export function usePhone(): PhoneContextValue {
  const value = useContext(PhoneContext);
  if (!value) throw new Error('usePhone outside PhoneProvider');
  return value;
}

export function usePhoneSnapshot(): PhoneSnapshot {
  const { engine } = usePhone();
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot);
}
