import { useTranslation } from 'react-i18next';
import type { CallRow } from '../../shared/domain/dialer';
import type { Disposition } from '../../shared/domain/disposition';
import { formatDuration } from '../phone/call-format';
import { QualityIndicator } from '../phone/QualityIndicator';
import { dispositionLabel, sipStatusKey, talkMs, withGrade } from './call-text';

/** A call on a lead's timeline: direction, talk time or SIP outcome, disposition, notes, quality. */
export function CallTimelineEntry({ row, dispositions }: { row: CallRow; dispositions: readonly Disposition[] }) {
  const { t, i18n } = useTranslation();
  const talk = talkMs(row);
  const statusKey = sipStatusKey(row.sipStatus);
  const outcome =
    talk !== undefined
      ? t('calls.timeline.talked', { duration: formatDuration(talk) })
      : statusKey
        ? t(statusKey)
        : t(row.interrupted ? 'calls.interrupted' : 'calls.notAnswered');
  return (
    <>
      {t(`calls.timeline.${row.direction}`)} · {outcome}
      {row.disposition && <> · {dispositionLabel(dispositions, row.disposition, i18n.language)}</>}
      {row.quality && (
        <>
          {' '}
          <QualityIndicator quality={withGrade(row.quality)} />
        </>
      )}
      {row.notes && <span className="timeline-note"> — {row.notes}</span>}
    </>
  );
}
