import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone, usePhoneSnapshot } from './phone-context';
import { requestNotificationPermission } from './notification-permission';

/** The number field and Call button: always visible, Enter calls. */
export function DialForm() {
  const { t } = useTranslation();
  const { engine } = usePhone();
  const { registration } = usePhoneSnapshot();
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const canCall = registration.kind === 'registered';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    requestNotificationPermission();
    const number = target.trim();
    if (!number) return;
    setProblem(undefined);
    engine.call(number).then(
      () => setTarget(''),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <form className="dial-form" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="dial-number">
        {t('phone.dial.label')}
      </label>
      <input
        id="dial-number"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        placeholder={t('phone.dial.placeholder')}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        onFocus={() => void engine.prepare().catch(() => undefined)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'dial-problem' : undefined}
      />
      <button type="submit" className="button button-primary call-button" disabled={!canCall || target.trim() === ''}>
        {t('phone.dial.call')}
      </button>
      {problem && (
        <p id="dial-problem" className="field-problem" role="alert">
          {t('phone.dial.failed', { reason: problem })}
        </p>
      )}
    </form>
  );
}
