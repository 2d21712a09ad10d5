import { useTranslation } from 'react-i18next';
import { pageTitleId } from '../app/page-title';
import { problemKey } from './describe-problem';
import { StoreProblemBanner } from './StoreProblemBanner';
import { useStoreProblems } from './useStoreProblems';

/** The "reported to the user" half of the store's durability: every repair it made, until dismissed. */
export function StoreProblemBanners() {
  const { t } = useTranslation();
  const { problems, dismiss } = useStoreProblems();
  if (problems.length === 0) return null;
  return (
    <section className="alerts" aria-label={t('storeProblems.region')}>
      {problems.map((problem) => (
        <StoreProblemBanner
          key={problemKey(problem)}
          problem={problem}
          onDismiss={() => {
            dismiss(problem);
            // The button goes away with its banner; don't leave keyboard focus on nothing.
            document.getElementById(pageTitleId)?.focus();
          }}
        />
      ))}
    </section>
  );
}
