import { useTranslation } from 'react-i18next';
import type { SessionStats as Stats } from '../../shared/domain/dialer';
import { formatStats, type StatsText } from './stats-format';

const order: (keyof StatsText)[] = ['dialed', 'connected', 'contactRate', 'appointments', 'talkTime', 'callsPerHour'];

/** The live counters core sends with every change of the session. */
export function SessionStats({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const shown = formatStats(stats, i18n.language);
  return (
    <section className="dialer-stats" aria-labelledby="dialer-stats-title">
      <h3 id="dialer-stats-title">{t('dialer.stats.title')}</h3>
      <dl className="report-figures">
        {order.map((key) => (
          <div key={key} className="figure" data-stat={key}>
            <dt>{t(`dialer.stats.${key}`)}</dt>
            <dd>{shown[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
