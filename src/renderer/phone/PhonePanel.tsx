import { useTranslation } from 'react-i18next';
import { CallCard } from './CallCard';
import { DialForm } from './DialForm';
import { MissedCalls } from './MissedCalls';
import { usePhone, usePhoneSnapshot } from './phone-context';
import { RegistrationStatus } from './RegistrationStatus';
import { useDtmfKeys } from './useDtmfKeys';

/** The phone stays on screen whatever page is open: sellers dial and answer from anywhere. */
export function PhonePanel() {
  const { t } = useTranslation();
  const { engine } = usePhone();
  const { calls } = usePhoneSnapshot();
  useDtmfKeys(engine);
  const live = calls.filter((call) => call.state !== 'ended');
  // Incoming first: a ringing call is what needs the seller now.
  const ordered = [...live].sort((a, b) => Number(b.state === 'incoming') - Number(a.state === 'incoming'));
  return (
    <aside className={live.length > 0 ? 'phone phone-busy' : 'phone'} aria-label={t('phone.title')}>
      <RegistrationStatus />
      <DialForm />
      {ordered.map((call) => {
        const consultationFor = live.find((other) => other.consultationId === call.id);
        return <CallCard key={call.id} call={call} {...(consultationFor ? { consultationFor } : {})} />;
      })}
      <MissedCalls />
    </aside>
  );
}
