import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

export function LeadsPage() {
  const { t } = useTranslation();
  return <EmptyState title={t('pages.leads.emptyTitle')} body={t('pages.leads.emptyBody')} />;
}
