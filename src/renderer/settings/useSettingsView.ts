import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../shared/domain/settings';
import type { AppError } from '../../shared/result';
import { useConnection } from '../app/connection-context';

export type SettingsState =
  { status: 'loading' } | { status: 'ready'; view: SettingsView } | { status: 'failed'; error: AppError };

/** The live settings view: loaded at start and after a reconnect, kept current by `settings.changed`. */
export function useSettingsView(): [SettingsState, (view: SettingsView) => void] {
  const { client, onReconnected } = useConnection();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const load = () => {
      void client.request('settings.get', {}).then((result) => {
        if (!live) return;
        if (result.ok) setState({ status: 'ready', view: result.value });
        // A failed reload keeps the settings already on screen.
        else setState((current) => (current.status === 'ready' ? current : { status: 'failed', error: result.error }));
      });
    };
    load();
    const offChanged = client.on('settings.changed', (view) => {
      if (live) setState({ status: 'ready', view });
    });
    const offReconnected = onReconnected(load);
    return () => {
      live = false;
      offChanged();
      offReconnected();
    };
  }, [client, onReconnected]);

  const setView = useCallback((view: SettingsView) => setState({ status: 'ready', view }), []);
  return [state, setView];
}
