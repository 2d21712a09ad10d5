import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallRow } from '../../shared/domain/dialer';
import { useConnection } from '../app/connection-context';

/** How many of a lead's calls its timeline shows; the Calls screen has the rest. */
export const LEAD_CALLS_SHOWN = 100;

/** A lead's calls, newest first, kept fresh by `calls.changed`; total counts every call of the lead. */
export function useLeadCalls(leadId: string): { rows: readonly CallRow[]; total: number } {
  const { client, onReconnected } = useConnection();
  const [state, setState] = useState<{ rows: readonly CallRow[]; total: number }>({ rows: [], total: 0 });
  const seq = useRef(0);
  const load = useCallback(() => {
    const mine = ++seq.current;
    void client.request('calls.list', { leadId, offset: 0, limit: LEAD_CALLS_SHOWN }).then((result) => {
      if (mine === seq.current && result.ok) setState({ rows: result.value.items, total: result.value.total });
    });
  }, [client, leadId]);
  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('calls.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 80);
    });
    const offReconnected = onReconnected(load);
    return () => {
      clearTimeout(timer);
      off();
      offReconnected();
    };
  }, [client, onReconnected, load]);
  return state;
}
