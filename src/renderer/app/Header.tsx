import { useTranslation } from 'react-i18next';
import { useConnectionState } from './connection-context';

export function Header() {
  const { t } = useTranslation();
  const connection = useConnectionState();
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {/* Always in the DOM so screen readers announce the change when it happens. */}
      <div className="status" role="status">
        {connection === 'reconnecting' && <span className="status-pill">{t('app.reconnecting')}</span>}
      </div>
    </header>
  );
}
