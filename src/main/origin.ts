/** The app's own content lives under this origin (see protocol.ts); nothing else is trusted. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'relance';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]`, lower-cased, or null. Node's `URL.origin` is "null" for custom
 * schemes such as `app:`, so the origin is rebuilt from its parts.
 */
export function originOf(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!url.host) return null;
  return `${url.protocol}//${url.host}`.toLowerCase();
}

export type UrlCheck = (url: string | undefined | null) => boolean;

/** A predicate for "this URL belongs to the same origin as `reference`". */
export function sameOriginAs(reference: string): UrlCheck {
  const expected = originOf(reference);
  if (expected === null) throw new Error(`Not an origin: ${reference}`);
  return (url) => originOf(url) === expected;
}
