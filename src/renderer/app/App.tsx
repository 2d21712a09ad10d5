import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CallsPage } from '../pages/CallsPage';
import { DialerPage } from '../pages/DialerPage';
import { LeadsArea } from '../leads/LeadsArea';
import { SettingsPage } from '../settings/SettingsPage';
import { useSettingsView } from '../settings/useSettingsView';
import { StoreProblemBanners } from '../store-problems/StoreProblemBanners';
import type { PhoneEngine } from '../phone/engine/types';
import { PhonePanel } from '../phone/PhonePanel';
import { PhoneProvider } from '../phone/PhoneProvider';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { pageTitleId } from './page-title';
import { useLocale } from './useLocale';
import { useRoute } from './useRoute';

export function App({ phone }: { phone: PhoneEngine }) {
  const { t } = useTranslation();
  const route = useRoute();
  const [settings, setSettingsView] = useSettingsView();
  const { locale, changeLocale } = useLocale(settings, setSettingsView);
  const title = t(`nav.${route}`);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shownRoute = useRef(route);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  // After in-app navigation, move focus to the new page's title so screen readers read where they are.
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    titleRef.current?.focus();
  }, [route]);

  return (
    <PhoneProvider engine={phone} settings={settings}>
      <div className="shell">
        <Header />
        <NavBar current={route} />
        <div className="content">
          <StoreProblemBanners />
          <main className={route === 'leads' || route === 'calls' ? 'page page-wide' : 'page'}>
            <h1 id={pageTitleId} ref={titleRef} tabIndex={-1}>
              {title}
            </h1>
            {route === 'leads' && (
              <LeadsArea region={settings.status === 'ready' ? settings.view.values.defaultRegion : 'FR'} />
            )}
            {route === 'dialer' && <DialerPage />}
            {route === 'calls' && (
              <CallsPage region={settings.status === 'ready' ? settings.view.values.defaultRegion : 'FR'} />
            )}
            {route === 'settings' && (
              <SettingsPage state={settings} onView={setSettingsView} locale={locale} onLocaleChange={changeLocale} />
            )}
          </main>
        </div>
        <PhonePanel />
      </div>
    </PhoneProvider>
  );
}
