import { useCallback, useEffect, useState } from 'react';
import type { RequestInput, RequestName, RequestOutput } from '../../shared/contract';
import type { CallbackListPage, CallbackListSummary } from '../../shared/domain/callback-list';
import type { DialerView } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import type { AppError, Result } from '../../shared/result';
import { useConnection } from '../app/connection-context';
import { useDispositionSet } from '../calls/useDispositions';
import { defaultSettings } from '../../shared/domain/settings';
import { useSettingsView } from '../settings/useSettingsView';

/** Requests that answer with the session's view. */
export type DialerCommand =
  | 'dialer.start'
  | 'dialer.callNow'
  | 'dialer.skip'
  | 'dialer.pause'
  | 'dialer.resume'
  | 'dialer.stop'
  | 'dialer.saveOutcome';

export type RunCommand = <M extends DialerCommand>(method: M, input: RequestInput<M>) => Promise<Result<DialerView>>;

/**
 * The dialer session as core sees it: loaded once (and after a reconnect), then replaced by every
 * `dialer.changed`. Nothing is guessed here: the screen shows what core says.
 */
export function useDialerView(): { view: DialerView | null; error: AppError | null; run: RunCommand } {
  const { client, onReconnected } = useConnection();
  const [view, setView] = useState<DialerView | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void client.request('dialer.state', {}).then((result) => {
        if (!live) return;
        if (result.ok) {
          setView(result.value);
          setError(null);
        } else setError(result.error);
      });
    load();
    const off = client.on('dialer.changed', (next) => {
      if (live) setView(next);
    });
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      off();
      offReconnected();
    };
  }, [client, onReconnected]);

  const run = useCallback<RunCommand>(
    async (method, input) => {
      const result = (await client.request(method, input as never)) as Result<DialerView>;
      if (result.ok) setView(result.value);
      return result;
    },
    [client],
  );
  return { view, error, run };
}

/**
 * One request, reloaded when `reloadOn` says so (debounced: a session changes a list many times
 * a minute) and after a reconnect. `key` names the request's input; a new key loads again.
 */
function useLive<M extends RequestName>(
  method: M,
  input: RequestInput<M>,
  key: string,
  subscribe: ((reload: () => void) => () => void) | null,
): { value: RequestOutput<M> | null; error: AppError | null; reload: () => void } {
  const { client, onReconnected } = useConnection();
  const [state, setState] = useState<{ key: string; value: RequestOutput<M> | null; error: AppError | null }>({
    key,
    value: null,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void client.request(method, input).then((result) => {
        if (!live) return;
        if (result.ok) setState({ key, value: result.value, error: null });
        // A failed reload keeps what is on screen.
        else setState((s) => ({ key, value: s.key === key ? s.value : null, error: result.error }));
      });
    load();
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    };
    const off = subscribe ? subscribe(later) : () => undefined;
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      clearTimeout(timer);
      off();
      offReconnected();
    };
    // `key` stands for `input` and `subscribe`.
  }, [client, onReconnected, method, key, generation]); // eslint-disable-line react-hooks/exhaustive-deps

  const current = state.key === key ? state : { value: null, error: null };
  return { value: current.value, error: current.error, reload };
}

export function useCallbackLists(): {
  lists: CallbackListSummary[] | null;
  error: AppError | null;
  reload: () => void;
} {
  const { client } = useConnection();
  const subscribe = useCallback((reload: () => void) => client.on('callbackLists.changed', reload), [client]);
  const { value, error, reload } = useLive('callbackLists.list', {}, 'lists', subscribe);
  return { lists: value, error, reload };
}

/** One page of a list's entries; follows changes to that list and to leads (names, stages). */
export function useListPage(
  id: string,
  offset: number,
  limit: number,
): { page: CallbackListPage | null; error: AppError | null } {
  const { client } = useConnection();
  const subscribe = useCallback(
    (reload: () => void) => {
      const offList = client.on('callbackLists.changed', ({ ids }) => {
        if (ids.includes(id)) reload();
      });
      const offLeads = client.on('leads.changed', reload);
      return () => {
        offList();
        offLeads();
      };
    },
    [client, id],
  );
  const { value, error } = useLive('callbackLists.get', { id, offset, limit }, `${id}|${offset}|${limit}`, subscribe);
  return { page: value, error };
}

/** The dealership's dispositions (labels in both languages): read once per connection, then followed. */
export function useDispositions(): { dispositions: Disposition[] | null; error: AppError | null } {
  return useDispositionSet();
}

/** The current time, re-read every `ms` while `running`: countdowns. */
export function useTicker(running: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const first = window.setTimeout(() => setNow(Date.now()), 0);
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [running, ms]);
  return now;
}

/** The dealership's zone (settings), in which the dialer tells times that belong to no one callee. */
export function useDealershipZone(): string {
  const [settings] = useSettingsView();
  return settings.status === 'ready' ? settings.view.values.dealershipZone : defaultSettings.dealershipZone;
}
