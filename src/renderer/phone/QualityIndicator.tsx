import { useTranslation } from 'react-i18next';
import type { LiveQuality } from './engine/types';

/** A small dot; the numbers are in its accessible name and tooltip. */
export function QualityIndicator({ quality }: { quality: LiveQuality }) {
  const { t } = useTranslation();
  const label = t('phone.quality.label', {
    grade: t(`phone.quality.${quality.grade}`),
    mos: quality.mos.toFixed(1),
    loss: quality.lossPct.toFixed(1),
    jitter: Math.round(quality.jitterMs),
    rtt: Math.round(quality.rttMs),
  });
  return (
    <span
      className={`quality quality-${quality.grade}`}
      role="img"
      aria-label={label}
      title={label}
      data-mos={quality.mos}
    />
  );
}
