import { useTranslation } from 'react-i18next';
import { usePhone, usePhoneSnapshot } from './phone-context';

const shown = 5;

/** No incoming call is lost silently: each missed one stays here with who it was. */
export function MissedCalls() {
  const { t, i18n } = useTranslation();
  const { engine } = usePhone();
  const { missed, registration } = usePhoneSnapshot();
  if (missed.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="missed-calls" aria-labelledby="missed-calls-title">
      <h2 id="missed-calls-title" className="phone-subtitle">
        {t('phone.missed.title', { count: missed.length })}
      </h2>
      <ul className="plain-list">
        {[...missed]
          .reverse()
          .slice(0, shown)
          .map((call) => (
            <li key={call.callId} className="missed-call">
              <span>
                <strong>{call.leadName ?? call.displayName ?? call.number}</strong>{' '}
                <span className="muted">{time.format(call.at)}</span>
              </span>
              <button
                type="button"
                disabled={registration.kind !== 'registered'}
                onClick={() => void engine.call(call.number, call.leadId ? { leadId: call.leadId } : {})}
              >
                {t('phone.missed.callBack')}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
