import { useEffect, useReducer } from 'react';
import type { Disposition } from '../../shared/domain/disposition';
import { useConnection } from '../app/connection-context';
import { followDispositionSet, noDispositionSet, type DispositionSetState } from './disposition-set';

/**
 * The dealership's disposition set (labels in French and English), listed once per connection and
 * replaced by `dispositions.changed`, so a set saved in another window shows here without a reload.
 */
export function useDispositionSet(): DispositionSetState {
  const { client, onReconnected } = useConnection();
  const [state, dispatch] = useReducer(followDispositionSet, noDispositionSet);
  useEffect(() => {
    let live = true;
    const load = () =>
      void client.request('dispositions.list', {}).then((result) => {
        if (live) dispatch({ kind: 'listed', result });
      });
    load();
    const off = onReconnected(load);
    const offChanged = client.on('dispositions.changed', (set) => {
      if (live) dispatch({ kind: 'changed', set });
    });
    return () => {
      live = false;
      off();
      offChanged();
    };
  }, [client, onReconnected]);
  return state;
}

const none: readonly Disposition[] = [];

/** The dealership's disposition set; [] until it arrives. */
export function useDispositions(): readonly Disposition[] {
  return useDispositionSet().dispositions ?? none;
}
