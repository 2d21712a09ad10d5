import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallEvent } from '../../shared/domain/call-event';
import type { SettingsState } from '../settings/useSettingsView';
import { useConnection } from '../app/connection-context';
import { accountFromSettings, sameAccount, type AccountProblem } from './account';
import { CallEventOutbox, type SendResult } from './call-event-outbox';
import type { AccountConfig, PhoneEngine } from './engine/types';
import { PhoneContext } from './phone-context';
import { useDialerBridge } from './useDialerBridge';
import { useIncomingCallNotifications } from './useIncomingCallNotifications';

/**
 * Keeps the one softphone engine of this window in step with the settings, matches callers to
 * leads through core, and hands every call event to core (kept until acknowledged).
 */
export function PhoneProvider({
  engine,
  settings,
  children,
}: {
  engine: PhoneEngine;
  settings: SettingsState;
  children: ReactNode;
}) {
  const { client, onReconnected } = useConnection();
  const { t } = useTranslation();
  const [accountProblem, setAccountProblem] = useState<AccountProblem | undefined>();
  const configured = useRef<AccountConfig | null>(null);

  const view = settings.status === 'ready' ? settings.view : undefined;

  // Account: re-read the password whenever the settings change (it may just have been set).
  useEffect(() => {
    if (!view) return;
    let live = true;
    void client.request('phone.credentials', {}).then((result) => {
      if (!live) return;
      const password = result.ok ? result.value.password : null;
      const account = accountFromSettings(view.values, password);
      setAccountProblem(account.ok ? undefined : account.problem);
      const next = account.ok ? account.account : null;
      if (sameAccount(configured.current, next)) return;
      configured.current = next;
      void engine.configure(next);
    });
    return () => {
      live = false;
    };
  }, [client, engine, view]);

  const devices = view?.values.audio;
  useEffect(() => {
    if (devices) void engine.setDevices(devices);
  }, [engine, devices]);

  useEffect(() => {
    engine.setLeadMatcher(async (number) => {
      const result = await client.request('phone.matchCaller', { number });
      return result.ok && result.value.lead
        ? { leadId: result.value.lead.id, name: result.value.lead.name }
        : undefined;
    });
  }, [client, engine]);

  const outbox = useMemo(
    () =>
      new CallEventOutbox(
        async (event: CallEvent): Promise<SendResult> => {
          const result = await client.request('calls.report', event);
          if (result.ok) return 'acknowledged';
          // Only a malformed event is dropped; anything else (connection, store) is retried.
          return result.error.code === 'invalid-request' ? 'rejected' : 'retry';
        },
        (event) => console.error('core refused a call event', event.type, event.callId),
      ),
    [client],
  );
  useEffect(() => engine.onCallEvent((event) => void outbox.push(event)), [engine, outbox]);
  useEffect(() => onReconnected(() => void outbox.flush()), [onReconnected, outbox]);

  useIncomingCallNotifications(engine, t);
  useDialerBridge(engine, client, accountProblem);

  useEffect(() => () => void engine.dispose(), [engine]);

  const value = useMemo(() => ({ engine, accountProblem }), [engine, accountProblem]);
  return <PhoneContext value={value}>{children}</PhoneContext>;
}
