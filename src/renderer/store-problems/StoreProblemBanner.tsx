import { useTranslation } from 'react-i18next';
import type { StoreProblem } from '../../shared/domain/store-problem';
import { backupTime, fileName, problemOutcome } from './describe-problem';

/** One damaged file: what it is, what was wrong, where the damaged copy went, what Relance did. */
export function StoreProblemBanner({ problem, onDismiss }: { problem: StoreProblem; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const name = fileName(problem.file);
  const outcome = problemOutcome(problem);
  const backupAt = problem.restoredFrom ? backupTime(problem.restoredFrom) : null;
  const outcomeText =
    outcome === 'restored-from-backup'
      ? backupAt
        ? t('storeProblems.outcome.restored-from-backup', {
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(backupAt),
          })
        : t('storeProblems.outcome.restored-from-backup-undated')
      : t(`storeProblems.outcome.${outcome}`);

  return (
    <div role="alert" className="banner">
      <div className="banner-body">
        <p className="banner-title">{t('storeProblems.title', { name })}</p>
        <p>{t(`storeProblems.kind.${problem.kind}`)}</p>
        <dl className="banner-facts">
          <dt>{t('storeProblems.file')}</dt>
          <dd>
            <code>{problem.file}</code>
          </dd>
          {problem.movedTo && (
            <>
              <dt>{t(outcome === 'damaged-part-set-aside' ? 'storeProblems.setAsideTo' : 'storeProblems.movedTo')}</dt>
              <dd>
                <code>{problem.movedTo}</code>
              </dd>
            </>
          )}
          {problem.restoredFrom && (
            <>
              <dt>{t('storeProblems.backup')}</dt>
              <dd>
                <code>{problem.restoredFrom}</code>
              </dd>
            </>
          )}
        </dl>
        <p>{outcomeText}</p>
      </div>
      <button
        type="button"
        className="button button-quiet"
        aria-label={t('storeProblems.dismissLabel', { name })}
        onClick={onDismiss}
      >
        {t('storeProblems.dismiss')}
      </button>
    </div>
  );
}
