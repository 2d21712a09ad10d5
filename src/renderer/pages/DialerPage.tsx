import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';

export function DialerPage() {
  const { t } = useTranslation();
  return <EmptyState title={t('pages.dialer.emptyTitle')} body={t('pages.dialer.emptyBody')} />;
}
