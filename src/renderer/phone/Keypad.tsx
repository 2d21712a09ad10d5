import { useTranslation } from 'react-i18next';

const rows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
  ['*', '0', '#'],
] as const;

export function Keypad({ onDigit }: { onDigit: (digit: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={t('phone.call.keypad')}>
      {rows.flat().map((digit) => (
        <button key={digit} type="button" className="keypad-key" onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
    </div>
  );
}
