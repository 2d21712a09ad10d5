import { useCallback, useEffect, useState } from 'react';
import type { RequestInput } from '../../../shared/contract';
import type { Lead } from '../../../shared/domain/lead';
import type { AppError, Result } from '../../../shared/result';
import { useConnection } from '../../app/connection-context';

export type LeadState = { status: 'loading' } | { status: 'ready'; lead: Lead } | { status: 'failed'; error: AppError };

/** Requests that change one lead and answer with it. */
export type LeadMutation =
  | 'leads.setStage'
  | 'leads.addNote'
  | 'leads.setCallback'
  | 'leads.completeCallback'
  | 'leads.snoozeCallback'
  | 'leads.addConsent'
  | 'leads.revokeConsent'
  | 'leads.merge'
  | 'leads.update';

export type Mutate = <M extends LeadMutation>(method: M, input: RequestInput<M>) => Promise<Result<Lead>>;

/** One lead, reloaded when core says it changed (another window, an import) or after a reconnect. */
export function useLead(id: string): { state: LeadState; mutate: Mutate } {
  const { client, onReconnected } = useConnection();
  const [state, setState] = useState<LeadState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const load = () =>
      void client.request('leads.get', { id }).then((result) => {
        if (!live) return;
        if (result.ok) setState({ status: 'ready', lead: result.value });
        else
          setState((s) =>
            s.status === 'ready' && result.error.code === 'transport-closed'
              ? s
              : { status: 'failed', error: result.error },
          );
      });
    load();
    const off = client.on('leads.changed', ({ ids }) => {
      if (ids === 'all' || ids.includes(id)) load();
    });
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      off();
      offReconnected();
    };
  }, [client, onReconnected, id]);

  const mutate = useCallback<Mutate>(
    async (method, input) => {
      const result = (await client.request(method, input as never)) as Result<Lead>;
      if (result.ok) setState({ status: 'ready', lead: result.value });
      return result;
    },
    [client],
  );

  return { state, mutate };
}
