import { useTranslation } from 'react-i18next';
import { usePhone, usePhoneSnapshot } from './phone-context';

/** Click to call one of a lead's numbers; the call is tied to the lead for the outcome log. */
export function CallNumberButton({ number, shown, leadId }: { number: string; shown: string; leadId: string }) {
  const { t } = useTranslation();
  const { engine } = usePhone();
  const { registration } = usePhoneSnapshot();
  return (
    <button
      type="button"
      className="phone-link mono"
      disabled={registration.kind !== 'registered'}
      aria-label={t('phone.callLead', { number: shown })}
      onPointerEnter={() => void engine.prepare().catch(() => undefined)}
      onClick={() => void engine.call(number, { leadId }).catch(() => undefined)}
    >
      {shown}
    </button>
  );
}
