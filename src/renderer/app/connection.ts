import type { RelanceClient } from '../../shared/client';

export type ConnectionState = 'connected' | 'reconnecting';

export interface Connection {
  /** Use this client everywhere: it notices a lost connection from the results themselves. */
  readonly client: RelanceClient;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Called when the connection is back, so views can reload what they may have missed. */
  onReconnected(listener: () => void): () => void;
}

export interface ConnectionOptions {
  /** How often to probe (with app.info) while disconnected. */
  probeMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

/**
 * Tracks the link to core from request results: `transport-closed` means down; any other answer,
 * even an error, means core is reachable. While down, a cheap probe finds out when it is back,
 * since the transport itself says nothing when it reconnects.
 */
export function trackConnection(raw: RelanceClient, options: ConnectionOptions = {}): Connection {
  const probeMs = options.probeMs ?? 2_000;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const listeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();
  let state: ConnectionState = 'connected';
  let probing = false;

  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
    if (next === 'connected') for (const listener of [...reconnectListeners]) listener();
  };

  const probe = () => {
    void raw.request('app.info', {}).then((result) => {
      if (!result.ok && result.error.code === 'transport-closed') {
        setTimer(probe, probeMs);
      } else {
        probing = false;
        set('connected');
      }
    });
  };

  const observe = (closed: boolean) => {
    if (!closed) return set('connected');
    set('reconnecting');
    if (!probing) {
      probing = true;
      setTimer(probe, probeMs);
    }
  };

  const client: RelanceClient = {
    async request(method, input) {
      const result = await raw.request(method, input);
      observe(!result.ok && result.error.code === 'transport-closed');
      return result;
    },
    on: (event, listener) => raw.on(event, listener),
  };

  return {
    client,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}
