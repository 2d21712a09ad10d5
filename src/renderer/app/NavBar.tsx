import { useTranslation } from 'react-i18next';
import { routeHref, routes, type Route } from './routes';

export function NavBar({ current }: { current: Route }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {routes.map((route) => (
          <li key={route}>
            <a href={routeHref(route)} aria-current={route === current ? 'page' : undefined}>
              {t(`nav.${route}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
