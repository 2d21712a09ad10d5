import { useTranslation } from 'react-i18next';
import { routeHref } from '../app/routes';
import { registrationTone } from './call-format';
import { usePhone, usePhoneSnapshot } from './phone-context';
import { useNow } from './useNow';

/** One line that never lies about whether calls can come in. */
export function RegistrationStatus() {
  const { t } = useTranslation();
  const { accountProblem } = usePhone();
  const { registration } = usePhoneSnapshot();
  const tone = registrationTone(registration);
  const now = useNow(registration.kind === 'reconnecting');

  let text: string;
  switch (registration.kind) {
    case 'registered':
      text = t('phone.status.registered');
      break;
    case 'connecting':
      text = t('phone.status.connecting');
      break;
    case 'reconnecting':
      text = t('phone.status.reconnecting', {
        seconds: Math.max(0, Math.ceil((registration.retryAt - now) / 1000)),
      });
      break;
    case 'failed':
      text = t(`phone.status.failed.${registration.reason}`, {
        code: registration.code ?? '',
        detail: registration.detail,
      });
      break;
    case 'unregistered':
      text = t('phone.status.unregistered');
      break;
    case 'unconfigured':
      text = accountProblem ? t(`phone.status.setup.${accountProblem}`) : t('phone.status.unconfigured');
      break;
  }

  return (
    <div className={`phone-status tone-${tone}`} role="status" data-registration={registration.kind}>
      <span className="phone-status-dot" aria-hidden="true" />
      <span>{text}</span>
      {(tone === 'off' || tone === 'problem') && (
        <a className="phone-status-link" href={routeHref('settings')}>
          {t('phone.status.openSettings')}
        </a>
      )}
    </div>
  );
}
