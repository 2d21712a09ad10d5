import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listMemory } from '../leads/leads-context';
import { leadsListHref } from '../leads/leads-route';
import { navigate } from '../leads/useHash';
import { routeHref, routes, type Route } from './routes';

/** Prospects comes back to the list's last search and filters (empty once the seller cleared them). */
const hrefFor = (route: Route): string => (route === 'leads' ? leadsListHref(listMemory.search) : routeHref(route));

export function NavBar({ current }: { current: Route }) {
  const { t } = useTranslation();
  // The search changes while this bar stays drawn: read it when the link is followed.
  const follow = (route: Route) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (route !== 'leads' || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(hrefFor(route));
  };
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {routes.map((route) => (
          <li key={route}>
            <a href={hrefFor(route)} aria-current={route === current ? 'page' : undefined} onClick={follow(route)}>
              {t(`nav.${route}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
