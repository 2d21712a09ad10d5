import type { Transport } from '../../shared/client';
import type { ServerMessage } from '../../shared/contract';
import { fail, type Result } from '../../shared/result';

const TOKEN_KEY = 'relance.token';

/**
 * The web host hands the token in the URL fragment (never sent over HTTP). Keep it for
 * reloads of this tab only, and take it out of the address bar.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

/** Requests and events over the web host's WebSocket, reconnecting with backoff after a drop. */
export function webSocketTransport(url: string): Transport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as ServerMessage;
      if (data.kind === 'event') for (const listener of listeners) listener(data.event, data.payload);
      else {
        pending.get(data.id)?.(data.result as Result<unknown>);
        pending.delete(data.id);
      }
    };
    ws.onclose = () => {
      socket = null;
      // In-flight requests may or may not have run: say so rather than guess. Queued ones are
      // dropped with them, so nothing the user was told failed can still be applied later.
      for (const resolve of pending.values()) resolve(fail('transport-closed', 'Connection to Relance lost'));
      pending.clear();
      queue.length = 0;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };
  connect();

  return {
    request(method, payload) {
      const id = nextId++;
      const message = JSON.stringify({ id, method, payload });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
