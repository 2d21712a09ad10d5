import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export const useHash = (): string => useSyncExternalStore(subscribe, () => window.location.hash);

export const navigate = (hash: string): void => {
  window.location.hash = hash;
};
