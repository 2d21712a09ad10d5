import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

export function CallsPage() {
  const { t } = useTranslation();
  return <EmptyState title={t('pages.calls.emptyTitle')} body={t('pages.calls.emptyBody')} />;
}
