import { useEffect, useState } from 'react';
import type { Disposition } from '../../shared/domain/disposition';
import { useConnection } from '../app/connection-context';

/** The dealership's disposition set (labels in French and English); [] until it arrives. */
export function useDispositions(): readonly Disposition[] {
  const { client, onReconnected } = useConnection();
  const [set, setSet] = useState<readonly Disposition[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void client.request('dispositions.list', {}).then((result) => {
        if (live && result.ok) setSet(result.value);
      });
    load();
    const off = onReconnected(load);
    return () => {
      live = false;
      off();
    };
  }, [client, onReconnected]);
  return set;
}
