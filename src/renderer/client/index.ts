import { createClient, type RelanceClient } from '../../shared/client';
import { takeToken, webSocketTransport } from './ws-transport';

/**
 * The renderer's one connection to core. Electron's preload provides `window.relance`;
 * in the web host we open the WebSocket with the run's token. Nothing else in the UI
 * knows which shell it runs in.
 */
export function connect(): RelanceClient {
  if (window.relance) return createClient(window.relance);
  const token = takeToken(window.location, window.sessionStorage, window.history) ?? '';
  const url = new URL('/rpc', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return createClient(webSocketTransport(url.toString()));
}
