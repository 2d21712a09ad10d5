import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallsPage, CallsQuery } from '../../shared/domain/dialer';
import type { AppError } from '../../shared/result';
import { useConnection } from '../app/connection-context';

export interface CallsPageState {
  page: CallsPage | null;
  error: AppError | null;
  /** Bumps with every answer shown (tests and screen readers wait on it). */
  version: number;
}

/**
 * One page of `calls.list`, fetched again when the query changes, when a call is recorded or
 * disposed anywhere (`calls.changed`, coalesced), and after a reconnect. Older answers are dropped.
 */
export function useCallsPage(query: CallsQuery, key: string): CallsPageState & { reload: () => void } {
  const { client, onReconnected } = useConnection();
  const [state, setState] = useState<CallsPageState>({ page: null, error: null, version: 0 });
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    void client.request('calls.list', query).then((result) => {
      if (mine !== seq.current) return;
      setState((s) =>
        result.ok ? { page: result.value, error: null, version: s.version + 1 } : { ...s, error: result.error },
      );
    });
    // `key` stands for the query: a new object with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  useEffect(load, [load]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 80);
    };
    const off = client.on('calls.changed', later);
    const offReconnected = onReconnected(load);
    return () => {
      clearTimeout(timer);
      off();
      offReconnected();
    };
  }, [client, onReconnected, load]);

  return { ...state, reload: load };
}
