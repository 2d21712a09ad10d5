import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/csp';
import { mimeTypeOf } from '../core/static/resolve-static';
import { APP_HOST, APP_SCHEME } from './origin';

/** The same policy the web host sends (src/shared/csp.ts), on every response of the app scheme. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Must run before `app` is ready: standard+secure gives the scheme a real origin, fetch and secure-context APIs (getUserMedia). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // `stream` lets <audio> play the ringtone from the scheme.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves `rootDir` (the built renderer) under `app://relance/`; call after `app` is ready. */
export function serveAppContent(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rootDir));
}

const isInside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * Maps an app URL to a file under `rootDir`, or null when the URL must be refused.
 * The URL parser already folds literal and `%2e%2e` dot segments, so anything that still
 * looks like traversal after decoding (`..%2f`, backslashes, drive letters, a second
 * leading slash) is an attempt, and is refused rather than normalised.
 */
export function resolveAppPath(rootDir: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path === '' || path === '/') path = '/index.html';
  if (!path.startsWith('/')) return null;
  const rel = path.slice(1);
  if (/[\\:\0]/.test(rel) || rel.startsWith('/') || isAbsolute(rel) || win32.isAbsolute(rel)) return null;
  if (rel.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return null;

  const root = resolve(rootDir);
  const target = resolve(root, rel);
  return isInside(root, target) && target !== root ? target : null;
}

const securityHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

const refuse = (status: 404 | 405): Response =>
  new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: securityHeaders('text/plain; charset=utf-8'),
  });

export async function handleAppRequest(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const target = resolveAppPath(rootDir, request.url);
  if (target === null) return refuse(404);
  try {
    // A symlink inside the build folder must not lead outside it either.
    const [realRoot, realTarget] = await Promise.all([realpath(rootDir), realpath(target)]);
    if (!isInside(realRoot, realTarget) || !(await stat(realTarget)).isFile()) return refuse(404);
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(realTarget));
    return new Response(body, { status: 200, headers: securityHeaders(mimeTypeOf(realTarget)) });
  } catch {
    return refuse(404);
  }
}
