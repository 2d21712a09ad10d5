/**
 * The renderer's Content-Security-Policy, the same in both shells. `ws:`/`wss:` stay open in
 * connect-src because the SIP server is whatever WebSocket URL the dealership configures.
 */
export function contentSecurityPolicy(extraConnect: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob:",
    ['connect-src', "'self'", ...extraConnect, 'ws:', 'wss:'].join(' '),
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
