import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../shared/domain/settings';
import { useClient } from '../app/connection-context';
import { Field } from './Field';
import type { FieldProblem } from './FieldProblem';

type Status = 'idle' | 'saved' | 'forgotten';

/** The SIP password never comes back from core; the user sees only whether one is set and where it lives. */
export function SipPasswordSection({ view, onView }: { view: SettingsView; onView: (view: SettingsView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FieldProblem>();
  const [status, setStatus] = useState<Status>('idle');
  const locked = view.locked.includes('sip.password');
  const { isSet, storage } = view.sipPassword;
  const storageLine =
    storage === 'os-keychain'
      ? t(isSet ? 'settings.password.isSetKeychain' : 'settings.password.notSetKeychain')
      : t(isSet ? 'settings.password.isSetSession' : 'settings.password.notSetSession');

  const run = async (action: 'save' | 'forget') => {
    setStatus('idle');
    setProblem(undefined);
    const result =
      action === 'save'
        ? await client.request('settings.setSipPassword', { password })
        : await client.request('settings.clearSipPassword', {});
    if (!result.ok) {
      setProblem({ kind: 'server', code: result.error.code, detail: result.error.message });
      return;
    }
    onView(result.value);
    setPassword('');
    setStatus(action === 'save' ? 'saved' : 'forgotten');
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setStatus('idle');
      setProblem({ kind: 'password-empty' });
      document.getElementById('settings-sip-password')?.focus();
      return;
    }
    void run('save');
  };

  return (
    <section className="settings-section">
      <h2>{t('settings.sections.password')}</h2>
      <form onSubmit={save} noValidate>
        <Field
          id="settings-sip-password"
          label={t('settings.password.label')}
          locked={locked}
          problem={problem}
          describedBy={
            storage === 'session-only'
              ? ['sip-password-storage', 'sip-password-session-only']
              : ['sip-password-storage']
          }
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              maxLength={256}
              onChange={(event) => {
                setPassword(event.target.value);
                setProblem(undefined);
              }}
            />
          )}
        </Field>
        <p id="sip-password-storage" className="note">
          {storageLine}
        </p>
        {storage === 'session-only' && (
          <p id="sip-password-session-only" className="note note-warning">
            {t('settings.password.sessionOnly')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={locked}>
            {t('settings.password.save')}
          </button>
          <button type="button" className="button" disabled={locked || !isSet} onClick={() => void run('forget')}>
            {t('settings.password.forget')}
          </button>
          <p className="form-status" role="status">
            {status === 'saved' && t('settings.password.saved')}
            {status === 'forgotten' && t('settings.password.forgotten')}
          </p>
        </div>
      </form>
    </section>
  );
}
