/**
 * Links that may leave the app for the system browser or mail client. Everything else
 * (file:, javascript:, custom schemes, credentials in the URL) stays blocked.
 */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return url.username === '' && url.password === '' && url.hostname !== '';
}
