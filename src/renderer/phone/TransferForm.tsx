import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Blind transfer sends the caller on at once; "consult first" calls the colleague before handing over. */
export function TransferForm({
  onBlind,
  onConsult,
}: {
  onBlind: (target: string) => void;
  onConsult: (target: string) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const ready = target.trim() !== '';
  return (
    <div className="transfer-form">
      <label>
        {t('phone.transfer.target')}
        <input type="tel" value={target} onChange={(event) => setTarget(event.target.value)} autoComplete="off" />
      </label>
      <div className="call-actions">
        <button type="button" disabled={!ready} onClick={() => onBlind(target.trim())}>
          {t('phone.transfer.blind')}
        </button>
        <button type="button" disabled={!ready} onClick={() => onConsult(target.trim())}>
          {t('phone.transfer.consult')}
        </button>
      </div>
    </div>
  );
}
