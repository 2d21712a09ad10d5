import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './contract';
import type { Result } from './result';

/**
 * What a shell gives the renderer: one request function and one event subscription.
 * Electron's preload and the web host's WebSocket both fit this shape.
 */
export interface Transport {
  request(method: string, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface RelanceClient {
  request<M extends RequestName>(method: M, input: RequestInput<M>): Promise<Result<RequestOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): RelanceClient {
  return {
    request: (method, input) => transport.request(method, input) as Promise<Result<never>>,
    on: (event, listener) =>
      transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      }),
  };
}
