import { randomUUID } from 'node:crypto';
import type { DialerEmit, DialerInput } from './events';
import type { CallPlacer, PlaceRequest, Timers } from './ports';

interface Pending {
  resolve: (value: { callId: string }) => void;
  reject: (error: Error) => void;
  timer: unknown;
}

/**
 * The softphone lives in the renderer: core asks it to call with the event `dialer.placeCall`
 * and it answers with the request `dialer.placeResult`. With no page to answer (no window open,
 * the page reloading) the placement fails after `timeoutMs`, and the session pauses saying so.
 */
export class RendererCallPlacer implements CallPlacer {
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly emit: DialerEmit,
    private readonly timers: Timers,
    private readonly timeoutMs = 10_000,
  ) {}

  place(request: PlaceRequest): Promise<{ callId: string }> {
    const requestId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = this.timers.set(() => {
        if (this.#pending.delete(requestId))
          reject(new Error(`the phone did not start the call within ${this.timeoutMs / 1000} s`));
      }, this.timeoutMs);
      this.#pending.set(requestId, { resolve, reject, timer });
      this.emit('dialer.placeCall', { requestId, ...request });
    });
  }

  /** The softphone's answer; false when the request is unknown or already timed out. */
  settle(result: DialerInput<'dialer.placeResult'>): boolean {
    const pending = this.#pending.get(result.requestId);
    if (!pending) return false;
    this.#pending.delete(result.requestId);
    this.timers.clear(pending.timer);
    if ('callId' in result) pending.resolve({ callId: result.callId });
    else pending.reject(new Error(result.problem));
    return true;
  }

  prepare(next: { leadId: string; number: string }): void {
    this.emit('dialer.prepareCall', next);
  }

  hangup(request: { dialerSessionId: string; callId?: string }): void {
    this.emit('dialer.hangup', request);
  }
}
