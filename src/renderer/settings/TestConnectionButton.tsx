import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../shared/domain/settings';
import { useClient } from '../app/connection-context';
import { accountFromSettings } from '../phone/account';
import type { ConnectionTestResult } from '../phone/engine/types';
import { usePhone } from '../phone/phone-context';
import { buildPatch, type Edits } from './form-model';

type State = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; result: ConnectionTestResult };

/** Tests the account as typed (before saving), with a throw-away registration that says what failed. */
export function TestConnectionButton({ values, edits, locked }: { values: Settings; edits: Edits; locked: string[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const { engine } = usePhone();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const test = async () => {
    setState({ kind: 'testing' });
    const credentials = await client.request('phone.credentials', {});
    const typed = withPatch(values, buildPatch(values, edits, locked).patch);
    const account = accountFromSettings(typed, credentials.ok ? credentials.value.password : null);
    if (!account.ok) {
      setState({
        kind: 'done',
        result: { ok: false, reason: 'invalid-config', detail: t(`phone.status.setup.${account.problem}`) },
      });
      return;
    }
    setState({ kind: 'done', result: await engine.testConnection(account.account) });
  };

  return (
    <div className="test-connection">
      <button type="button" className="button" onClick={() => void test()} disabled={state.kind === 'testing'}>
        {t('settings.testConnection.button')}
      </button>
      <p className="form-status" role="status">
        {state.kind === 'testing' && t('settings.testConnection.testing')}
        {state.kind === 'done' && describe(state.result)}
      </p>
    </div>
  );

  function describe(result: ConnectionTestResult): string {
    if (result.ok) return t('settings.testConnection.ok', { ms: Math.round(result.ms) });
    if (result.reason === 'invalid-config')
      return t('settings.testConnection.invalid-config', { detail: result.detail });
    const reason = t(`phone.status.failed.${result.reason}`, { code: result.code ?? '' });
    return t('settings.testConnection.failed', { reason: result.detail ? `${reason} — ${result.detail}` : reason });
  }
}

function withPatch(values: Settings, patch: SettingsPatch): Settings {
  return {
    ...values,
    ...(patch.defaultRegion ? { defaultRegion: patch.defaultRegion } : {}),
    sip: { ...values.sip, ...patch.sip },
    ice: { ...values.ice, ...patch.ice },
    phone: { ...values.phone, ...patch.phone },
  };
}
