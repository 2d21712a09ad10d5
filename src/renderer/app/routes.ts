/** The app's pages, in navigation order. Hash routing keeps the built app servable from file:// and any path. */
export const routes = ['leads', 'dialer', 'calls', 'settings'] as const;
export type Route = (typeof routes)[number];

export const defaultRoute: Route = 'leads';

/** `#/settings` -> 'settings'; anything unknown (including the web host's `#token=…`) -> the default page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0]?.toLowerCase() ?? '';
  return (routes as readonly string[]).includes(path) ? (path as Route) : defaultRoute;
}

export const routeHref = (route: Route): string => `#/${route}`;
