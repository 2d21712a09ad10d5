import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/contract';
import { useConnection } from '../../app/connection-context';

export type Facets = RequestOutput<'leads.facets'>;

/** Filter choices and the store's size (0 means "no leads at all", not "no match"). */
export function useFacets(): Facets | null {
  const { client, onReconnected } = useConnection();
  const [facets, setFacets] = useState<Facets | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void client.request('leads.facets', {}).then((result) => {
        if (live && result.ok) setFacets(result.value);
      });
    load();
    const off = client.on('leads.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      clearTimeout(timer);
      off();
      offReconnected();
    };
  }, [client, onReconnected]);
  return facets;
}
