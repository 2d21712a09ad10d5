import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/domain/settings';
import { useClient } from '../app/connection-context';
import { accountFromSettings } from '../phone/account';
import type { ConnectionTestResult } from '../phone/engine/types';
import { usePhone } from '../phone/phone-context';
import type { Edits } from './form-model';
import { settingLabelKeys } from './ignored-setting-text';
import {
  shownTestState,
  testedAccountKey,
  typedSettings,
  untestedFields,
  type TestState,
} from './test-connection-model';

interface TestConnectionButtonProps {
  values: Settings;
  edits: Edits;
  locked: string[];
  passwordSet: boolean;
}

/** Tests the account as typed (before saving), with a throw-away registration that says what failed. */
export function TestConnectionButton({ values, edits, locked, passwordSet }: TestConnectionButtonProps) {
  const { t } = useTranslation();
  const client = useClient();
  const { engine } = usePhone();
  const [run, setRun] = useState<TestState>({ kind: 'idle' });
  const account = testedAccountKey(values, edits, locked, passwordSet);
  const state = shownTestState(run, account);

  const test = async () => {
    // Not disabling the button while testing: a disabled button drops keyboard focus to the page.
    // One test at a time, even when the account was edited while it ran.
    if (run.kind === 'testing') return;
    const invalid = untestedFields(values, edits, locked);
    if (invalid.length > 0) {
      const fields = invalid.map((field) => t(settingLabelKeys[field] as never)).join(', ');
      const detail = t('settings.testConnection.fixFirst', { fields });
      setRun({ kind: 'done', account, result: { ok: false, reason: 'invalid-config', detail } });
      return;
    }
    setRun({ kind: 'testing', account });
    const credentials = await client.request('phone.credentials', {});
    const typed = accountFromSettings(
      typedSettings(values, edits, locked),
      credentials.ok ? credentials.value.password : null,
    );
    if (!typed.ok) {
      const detail = t(`phone.status.setup.${typed.problem}`);
      setRun({ kind: 'done', account, result: { ok: false, reason: 'invalid-config', detail } });
      return;
    }
    setRun({ kind: 'done', account, result: await engine.testConnection(typed.account) });
  };

  return (
    <div className="test-connection">
      <button
        type="button"
        className="button"
        onClick={() => void test()}
        aria-disabled={run.kind === 'testing' || undefined}
      >
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
